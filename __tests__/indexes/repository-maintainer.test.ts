import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { readPackageContents } from '../../src/formats/package-contents.js';
import { rpmSigningState } from '../../src/formats/rpm/rpm-signature-packets.js';
import { committedRpm } from '../formats/rpm/committed-rpms.js';
import { copyFile } from 'node:fs/promises';
import type { PackageToIndex } from '../../src/indexes/indexed-package.js';
import { RepositoryMaintainer } from '../../src/indexes/repository-maintainer.js';
import { RepositoryUpdater } from '../../src/indexes/repository-updater.js';
import { loadSigning, type Signing } from '../../src/indexes/signing.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';
import { generateTestKey, type TestKey } from '../formats/openpgp/test-keys.js';
import { falcoTarball } from './falco-packages.js';
import { madeFalcoDeb, madeFalcoRpm } from './made-packages.js';

let dir: string;
let host: string;
let store: DirectoryStore;
let oldKey: TestKey;
let newKey: TestKey;
let oldSigning: Signing;
let newSigning: Signing;

beforeAll(async () => {
  // gpg's Ed25519: quick to make, and a kind rpm signs headers with.
  [oldKey, newKey] = await Promise.all([generateTestKey('ed25519'), generateTestKey('ed25519')]);
  [oldSigning, newSigning] = await Promise.all([
    loadSigning(oldKey.privateKey, undefined),
    loadSigning(newKey.privateKey, undefined),
  ]);
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'repository-maintainer-'));
  host = join(dir, 'host');
  store = new DirectoryStore(host);
  for (const version of ['0.39.0', '0.39.1']) await publish(version);
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** A stable release's .deb and .rpm of x86_64 and its tarball, published and indexed with the old key. */
async function publish(version: string): Promise<void> {
  const out = join(dir, `build-${version}`);
  const deb = madeFalcoDeb(out, version, 'x86_64');
  const rpm = madeFalcoRpm(out, version, 'x86_64');
  const tarball = falcoTarball(out, version, 'x86_64');
  const packages: PackageToIndex[] = [
    {
      path: `deb/stable/falco-${version}-x86_64.deb`,
      localFile: deb,
      contents: await readPackageContents(deb, 'deb'),
    },
    {
      path: `rpm/falco-${version}-x86_64.rpm`,
      localFile: rpm,
      contents: await readPackageContents(rpm, 'rpm'),
    },
    { path: `bin/x86_64/falco-${version}-x86_64.tar.gz`, localFile: tarball, contents: undefined },
  ];
  for (const pkg of packages)
    await store.put(pkg.path, { file: pkg.localFile, size: statSync(pkg.localFile).size });
  const updater = new RepositoryUpdater(() => ({ store, conditional: true }), {
    loadSigning: async () => oldSigning,
    retention: {},
    date: new Date(0),
    graceMs: 0,
  });
  for (const repository of await updater.prepare(packages)) {
    await updater.update(repository, new Set(packages.map((pkg) => pkg.path)));
  }
}

function maintainer(signing: Signing | undefined, headerSignatures = false): RepositoryMaintainer {
  return new RepositoryMaintainer(
    (path, localFile, sha256) =>
      store
        .put(path, { file: localFile, size: statSync(localFile).size }, { metadata: { sha256 } })
        .then(() => undefined),
    () => ({ store, conditional: true }),
    {
      loadSigning: signing && (async () => signing),
      headerSignatures,
      date: new Date(0),
      graceMs: 0,
      tempRoot: dir,
    },
  );
}

const ofVersion = (version: string) => (place: { readonly package: { readonly version: string } }) =>
  place.package.version === version;

const file = (path: string): Buffer => readFileSync(join(host, path));
const exists = (path: string): boolean => {
  try {
    statSync(join(host, path));
    return true;
  } catch {
    return false;
  }
};

