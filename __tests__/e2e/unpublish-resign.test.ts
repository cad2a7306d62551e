import { listBucket, newBucket, type S3Service } from './services/s3-bucket.js';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Store } from '../../src/stores/s3-store.js';
import { useTools } from '../formats/fixtures/tools.js';
import { dearmorKeyring, gpgv, validSig } from '../formats/openpgp/gpg-tools.js';
import { serveDirectory, type StaticServer } from '../formats/openpgp/static-server.js';
import { generateTestKey, type TestKey } from '../formats/openpgp/test-keys.js';
import { falcoBuild } from '../indexes/falco-packages.js';
import { errorLine, runAction, type ActionRun } from './run-action.js';
import { copyStore } from './services/bucket-copy.js';
import {
  aptCandidate,
  aptClient,
  aptVersions,
  dnfClient,
  dnfDownload,
  dnfVersions,
  shellProviderRepository,
  type DnfClient,
} from './services/package-clients.js';
import { startRadosgw, type Radosgw } from './services/radosgw.js';
import { startSwift, type Swift } from './services/swift.js';

// mode: unpublish and mode: resign through the bundled action, on a directory host, Swift (serialized)
// and radosgw (conditional writes): two stable releases are published signed with one key; a dry run
// changes nothing; unpublishing takes a version out of every index (signed again) and off the host, as
// apt-get and dnf then see; resigning with a second key re-signs every index, .asc and rpm header, so
// apt-get and dnf trust the repositories with the new key only; a re-run of either writes nothing.
useTools('apt-get', 'apt-cache', 'dnf', 'dpkg-deb', 'rpmbuild', 'createrepo_c', 'gpg', 'gpgv', 'gpgconf');

const VERSIONS = ['0.39.0', '0.39.1'] as const;

let work: string;
/** The key the releases are published with, and the one a rotation moves to. */
let oldKey: TestKey;
let newKey: TestKey;
let oldKeyring: string;
let newKeyring: string;
let shellRepository: string;
const servers: StaticServer[] = [];
const dnfClients: DnfClient[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'unpublish-resign-'));
  // RSA, as Falco's keys: the action signs the .rpm headers with them, and dnf checks them.
  [oldKey, newKey] = await Promise.all([generateTestKey('rsa'), generateTestKey('rsa')]);
  oldKeyring = dearmorKeyring(oldKey.publicKey, join(work, 'old-keyring.gpg'));
  newKeyring = dearmorKeyring(newKey.publicKey, join(work, 'new-keyring.gpg'));
  shellRepository = shellProviderRepository(join(work, 'shell'));
  for (const version of VERSIONS) falcoBuild(join(work, `build-${version}`), version, version);
});

