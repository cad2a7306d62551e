import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { publish, type PublishResult } from '../../src/action/publish.js';
import { parsePackages } from '../../src/formats/apt/packages-file.js';
import { parseRelease, releaseField } from '../../src/formats/apt/release-file.js';
import { parsePrimary } from '../../src/formats/yum/repodata-parse.js';
import { parseRepomd } from '../../src/formats/yum/repomd-xml.js';
import { UserError } from '../../src/util/errors.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { portsFor } from '../../src/action/wiring.js';
import { generateTestKey, type TestKey } from '../formats/openpgp/test-keys.js';
import { openPackageHost } from '../../src/hosts/open-host.js';
import { StoreHost } from '../../src/hosts/store-host.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { RacingStore } from '../fixtures/racing-store.js';
import { hostTree, read } from './host-tree.js';

/** The state keys of the dev repositories, which concurrent publishers update by compare-and-swap. */
const RACED_STATES = ['deb-dev/dists/stable/Release', 'rpm-dev/repodata/repomd.xml'];

/** Checks a signature the way a client would: against the signing key's public half. */
export interface SignatureVerifier {
  /** An InRelease (a clear-signed Release). */
  clearSigned(path: string): Promise<boolean>;
  /** A detached signature and the file it signs. */
  detached(signature: string, data: string): Promise<boolean>;
}

export interface PublishSetup {
  /** One build's packages under `dir`: deb and rpm for both architectures, the x86_64 tarball. */
  build(dir: string, version: string, marker?: string): string[];
  /** A verifier of what `key` signs, given a scratch directory. */
  verifier(key: TestKey, work: string): Promise<SignatureVerifier>;
}

/**
 * The action's publish keeping signed APT and YUM repositories on a directory host, release after
 * release. The calling test file must mock ../../src/hosts/open-host.js with openPackageHost as a
 * vi.fn around the real one (the concurrent test hands every publisher one racing store through it).
 */