/** The packages the APT Release's Packages index lists, by file name. */
function aptListed(): string[] {
  const packages = file('deb/dists/stable/main/binary-amd64/Packages').toString('utf8');
  return [...packages.matchAll(/^Filename: (.*)$/gm)].map((match) => match[1] ?? '').sort();
}

describe('unpublish', () => {
  it('plans every package of the version in every repository, with what lies beside each, reading only', async () => {
    const planned = await maintainer(oldSigning).planWithdrawals(ofVersion('0.39.1'));
    expect(planned.map((withdrawal) => [withdrawal.root, withdrawal.packages])).toEqual([
      ['deb', ['deb/stable/falco-0.39.1-x86_64.deb']],
      ['rpm', ['rpm/falco-0.39.1-x86_64.rpm']],
      ['bin', ['bin/x86_64/falco-0.39.1-x86_64.tar.gz']],
    ]);
    expect(planned[0]?.deletes).toEqual([
      'deb/stable/falco-0.39.1-x86_64.deb',
      'deb/stable/falco-0.39.1-x86_64.deb.asc',
    ]);
    expect(exists('deb/stable/falco-0.39.1-x86_64.deb')).toBe(true);
  });

  it('takes the packages out of the index, signed again, then deletes them; the other version stays', async () => {
    const keeper = maintainer(oldSigning);
    const reports = [];
    for (const withdrawal of await keeper.planWithdrawals(ofVersion('0.39.1')))
      reports.push(await keeper.withdraw(withdrawal));
    expect(reports.map((report) => [report.root, report.changed, report.removed])).toEqual([
      ['deb', true, ['deb/stable/falco-0.39.1-x86_64.deb']],
      ['rpm', true, ['rpm/falco-0.39.1-x86_64.rpm']],
      ['bin', undefined, ['bin/x86_64/falco-0.39.1-x86_64.tar.gz']],
    ]);
    for (const gone of [
      'deb/stable/falco-0.39.1-x86_64.deb',
      'deb/stable/falco-0.39.1-x86_64.deb.asc',
      'rpm/falco-0.39.1-x86_64.rpm',
      'bin/x86_64/falco-0.39.1-x86_64.tar.gz.asc',
    ]) {
      expect(exists(gone), gone).toBe(false);
    }
    expect(aptListed()).toEqual(['stable/falco-0.39.0-x86_64.deb']);
    const release = file('deb/dists/stable/Release');
    expect(await oldSigning.check.detached(file('deb/dists/stable/Release.gpg').toString(), release)).toBe(
      true,
    );
    expect(
      await oldSigning.check.clearSigned(file('deb/dists/stable/InRelease').toString(), release.toString()),
    ).toBe(true);
    expect(
      await oldSigning.check.detached(
        file('rpm/repodata/repomd.xml.asc').toString(),
        file('rpm/repodata/repomd.xml'),
      ),
    ).toBe(true);
    // Deleted files may be cached in front of the host: they are reported for the CDN.
    expect(reports[0]?.rewritten).toEqual(
      expect.arrayContaining(['deb/stable/falco-0.39.1-x86_64.deb', 'deb/dists/stable/InRelease']),
    );
    expect(exists('deb/stable/falco-0.39.0-x86_64.deb')).toBe(true);
    // Nothing of it is left to plan.
    expect(await maintainer(oldSigning).planWithdrawals(ofVersion('0.39.1'))).toEqual([]);
  });

  it('finishes what a stopped run left: a file the index no longer lists, an index entry whose file is gone', async () => {
    await writeFile(join(host, 'deb/stable/falco-0.39.1-orphan.txt'), 'not a package');
    // A first run took 0.39.1 out of the index and stopped before deleting its file.
    const keeper = maintainer(oldSigning);
    const [deb] = await keeper.planWithdrawals(ofVersion('0.39.1'));
    const copy = file('deb/stable/falco-0.39.1-x86_64.deb');
    await keeper.withdraw(deb ?? expect.fail('no deb withdrawal'));
    await writeFile(join(host, 'deb/stable/falco-0.39.1-x86_64.deb'), copy);
    // And 0.39.0's file went missing while the index still lists it.
    await unlink(join(host, 'deb/stable/falco-0.39.0-x86_64.deb'));

    const leftover = await maintainer(oldSigning).planWithdrawals(ofVersion('0.39.1'));
    expect(leftover.find((w) => w.root === 'deb')?.deletes).toEqual(['deb/stable/falco-0.39.1-x86_64.deb']);
    const second = maintainer(oldSigning);
    const [left] = (await second.planWithdrawals(ofVersion('0.39.1'))).filter((w) => w.root === 'deb');
    const report = await second.withdraw(left ?? expect.fail('no leftover'));
    expect(report.changed).toBe(false);
    expect(exists('deb/stable/falco-0.39.1-x86_64.deb')).toBe(false);

    const missing = (await maintainer(oldSigning).planWithdrawals(ofVersion('0.39.0'))).find(
      (w) => w.root === 'deb',
    );
    expect(missing?.packages).toEqual(['deb/stable/falco-0.39.0-x86_64.deb']);
    expect(missing?.deletes).toEqual(['deb/stable/falco-0.39.0-x86_64.deb.asc']);
    // Someone else's file is never picked.
    expect(exists('deb/stable/falco-0.39.1-orphan.txt')).toBe(true);
  });

  it('refuses to unpublish from a signed repository without its key, before any write', async () => {
    const error = await asyncUserErrorOf(maintainer(undefined).planWithdrawals(ofVersion('0.39.1')));
    expect(error.subject).toBe('signing-key');
  });
});

