import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackageContents } from '../../src/formats/package-contents.js';
import type { PackageToIndex } from '../../src/indexes/indexed-package.js';
import { RepositoryUpdater, type PlannedRepository } from '../../src/indexes/repository-updater.js';
import { parseRetention, type Retention } from '../../src/indexes/retention.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { falcoTarball, type FalcoArch } from './falco-packages.js';
import { madeFalcoDeb, madeFalcoRpm } from './made-packages.js';

let dir: string;
let store: DirectoryStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'repository-retention-'));
  store = new DirectoryStore(join(dir, 'host'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const ARCHES: readonly FalcoArch[] = ['x86_64', 'aarch64'];
const VERSIONS = ['0.27.0-1+aaa0001', '0.27.0-2+aaa0002', '0.27.0-10+aaa0010'] as const;
const NEXT = '0.27.0-11+aaa0011';

/** A dev build's .deb, .rpm and tarball files of both architectures, at their dev-tree paths. */
async function build(version: string): Promise<PackageToIndex[]> {
  const out = join(dir, `build-${version}`);
  const packages: PackageToIndex[] = [];
  for (const arch of ARCHES) {
    const deb = madeFalcoDeb(out, version, arch);
    const rpm = madeFalcoRpm(out, version, arch);
    const tarball = falcoTarball(out, version, arch);
    packages.push(
      {
        path: `deb-dev/stable/falco-${version}-${arch}.deb`,
        localFile: deb,
        contents: await readPackageContents(deb, 'deb'),
      },
      {
        path: `rpm-dev/falco-${version}-${arch}.rpm`,
        localFile: rpm,
        contents: await readPackageContents(rpm, 'rpm'),
      },
      { path: `bin-dev/${arch}/falco-${version}-${arch}.tar.gz`, localFile: tarball, contents: undefined },
    );
  }
  return packages;
}

function updater(retention: Retention): RepositoryUpdater {
  return new RepositoryUpdater(() => ({ store, conditional: true }), {
    loadSigning: undefined,
    retention,
    date: new Date(0),
    graceMs: 0,
  });
}

/** Uploads a build and updates its repositories, as a publish does; returns the reports by root. */
async function publish(version: string, retention: Retention): Promise<Map<string, readonly string[]>> {
  const packages = await build(version);
  for (const pkg of packages) {
    await store.put(pkg.path, { file: pkg.localFile, size: statSync(pkg.localFile).size });
  }
  const keeper = updater(retention);
  const removed = new Map<string, readonly string[]>();
  for (const repository of await keeper.prepare(packages)) {
    const report = await keeper.update(repository, new Set(packages.map((pkg) => pkg.path)));
    removed.set(report.root, report.removed);
  }
  return removed;
}

/** What the plan says retention deletes, by root. */
async function planned(version: string, retention: Retention): Promise<Map<string, PlannedRepository>> {
  const repositories = await updater(retention).prepare(await build(version));
  return new Map(repositories.map((repository) => [repository.root, repository]));
}

const fileSize = (path: string): number => statSync(join(dir, 'host', path)).size;
const sizeOfVersion = (version: string, paths: (version: string, arch: FalcoArch) => string): number =>
  ARCHES.reduce((sum, arch) => sum + fileSize(paths(version, arch)), 0);
const debOf = (version: string, arch: FalcoArch): string => `deb-dev/stable/falco-${version}-${arch}.deb`;
const rpmOf = (version: string, arch: FalcoArch): string => `rpm-dev/falco-${version}-${arch}.rpm`;
const tarballOf = (version: string, arch: FalcoArch): string =>
  `bin-dev/${arch}/falco-${version}-${arch}.tar.gz`;

describe('retention planned and done by the repository updater', () => {
  beforeEach(async () => {
    for (const version of VERSIONS) await publish(version, {});
    // What lies beside a package goes with it, and weighs with it.
    await store.put(`${debOf(VERSIONS[1], 'x86_64')}.asc`, Buffer.alloc(50));
    await store.put(`${rpmOf(VERSIONS[0], 'aarch64')}.sigstore.json`, Buffer.alloc(50));
  });

  it('plans every file it deletes, then deletes exactly those, by size', async () => {
    // Room for the newest version there and the one published, to the byte.
    const next = await build(NEXT);
    const room = (root: string): number =>
      next
        .filter((pkg) => pkg.path.startsWith(`${root}/`))
        .reduce((sum, pkg) => sum + statSync(pkg.localFile).size, 0);
    const sizes = {
      deb: sizeOfVersion(VERSIONS[2], debOf) + room('deb-dev'),
      rpm: sizeOfVersion(VERSIONS[2], rpmOf) + room('rpm-dev'),
      bin: sizeOfVersion(VERSIONS[2], tarballOf) + room('bin-dev'),
    };
    const retention: Retention = {
      deb: { bytes: sizes.deb },
      rpm: { bytes: sizes.rpm },
      bin: { bytes: sizes.bin },
    };
    const plan = await planned(NEXT, retention);
    const gone = VERSIONS.slice(0, 2);
    expect(plan.get('deb-dev')?.retention).toEqual({
      limit: { bytes: sizes.deb },
      deletes: [
        ...ARCHES.slice()
          .reverse()
          .flatMap((arch) => gone.map((version) => debOf(version, arch))),
        `${debOf(VERSIONS[1], 'x86_64')}.asc`,
      ].sort(),
    });
    expect(plan.get('rpm-dev')?.retention?.deletes).toEqual(
      [
        ...gone.flatMap((v) => ARCHES.map((arch) => rpmOf(v, arch))),
        `${rpmOf(VERSIONS[0], 'aarch64')}.sigstore.json`,
      ].sort(),
    );
    expect(plan.get('bin-dev')?.retention?.deletes).toEqual(
      gone.flatMap((v) => ARCHES.map((arch) => tarballOf(v, arch))).sort(),
    );
    const before = await store.list('');
    const removed = await publish(NEXT, retention);
    const deletes = [...plan.values()].flatMap((repository) => repository.retention?.deletes ?? []);
    // Everything planned is gone, nothing else: the new build's files came in.
    const after = await store.list('');
    expect(before.filter((key) => !after.includes(key) && !/\/(dists|repodata)\//.test(key)).sort()).toEqual(
      deletes.sort(),
    );
    expect([...(removed.get('deb-dev') ?? [])].sort()).toEqual(
      gone.flatMap((v) => ARCHES.map((arch) => debOf(v, arch))).sort(),
    );
  });

  it('plans by count as before: the newest versions of each package', async () => {
    const plan = await planned(NEXT, parseRetention('deb=3,rpm=1'));
    expect(plan.get('deb-dev')?.retention).toEqual({
      limit: { versions: 3 },
      deletes: ARCHES.map((arch) => debOf(VERSIONS[0], arch)).sort(),
    });
    expect(plan.get('rpm-dev')?.retention?.deletes).toHaveLength(7);
    // A kind not named is not pruned.
    expect(plan.get('bin-dev')?.retention).toBeUndefined();
  });

  it('a limit the repository is within deletes nothing, and none plans no retention at all', async () => {
    const roomy = await planned(NEXT, parseRetention('deb=1GiB,rpm=1GiB,bin=1GiB'));
    for (const root of ['deb-dev', 'rpm-dev', 'bin-dev']) {
      expect(roomy.get(root)?.retention?.deletes, root).toEqual([]);
    }
    const none = await planned(NEXT, parseRetention('none'));
    expect([...none.values()].map((repository) => repository.retention)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const before = await store.list('');
    await publish(NEXT, parseRetention('none'));
    const after = await store.list('');
    expect(before.filter((key) => !after.includes(key) && !/\/(dists|repodata)\//.test(key))).toEqual([]);
  });

  it('never plans to delete the version being published, nor prunes a stable tree', async () => {
    const plan = await planned(VERSIONS[0], parseRetention('deb=1KiB,rpm=1KiB,bin=1KiB'));
    // The tarballs here are smaller than 1 KiB altogether: bin-retention.test.ts shows the same for them.
    for (const root of ['deb-dev', 'rpm-dev']) {
      const deletes = plan.get(root)?.retention?.deletes ?? [];
      expect(deletes.length, root).toBeGreaterThan(0);
      expect(
        deletes.filter((path) => path.includes(VERSIONS[0])),
        root,
      ).toEqual([]);
    }
    const stable = await updater(parseRetention('deb=1,rpm=1,bin=1')).prepare(
      (await build('0.26.0')).map((pkg) => ({ ...pkg, path: pkg.path.replace('-dev/', '/') })),
    );
    expect(stable.map((repository) => [repository.root, repository.retention])).toEqual([
      ['bin', undefined],
      ['deb', undefined],
      ['rpm', undefined],
    ]);
  });

  it('says it cannot foresee what a repository being rewritten would lose, and plans on', async () => {
    // A Release whose index is not there (yet): another publisher is in the middle of writing them.
    await store.put(
      'deb-dev/dists/stable/Release',
      Buffer.from(
        `Origin: Falco\nArchitectures: amd64\nSHA256:\n ${'0'.repeat(64)} 10 main/binary-amd64/Packages\n`,
      ),
    );
    const plan = await planned(NEXT, parseRetention('deb=1,rpm=1'));
    expect(plan.get('deb-dev')?.retention).toEqual({ limit: { versions: 1 }, deletes: undefined });
    expect(plan.get('rpm-dev')?.retention?.deletes).toHaveLength(7);
  });
});