export function describePublishRepositories(setup: PublishSetup): void {
  let work: string;
  let key: TestKey;
  let verifier: SignatureVerifier;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'repositories-'));
    key = await generateTestKey('ed25519');
    verifier = await setup.verifier(key, work);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** One run of the action's publish on package files, as a workflow step would run it. */
  async function publishPackages(
    host: string,
    ref: string,
    files: readonly string[],
    inputs: Record<string, string> = {},
    logger = captureLogger(),
  ): Promise<PublishResult> {
    // The packages are built under `work`, as a release job builds them in its workspace.
    const workspace = work;
    const values: Record<string, string> = {
      ref,
      packages: files.join('\n'),
      'package-host': host,
      // The packages made in TypeScript have no immutable header region, which rpm needs to sign a header
      // (see sign-rpm.ts): here the repositories are the subject, the rpm header signatures are tested apart.
      'rpm-header-signatures': 'false',
      ...inputs,
    };
    const config = readInputs((name) => values[name] ?? '', { GITHUB_WORKSPACE: workspace });
    return publish(config, await portsFor(config, logger, () => undefined, workspace), logger, workspace);
  }

  function packagesOf(
    host: string,
    root: string,
    arch: string,
  ): { package: string; version: string; filename: string }[] {
    return parsePackages(read(host, `${root}/dists/stable/main/binary-${arch}/Packages`)).map((entry) => ({
      package: entry.package,
      version: entry.version,
      filename: entry.filename,
    }));
  }

  function rpmsOf(host: string, root: string): string[] {
    const { records } = parseRepomd(read(host, `${root}/repodata/repomd.xml`));
    const primary = records.find((record) => record.type === 'primary');
    if (!primary) throw new Error('no primary');
    const xml = gunzipSync(readFileSync(join(host, root, primary.location))).toString('utf8');
    return parsePrimary(xml).map(
      (p) => `${p.name}-${p.evr.version}-${p.evr.release}.${p.arch} ${p.location}`,
    );
  }

  describe('publishing packages keeps signed APT and YUM repositories', () => {
    let host: string;
    let builds: Record<string, string[]>;
    beforeAll(() => {
      host = join(work, 'host-stable');
      builds = {
        '0.26.0': setup.build(join(work, 'build-0.26.0'), '0.26.0'),
        '0.26.1': setup.build(join(work, 'build-0.26.1'), '0.26.1'),
      };
    });

    it('a first release creates both repositories, signed, listing both architectures', async () => {
      const result = await publishPackages(host, 'refs/tags/0.26.0', builds['0.26.0'] ?? [], {
        'signing-key': key.privateKey,
      });
      expect(
        result.plan.filter((step) => step.step === 'update-repository').map((step) => step.root),
      ).toEqual(['bin', 'deb', 'rpm']);
      expect(packagesOf(host, 'deb', 'amd64')).toEqual([
        { package: 'falco', version: '0.26.0', filename: 'stable/falco-0.26.0-x86_64.deb' },
      ]);
      expect(packagesOf(host, 'deb', 'arm64')).toEqual([
        { package: 'falco', version: '0.26.0', filename: 'stable/falco-0.26.0-aarch64.deb' },
      ]);
      const release = parseRelease(read(host, 'deb/dists/stable/Release'));
      expect(releaseField(release, 'Acquire-By-Hash')).toBe('yes');
      expect(releaseField(release, 'Architectures')).toBe('amd64 arm64');
      // Every index the Release lists is there under its plain name and its by-hash name.
      for (const file of release.files) {
        expect(existsSync(join(host, 'deb/dists/stable', file.path))).toBe(true);
        const byHash = `${file.path.slice(0, file.path.lastIndexOf('/'))}/by-hash/SHA256/${file.sha256 ?? ''}`;
        expect(existsSync(join(host, 'deb/dists/stable', byHash))).toBe(true);
      }
      expect(rpmsOf(host, 'rpm')).toEqual([
        'falco-0.26.0-1.aarch64 falco-0.26.0-aarch64.rpm',
        'falco-0.26.0-1.x86_64 falco-0.26.0-x86_64.rpm',
      ]);
      // Every signature checks against the public key.
      expect(await verifier.clearSigned(join(host, 'deb/dists/stable/InRelease'))).toBe(true);
      expect(
        await verifier.detached(
          join(host, 'deb/dists/stable/Release.gpg'),
          join(host, 'deb/dists/stable/Release'),
        ),
      ).toBe(true);
      expect(
        await verifier.detached(
          join(host, 'rpm/repodata/repomd.xml.asc'),
          join(host, 'rpm/repodata/repomd.xml'),
        ),
      ).toBe(true);
      for (const path of [
        'deb/stable/falco-0.26.0-x86_64.deb',
        'rpm/falco-0.26.0-aarch64.rpm',
        'bin/x86_64/falco-0.26.0-x86_64.tar.gz',
      ]) {
        expect(await verifier.detached(join(host, `${path}.asc`), join(host, path)), path).toBe(true);
      }
    });

    it('a second release adds to the indexes; the first stays', async () => {
      await publishPackages(host, 'refs/tags/0.26.1', builds['0.26.1'] ?? [], {
        'signing-key': key.privateKey,
      });
      expect(packagesOf(host, 'deb', 'amd64').map((entry) => entry.version)).toEqual(['0.26.0', '0.26.1']);
      expect(rpmsOf(host, 'rpm')).toHaveLength(4);
      // The documents of the previous repomd.xml stay for their grace period: a client that read it a
      // moment ago still finds them.
      const primaries = [...hostTree(host).keys()].filter((path) => path.endsWith('-primary.xml.gz'));
      expect(primaries).toHaveLength(2);
      expect(await verifier.clearSigned(join(host, 'deb/dists/stable/InRelease'))).toBe(true);
      expect(
        await verifier.detached(
          join(host, 'rpm/repodata/repomd.xml.asc'),
          join(host, 'rpm/repodata/repomd.xml'),
        ),
      ).toBe(true);
    });

    it('a dry run prints the repository updates and writes nothing', async () => {
      const before = hostTree(host);
      const release = setup.build(join(work, 'build-0.26.2'), '0.26.2');
      const result = await publishPackages(host, 'refs/tags/0.26.2', release, {
        'signing-key': key.privateKey,
        'dry-run': 'true',
      });
      const steps = result.plan.filter((step) => step.step === 'update-repository');
      expect(steps.map((step) => [step.root, step.repository.packages.length, step.signedBy])).toEqual([
        ['bin', 1, expect.stringMatching(/^[0-9A-F]{40}$/)],
        ['deb', 2, expect.stringMatching(/^[0-9A-F]{40}$/)],
        ['rpm', 2, expect.stringMatching(/^[0-9A-F]{40}$/)],
      ]);
      expect(hostTree(host)).toEqual(before);
    });

    it('a re-run changes nothing: no file written, none removed', async () => {
      const before = hostTree(host);
      const result = await publishPackages(host, 'refs/tags/0.26.1', builds['0.26.1'] ?? [], {
        'signing-key': key.privateKey,
      });
      expect(hostTree(host)).toEqual(before);
      expect(result.plan.filter((step) => step.step === 'publish-package' && step.action !== 'skip')).toEqual(
        [],
      );
    });

    it('refuses to publish unsigned to a signed repository, before writing anything', async () => {
      const before = hostTree(host);
      const rc = setup.build(join(work, 'build-0.27.0'), '0.27.0');
      const error = await publishPackages(host, 'refs/tags/0.27.0', rc).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).subject).toBe('signing-key');
      expect(hostTree(host)).toEqual(before);
    });

    it('refuses a signing key that cannot sign, before writing anything, without quoting it', async () => {
      const fresh = join(work, 'host-bad-key');
      const notAKey =
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nbm90IGEga2V5IGF0IGFsbA==\n-----END PGP PRIVATE KEY BLOCK-----';
      const error = await publishPackages(fresh, 'refs/tags/0.26.0', builds['0.26.0'] ?? [], {
        'signing-key': notAKey,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).subject).toBe('signing-key');
      expect((error as UserError).message).not.toContain('bm90IGEga2V5');
      expect(existsSync(fresh)).toBe(false);
    });

    it('refuses a package whose name is published with other content, before writing anything', async () => {
      const before = hostTree(host);
      const other = setup.build(join(work, 'build-0.26.1-other'), '0.26.1', ' rebuilt');
      const error = await publishPackages(host, 'refs/tags/0.26.1', other, {
        'signing-key': key.privateKey,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).problem).toContain('already published with different content');
      expect(hostTree(host)).toEqual(before);
    });

    it('refuses indexes it cannot read, before writing anything', async () => {
      const broken = join(work, 'host-broken');
      await publishPackages(broken, 'refs/tags/0.26.0', builds['0.26.0'] ?? []);
      writeFileSync(join(broken, 'rpm/repodata/repomd.xml'), '<repomd><data type="primary"></data></repomd>');
      const before = hostTree(broken);
      const error = await publishPackages(broken, 'refs/tags/0.26.1', builds['0.26.1'] ?? []).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).subject).toBe('package-host: rpm');
      expect(hostTree(broken)).toEqual(before);
    });
  });

  describe('dev retention', () => {
    it('keeps the newest versions in the dev trees and deletes the older files for real', async () => {
      const host = join(work, 'host-dev');
      const versions = ['0.27.0-1+aaa0001', '0.27.0-2+aaa0002', '0.27.0-10+aaa0010', '0.27.0-11+aaa0011'];
      for (const version of versions) {
        const files = setup.build(join(work, `build-${version}`), version);
        await publishPackages(host, 'refs/heads/master', files, {
          'dev-retention': 'deb=2,rpm=2,bin=1',
          'signing-key': key.privateKey,
        });
      }
      // 10 sorts after 2 as a version, not as text.
      expect(packagesOf(host, 'deb-dev', 'amd64').map((entry) => entry.version)).toEqual([
        '0.27.0-10+aaa0010',
        '0.27.0-11+aaa0011',
      ]);
      expect(rpmsOf(host, 'rpm-dev').map((line) => line.split(' ')[0])).toEqual([
        'falco-0.27.0-10+aaa0010.aarch64',
        'falco-0.27.0-10+aaa0010.x86_64',
        'falco-0.27.0-11+aaa0011.aarch64',
        'falco-0.27.0-11+aaa0011.x86_64',
      ]);
      const files = [...hostTree(host).keys()].filter(
        (path) => !path.includes('/dists/') && !path.includes('/repodata/'),
      );
      expect(files.sort()).toEqual(
        [
          ...['10+aaa0010', '11+aaa0011'].flatMap((build) => [
            `deb-dev/stable/falco-0.27.0-${build}-aarch64.deb`,
            `deb-dev/stable/falco-0.27.0-${build}-x86_64.deb`,
            `rpm-dev/falco-0.27.0-${build}-aarch64.rpm`,
            `rpm-dev/falco-0.27.0-${build}-x86_64.rpm`,
          ]),
          'bin-dev/x86_64/falco-0.27.0-11+aaa0011-x86_64.tar.gz',
        ]
          .flatMap((path) => [path, `${path}.asc`])
          .sort(),
      );
    });
  });

  describe('dev retention by size', () => {
    const VERSIONS = ['0.28.0-1+ccc0001', '0.28.0-2+ccc0002', '0.28.0-10+ccc0010', '0.28.0-11+ccc0011'];
    let host: string;
    let builds: string[][];
    beforeAll(() => {
      host = join(work, 'host-dev-size');
      // Random text in every package makes each weigh some KiB, so a limit in whole KiB cannot blur
      // which versions fit.
      builds = VERSIONS.map((version) =>
        setup.build(join(work, `build-${version}`), version, randomBytes(4096).toString('hex')),
      );
    });

    /** The files of these versions in a tree (packages and their signatures), sorted. */
    const filesOf = (root: string, versions: readonly string[]): string[] =>
      [...hostTree(host).keys()]
        .filter((path) => path.startsWith(`${root}/`) && versions.some((v) => path.includes(`-${v}-`)))
        .sort();
    const weight = (root: string, versions: readonly string[]): number =>
      filesOf(root, versions).reduce((sum, path) => sum + statSync(join(host, path)).size, 0);

    it('none deletes nothing, build after build', async () => {
      for (const files of builds) {
        await publishPackages(host, 'refs/heads/master', files, {
          'dev-retention': 'none',
          'signing-key': key.privateKey,
        });
      }
      expect(packagesOf(host, 'deb-dev', 'amd64').map((entry) => entry.version)).toEqual(VERSIONS);
      expect(rpmsOf(host, 'rpm-dev')).toHaveLength(8);
      expect(filesOf('bin-dev', VERSIONS)).toHaveLength(8);
    });

    it('a dry run lists every file it would delete, in the plan and the log, and deletes none', async () => {
      // Room for the two newest versions, packages and signatures, rounded up to a KiB.
      const newest = VERSIONS.slice(-2);
      const kib = (root: string): number => Math.ceil(weight(root, newest) / 1024);
      const retention = `deb=${kib('deb-dev')}KiB,rpm=${kib('rpm-dev')}KiB`;
      const before = hostTree(host);
      const logger = captureLogger();
      const result = await publishPackages(
        host,
        'refs/heads/master',
        builds[3] ?? [],
        { 'dev-retention': retention, 'signing-key': key.privateKey, 'dry-run': 'true' },
        logger,
      );
      expect(hostTree(host)).toEqual(before);
      const oldest = VERSIONS.slice(0, 2);
      const planned = new Map(
        result.plan.flatMap((step) =>
          step.step === 'update-repository' ? [[step.root, step.retention]] : [],
        ),
      );
      expect(planned.get('deb-dev')).toEqual({
        limit: { bytes: kib('deb-dev') * 1024 },
        deletes: filesOf('deb-dev', oldest),
      });
      expect(planned.get('rpm-dev')?.deletes).toEqual(filesOf('rpm-dev', oldest));
      // bin is not named: bin-dev is not pruned.
      expect(planned.get('bin-dev')).toBeUndefined();
      // Each .deb and .rpm of the two oldest versions, and its signature.
      expect(filesOf('deb-dev', oldest)).toHaveLength(8);
      const log = logger.lines.join('\n');
      expect(log).toContain(`retention deletes 8 files:`);
      for (const path of [...filesOf('deb-dev', oldest), ...filesOf('rpm-dev', oldest)]) {
        expect(log).toContain(`\n           ${path}`);
      }

      // The same run for real deletes exactly those files.
      const expected = [...filesOf('deb-dev', oldest), ...filesOf('rpm-dev', oldest)].sort();
      await publishPackages(host, 'refs/heads/master', builds[3] ?? [], {
        'dev-retention': retention,
        'signing-key': key.privateKey,
      });
      const after = hostTree(host);
      const deleted = [...before.keys()].filter(
        (path) => !after.has(path) && !/\/(dists|repodata)\//.test(path),
      );
      expect(deleted.sort()).toEqual(expected);
    });

    it('leaves the newest versions that fit in the indexes, and never the version it publishes', async () => {
      expect(packagesOf(host, 'deb-dev', 'arm64').map((entry) => entry.version)).toEqual(VERSIONS.slice(-2));
      expect(rpmsOf(host, 'rpm-dev').map((line) => line.split(' ')[0])).toEqual(
        VERSIONS.slice(-2).flatMap((v) => [`falco-${v}.aarch64`, `falco-${v}.x86_64`]),
      );
      // The oldest build published again: it stays, and the newest versions leave to make room for it.
      const kib = Math.ceil(weight('deb-dev', VERSIONS.slice(-1)) / 1024);
      await publishPackages(host, 'refs/heads/master', builds[0] ?? [], {
        'dev-retention': `deb=${kib}KiB,rpm=1KiB`,
        'signing-key': key.privateKey,
      });
      expect(packagesOf(host, 'deb-dev', 'amd64').map((entry) => entry.version)).toEqual([VERSIONS[0]]);
      expect(rpmsOf(host, 'rpm-dev').map((line) => line.split(' ')[0])).toEqual([
        `falco-${VERSIONS[0]}.aarch64`,
        `falco-${VERSIONS[0]}.x86_64`,
      ]);
      expect(filesOf('deb-dev', VERSIONS.slice(1))).toEqual([]);
      expect(filesOf('bin-dev', VERSIONS)).toHaveLength(8);
    });
  });

  describe('concurrent publishers on one directory host', () => {
    it('8 dev builds published at once: none loses a package', async () => {
      const host = join(work, 'host-concurrent');
      const versions = Array.from({ length: 8 }, (_, i) => `0.28.0-${i + 1}+bbb000${i}`);
      const builds = versions.map((version) => setup.build(join(work, `build-${version}`), version));
      // Every publisher on one store that makes two of them race for each repository's state, for certain.
      const racing = new RacingStore(new DirectoryStore(host), RACED_STATES);
      vi.mocked(openPackageHost).mockImplementation(
        async (_location, options) => new StoreHost(racing, options.serialized),
      );
      try {
        await Promise.all(builds.map((files) => publishPackages(host, 'refs/heads/master', files)));
      } finally {
        vi.mocked(openPackageHost).mockReset();
      }
      for (const key of RACED_STATES) {
        expect({ key, raced: racing.raced(key) }).toEqual({ key, raced: true });
        expect(racing.conflicts.get(key), key).toBeGreaterThan(0);
      }
      expect(packagesOf(host, 'deb-dev', 'amd64').map((entry) => entry.version)).toEqual(versions);
      expect(packagesOf(host, 'deb-dev', 'arm64').map((entry) => entry.version)).toEqual(versions);
      expect(rpmsOf(host, 'rpm-dev')).toHaveLength(16);
      // The plain-name indexes match the final Release (the last writer left a consistent set).
      const release = parseRelease(read(host, 'deb-dev/dists/stable/Release'));
      for (const file of release.files) {
        const bytes = readFileSync(join(host, 'deb-dev/dists/stable', file.path));
        expect(bytes.byteLength, file.path).toBe(file.size);
      }
    });
  });
}