describe('resign', () => {
  it('plans every index signature and .asc the new key did not make; the old key finds nothing', async () => {
    const planned = await maintainer(newSigning).planResignings();
    const byRoot = new Map(planned.map((resigning) => [resigning.root, resigning]));
    expect([...byRoot.keys()]).toEqual(['deb', 'rpm', 'bin']);
    expect([...(byRoot.get('deb')?.indexes ?? [])].sort()).toEqual([
      'deb/dists/stable/InRelease',
      'deb/dists/stable/Release.gpg',
    ]);
    expect(byRoot.get('rpm')?.indexes).toEqual(['rpm/repodata/repomd.xml.asc']);
    for (const resigning of planned) {
      expect(resigning.signatures).toEqual(resigning.packages);
      expect(resigning.rpmHeaders).toEqual([]);
    }
    expect(byRoot.get('bin')?.packages).toEqual([
      'bin/x86_64/falco-0.39.0-x86_64.tar.gz',
      'bin/x86_64/falco-0.39.1-x86_64.tar.gz',
    ]);
    for (const resigning of await maintainer(oldSigning).planResignings()) {
      expect([resigning.indexes, resigning.signatures], resigning.root).toEqual([[], []]);
    }
  });

  it('signs every index and .asc again with the new key, and leaves nothing for a re-run', async () => {
    const keeper = maintainer(newSigning);
    for (const resigning of await keeper.planResignings()) await keeper.resign(resigning);
    for (const pkg of [
      'deb/stable/falco-0.39.0-x86_64.deb',
      'rpm/falco-0.39.1-x86_64.rpm',
      'bin/x86_64/falco-0.39.1-x86_64.tar.gz',
    ]) {
      expect(await newSigning.check.detached(file(`${pkg}.asc`).toString(), file(pkg)), pkg).toBe(true);
    }
    const release = file('deb/dists/stable/Release');
    expect(
      await newSigning.check.clearSigned(file('deb/dists/stable/InRelease').toString(), release.toString()),
    ).toBe(true);
    expect(
      await newSigning.check.detached(
        file('rpm/repodata/repomd.xml.asc').toString(),
        file('rpm/repodata/repomd.xml'),
      ),
    ).toBe(true);
    for (const resigning of await maintainer(newSigning).planResignings()) {
      expect([resigning.signatures, resigning.indexes], resigning.root).toEqual([[], []]);
    }
  });

  it('refuses, before any write, an rpm no header signature can be made for when rpm headers are signed', async () => {
    const error = await asyncUserErrorOf(maintainer(newSigning, true).planResignings());
    expect(error.subject).toBe('package-host: rpm/falco-0.39.0-x86_64.rpm');
    expect(error.message).toContain("rpm-header-signatures: 'false'");
  });

  it('signs rpm headers again, puts the rpms back, re-indexes them, and deletes the provenance of the old bytes', async () => {
    // An rpm as rpmbuild makes them (rpm 4, payload digest): one a header signature can be made for.
    await rm(join(host, 'rpm'), { recursive: true });
    const rpm = join(dir, 'falco-test-0.27.0-12+abc1234-x86_64.rpm');
    await copyFile(committedRpm('full'), rpm);
    const path = 'rpm-dev/falco-test-0.27.0-12+abc1234-x86_64.rpm';
    await store.put(path, { file: rpm, size: statSync(rpm).size });
    await writeFile(join(host, `${path}.sigstore.json`), '{}');
    const updater = new RepositoryUpdater(() => ({ store, conditional: true }), {
      loadSigning: async () => oldSigning,
      retention: {},
      date: new Date(0),
      graceMs: 0,
    });
    const packages = [{ path, localFile: rpm, contents: await readPackageContents(rpm, 'rpm') }];
    for (const repository of await updater.prepare(packages))
      await updater.update(repository, new Set([path]));

    const keeper = maintainer(newSigning, true);
    const planned = await keeper.planResignings();
    const dev = planned.find((resigning) => resigning.root === 'rpm-dev');
    expect(dev?.rpmHeaders).toEqual([path]);
    expect(dev?.staleBundles).toEqual([`${path}.sigstore.json`]);
    const reports = [];
    for (const resigning of planned) reports.push(await keeper.resign(resigning));
    const report = reports.find((done) => done.root === 'rpm-dev');
    expect(report?.headersSigned).toEqual([path]);
    expect(report?.changed).toBe(true);
    expect(report?.rewritten).toEqual(expect.arrayContaining([path, `${path}.asc`, `${path}.sigstore.json`]));
    expect(exists(`${path}.sigstore.json`)).toBe(false);

    const { packets } = await rpmSigningState(
      await store.open(path).then((s) => s ?? expect.fail('gone')),
      'rpm',
    );
    expect(packets).toHaveLength(1);
    expect(await newSigning.check.issuedByThisKey({ binary: packets[0] ?? new Uint8Array() })).toBe(true);
    expect(await oldSigning.check.issuedByThisKey({ binary: packets[0] ?? new Uint8Array() })).toBe(false);
    expect(await newSigning.check.detached(file(`${path}.asc`).toString(), file(path))).toBe(true);
    // The YUM metadata names the re-signed bytes.
    const repomd = file('rpm-dev/repodata/repomd.xml').toString();
    const primaryName = /href="(repodata\/[0-9a-f]+-primary\.xml\.gz)"/.exec(repomd)?.[1] ?? '';
    const primary = gunzipSync(file(`rpm-dev/${primaryName}`)).toString();
    expect(primary).toContain(createHash('sha256').update(file(path)).digest('hex'));

    for (const resigning of await maintainer(newSigning, true).planResignings()) {
      expect([resigning.rpmHeaders, resigning.signatures, resigning.indexes], resigning.root).toEqual([
        [],
        [],
        [],
      ]);
    }
  });

  it('refuses a repository whose index lists a package the host does not have, before any write', async () => {
    await unlink(join(host, 'rpm/falco-0.39.0-x86_64.rpm'));
    const error = await asyncUserErrorOf(maintainer(newSigning).planResignings());
    expect(error.subject).toBe('package-host: rpm/falco-0.39.0-x86_64.rpm');
    expect(error.message).toContain('mode: unpublish');
  });
});