afterAll(async () => {
  for (const dnf of dnfClients) dnf.close();
  await Promise.all(servers.map((server) => server.close()));
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Where the packages go, how a run reaches it, and what it holds. */
interface Host {
  readonly inputs: Record<string, string>;
  readonly env: Record<string, string>;
  /** Every file under the host's root with its size and version tag, by host path (`deb/stable/…`). */
  files(): Promise<Map<string, string>>;
  /** A local copy of the host (a bucket is copied out, as a sync job does). */
  local(): Promise<string>;
}

function directoryHost(dir: string): Host {
  const walk = (path: string): string[] =>
    readdirSync(path, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(path, entry.name)) : [join(path, entry.name)],
    );
  return {
    inputs: { 'package-host': dir },
    env: {},
    files: async () =>
      new Map(
        walk(dir).map((path) => {
          const stats = statSync(path);
          return [relative(dir, path), `${stats.size} ${stats.mtimeMs}`];
        }),
      ),
    local: async () => dir,
  };
}

async function bucketHost(service: S3Service, bucket: string, serialized: boolean): Promise<Host> {
  const credentials = { accessKeyId: service.accessKeyId, secretAccessKey: service.secretAccessKey };
  const s3 = await newBucket(service, bucket);
  const store = new S3Store({
    bucket,
    prefix: 'packages',
    endpoint: service.endpoint,
    region: service.region,
    credentials,
  });
  return {
    inputs: {
      'package-host': `s3://${bucket}/packages`,
      's3-endpoint': service.endpoint,
      ...(serialized ? { serialized: 'true' } : {}),
    },
    env: { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey },
    async files() {
      const objects = await listBucket(s3, bucket, 'packages');
      return new Map(objects.map((object) => [object.key, `${object.size} ${object.etag}`]));
    },
    async local() {
      const copy = mkdtempSync(join(work, `${bucket}-copy-`));
      await copyStore(store, copy);
      return copy;
    },
  };
}

async function run(host: Host, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({ ...host.inputs, ...inputs }, host.env, work);
}

async function succeed(host: Host, inputs: Record<string, string>): Promise<ActionRun> {
  const done = await run(host, inputs);
  expect(done.exitCode, `${done.stdout}\n${done.stderr}`).toBe(0);
  return done;
}

/** A stable release of the build, signed with the old key (indexes, .asc and rpm headers). */
function release(host: Host, version: string): Promise<ActionRun> {
  const dir = `build-${version}`;
  return succeed(host, {
    ref: `refs/tags/${version}`,
    packages: `${dir}/falco-*.deb\n${dir}/falco-*.rpm\n${dir}/falco-*.tar.gz`,
    'signing-key': oldKey.privateKey,
  });
}

interface PlannedStep {
  readonly step: string;
  readonly root?: string;
  readonly packages?: string[];
  readonly deletes?: string[];
  readonly rpmHeaders?: string[];
  readonly signatures?: string[];
  readonly indexes?: string[];
}

function planOf(done: ActionRun): PlannedStep[] {
  return JSON.parse(done.outputs.plan ?? '[]') as PlannedStep[];
}

/** The files of a version (packages and what lies beside them), sorted. */
function filesOf(files: ReadonlyMap<string, string>, version: string): string[] {
  return [...files.keys()].filter((path) => path.includes(`-${version}-`)).sort();
}

/** Fresh amd64 apt and x86_64 dnf clients trusting `keyring`: exactly `versions` are offered and install. */
async function clientsSee(
  dir: string,
  label: string,
  trusted: { readonly keyring: string; readonly key: TestKey },
  versions: readonly string[],
): Promise<void> {
  const server = await serveDirectory(dir);
  servers.push(server);
  const name = label.replace(/[^A-Za-z0-9-]+/g, '-');
  const apt = aptClient(
    join(work, 'clients', `${name}-apt`),
    `deb [signed-by=${trusted.keyring}] ${server.url}/deb stable main`,
    'amd64',
  );
  const update = await apt.run('apt-get', 'update');
  expect(update.ok, update.output).toBe(true);
  expect(update.output).not.toMatch(/^(W|E|Err):/m);
  expect((await aptVersions(apt)).sort()).toEqual([...versions].sort());
  expect(await aptCandidate(apt)).toBe(versions.at(-1));
  const deb = await apt.download('falco');
  expect(deb.ok, deb.output).toBe(true);

  const dnf = dnfClient(
    join(work, 'clients', `${name}-dnf`),
    { baseurl: `${server.url}/rpm`, publicKey: trusted.key.publicKey },
    'x86_64',
    shellRepository,
  );
  dnfClients.push(dnf);
  const query = await dnfVersions(dnf, 'x86_64');
  expect(query.ok, query.output).toBe(true);
  expect(query.nevras, query.output).toEqual(versions.map((v) => `falco-${v}-1.x86_64`).sort());
  // gpgcheck=1: dnf checks the rpm's header signature with the trusted key.
  const rpm = await dnfDownload(dnf, 'falco');
  expect(rpm.ok, rpm.output).toBe(true);
  expect([...rpm.files.keys()]).toEqual([`falco-${versions.at(-1) ?? ''}-x86_64.rpm`]);
}

/** apt-get update with a keyring that is not the repository's fails: the signature is checked. */
async function aptRefuses(dir: string, label: string, keyring: string): Promise<void> {
  const server = await serveDirectory(dir);
  servers.push(server);
  const apt = aptClient(
    join(work, 'clients', `${label.replace(/[^A-Za-z0-9-]+/g, '-')}-apt`),
    `deb [signed-by=${keyring}] ${server.url}/deb stable main`,
    'amd64',
  );
  const update = await apt.run('apt-get', 'update');
  expect(update.output).toMatch(
    /NO_PUBKEY|not signed|is not signed|signatures? (couldn't|could not) be verified/i,
  );
}

function describeModes(name: string, open: () => Promise<Host>): void {
  describe(name, () => {
    let host: Host;

    beforeAll(async () => {
      host = await open();
      for (const version of VERSIONS) await release(host, version);
    });

    it('refuses an unpublish without the signing key of a signed repository, and a version it does not have, before any write', async () => {
      const before = await host.files();
      const unsigned = await run(host, { mode: 'unpublish', version: '0.39.1' });
      expect(unsigned.exitCode).not.toBe(0);
      expect(errorLine(unsigned)).toMatch(/signing-key.*signed repository/);
      const unknown = await run(host, {
        mode: 'unpublish',
        version: '0.39.7',
        'signing-key': oldKey.privateKey,
      });
      expect(unknown.exitCode).not.toBe(0);
      expect(errorLine(unknown)).toMatch(/version.*no package of 0\.39\.7/);
      const pattern = await run(host, {
        mode: 'unpublish',
        version: '0.39.1',
        packages: '*.deb\nfalco-0.39.1-s390x.rpm',
        'signing-key': oldKey.privateKey,
      });
      expect(pattern.exitCode).not.toBe(0);
      expect(errorLine(pattern)).toMatch(/packages.*'falco-0\.39\.1-s390x\.rpm' matches no package/);
      expect(await host.files()).toEqual(before);
    });

    it('a dry run of an unpublish lists every file it would delete, and deletes none', async () => {
      const before = await host.files();
      const done = await succeed(host, {
        mode: 'unpublish',
        version: '0.39.1',
        'signing-key': oldKey.privateKey,
        'dry-run': 'true',
      });
      expect(await host.files()).toEqual(before);
      const steps = planOf(done);
      expect(steps.map((step) => `${step.step} ${step.root ?? ''}`)).toEqual([
        'withdraw-packages deb',
        'withdraw-packages rpm',
        'withdraw-packages bin',
      ]);
      expect(steps.flatMap((step) => step.deletes ?? []).sort()).toEqual(filesOf(before, '0.39.1'));
      expect(done.stdout).toContain('withdraw deb: 2 packages');
      expect(done.summary).toContain('unpublished from the package host — dry run');
    });

    it('unpublishes the .debs of a version, then the rest of it: indexes re-signed, files gone, clients see the other version', async () => {
      const debs = await succeed(host, {
        mode: 'unpublish',
        version: '0.39.1',
        packages: '*.deb',
        'signing-key': oldKey.privateKey,
      });
      expect(planOf(debs).map((step) => step.root)).toEqual(['deb']);
      let files = await host.files();
      expect(filesOf(files, '0.39.1').filter((path) => path.startsWith('deb/'))).toEqual([]);
      expect(filesOf(files, '0.39.1').filter((path) => path.startsWith('rpm/')).length).toBeGreaterThan(0);

      const rest = await succeed(host, {
        mode: 'unpublish',
        version: '0.39.1',
        'signing-key': oldKey.privateKey,
      });
      expect(planOf(rest).map((step) => step.root)).toEqual(['rpm', 'bin']);
      files = await host.files();
      expect(filesOf(files, '0.39.1')).toEqual([]);
      expect(filesOf(files, '0.39.0').length).toBeGreaterThan(0);
      expect(rest.summary).toMatch(/\| `rpm` \| `0\.39\.1` \|/);
      await clientsSee(await host.local(), `${name} unpublished`, { keyring: oldKeyring, key: oldKey }, [
        '0.39.0',
      ]);

      // Nothing of 0.39.1 is left: a re-run says so, and changes nothing.
      const again = await run(host, {
        mode: 'unpublish',
        version: '0.39.1',
        'signing-key': oldKey.privateKey,
      });
      expect(again.exitCode).not.toBe(0);
      expect(errorLine(again)).toMatch(/no package of 0\.39\.1/);
      expect(await host.files()).toEqual(files);
    });

    it('resigns every index, .asc and rpm header with a new key, after a dry run that changes nothing; a re-run writes nothing', async () => {
      // 0.39.1 again, so the host has two versions to sign again.
      await release(host, '0.39.1');
      const before = await host.files();
      const dry = await succeed(host, {
        mode: 'resign',
        'signing-key': newKey.privateKey,
        'dry-run': 'true',
      });
      expect(await host.files()).toEqual(before);
      const planned = planOf(dry);
      const byRoot = new Map(planned.map((step) => [step.root, step]));
      expect([...byRoot.keys()]).toEqual(['deb', 'rpm', 'bin']);
      expect(byRoot.get('rpm')?.rpmHeaders).toHaveLength(4);
      expect(byRoot.get('deb')?.rpmHeaders).toEqual([]);
      for (const step of planned) expect(step.signatures, step.root).toEqual(step.packages);
      expect(byRoot.get('deb')?.indexes).toEqual(
        expect.arrayContaining(['deb/dists/stable/InRelease', 'deb/dists/stable/Release.gpg']),
      );
      expect(byRoot.get('rpm')?.indexes).toEqual(['rpm/repodata/repomd.xml.asc']);

      const done = await succeed(host, { mode: 'resign', 'signing-key': newKey.privateKey });
      expect(done.summary).toContain('Package repositories signed again');
      const local = await host.local();
      await clientsSee(local, `${name} resigned`, { keyring: newKeyring, key: newKey }, VERSIONS);
      await aptRefuses(local, `${name} old key`, oldKeyring);
      // Every package's .asc is the new key's, over the package as published.
      const files = await host.files();
      const packages = [...files.keys()].filter((path) => /\.(deb|rpm|tar\.gz)$/.test(path));
      expect(packages).toHaveLength(10);
      for (const pkg of packages) {
        const check = gpgv(newKeyring, join(local, `${pkg}.asc`), join(local, pkg));
        expect(check.ok && validSig(check.stdout) !== undefined, `${pkg}: ${check.stderr}`).toBe(true);
      }

      const again = await succeed(host, { mode: 'resign', 'signing-key': newKey.privateKey });
      for (const step of planOf(again)) {
        expect([step.rpmHeaders, step.signatures, step.indexes], step.root).toEqual([[], [], []]);
      }
      expect(await host.files()).toEqual(files);
    });
  });
}

describeModes('a directory host', async () => directoryHost(join(work, 'host')));

describe('S3 hosts', () => {
  let swift: Swift;
  let radosgw: Radosgw;
  beforeAll(async () => {
    swift = await startSwift();
    radosgw = await startRadosgw();
  });
  afterAll(async () => {
    await swift?.stop();
    await radosgw?.stop();
  });
  describeModes('Swift (serialized)', () => bucketHost(swift, 'falco-modes-swift', true));
  describeModes('radosgw', () => bucketHost(radosgw, 'falco-modes-radosgw', false));
});
