import { listBucket, newBucket, type S3Service } from './services/s3-bucket.js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Store } from '../../src/stores/s3-store.js';
import { useTools } from '../formats/fixtures/tools.js';
import { dearmorKeyring } from '../formats/openpgp/gpg-tools.js';
import { serveDirectory, type StaticServer } from '../formats/openpgp/static-server.js';
import { generateTestKey, type TestKey } from '../formats/openpgp/test-keys.js';
import { falcoBuild } from '../indexes/falco-packages.js';
import { runAction, type ActionRun } from './run-action.js';
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

// dev-retention through the bundled action on a dev channel that grows past its size limit: a dry run
// lists every file that would go, the run deletes exactly those from the indexes and the host, and
// apt-get and dnf still read what stays; `none` deletes nothing. On a directory host, on Swift
// (serialized) and on radosgw (conditional writes).
useTools('apt-get', 'apt-cache', 'dnf', 'dpkg-deb', 'rpmbuild', 'createrepo_c', 'gpg', 'gpgv', 'gpgconf');

/** 10 after 2: versions compare as versions. 10 and 11 are the same length, so they weigh alike. */
const DEV = [
  '0.29.0-1+ddd0001',
  '0.29.0-2+ddd0002',
  '0.29.0-10+ddd0010',
  '0.29.0-11+ddd0011',
  '0.29.0-12+ddd0012',
] as const;
const ROOTS = ['deb-dev', 'rpm-dev', 'bin-dev'] as const;

let work: string;
let key: TestKey;
let keyring: string;
let shellRepository: string;
/** The build directory of each version, relative to the workspace. */
const builds = new Map<string, string>();
const servers: StaticServer[] = [];
const dnfClients: DnfClient[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dev-retention-'));
  // RSA, as Falco's key: the action signs the .rpm headers with it, and dnf checks them.
  key = await generateTestKey('rsa');
  keyring = dearmorKeyring(key.publicKey, join(work, 'falco-archive-keyring.gpg'));
  shellRepository = shellProviderRepository(join(work, 'shell'));
  for (const version of DEV) {
    const dir = `build-${version}`;
    // Random text in every package (a real one weighs MiBs): a limit in whole KiB tells versions apart.
    const files = falcoBuild(join(work, dir), version, randomBytes(4096).toString('hex'));
    for (const file of files.filter((name) => name.endsWith('.tar.gz')))
      writeFileSync(file, randomBytes(8192));
    builds.set(version, dir);
  }
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
  /** Every file under the host's root with its size, by host path (`deb-dev/stable/…`). */
  files(): Promise<Map<string, number>>;
  /** The host as clients fetch it over HTTP (a bucket is copied out first, as a sync job does). */
  serve(): Promise<string>;
}

async function serve(dir: string): Promise<string> {
  const server = await serveDirectory(dir);
  servers.push(server);
  return server.url;
}

function directoryHost(dir: string): Host {
  const walk = (path: string): string[] =>
    readdirSync(path, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(path, entry.name)) : [join(path, entry.name)],
    );
  return {
    inputs: { 'package-host': dir },
    env: {},
    files: async () => new Map(walk(dir).map((path) => [relative(dir, path), statSync(path).size])),
    serve: () => serve(dir),
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
      return new Map((await listBucket(s3, bucket, 'packages')).map((object) => [object.key, object.size]));
    },
    async serve() {
      const copy = mkdtempSync(join(work, `${bucket}-copy-`));
      await copyStore(store, copy);
      return serve(copy);
    },
  };
}

/** One run of the bundled action publishing a dev build to the host. */
async function publish(host: Host, version: string, inputs: Record<string, string>): Promise<ActionRun> {
  const dir = builds.get(version) ?? '';
  const run = await runAction(
    {
      ref: 'refs/heads/master',
      packages: `${dir}/falco-*.deb\n${dir}/falco-*.rpm\n${dir}/falco-*.tar.gz`,
      'signing-key': key.privateKey,
      ...host.inputs,
      ...inputs,
    },
    host.env,
    work,
  );
  expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}

/** The files of these versions in a tree (packages and what lies beside them), sorted. */
function filesOf(files: ReadonlyMap<string, number>, root: string, versions: readonly string[]): string[] {
  return [...files.keys()]
    .filter((path) => path.startsWith(`${root}/`) && versions.some((v) => path.includes(`-${v}-`)))
    .sort();
}

const weight = (files: ReadonlyMap<string, number>, root: string, versions: readonly string[]): number =>
  filesOf(files, root, versions).reduce((sum, path) => sum + (files.get(path) ?? 0), 0);

/** What the plan output says retention deletes, by root. */
function plannedDeletes(run: ActionRun): Map<string, unknown> {
  const plan = JSON.parse(run.outputs.plan ?? '[]') as { step: string; root?: string; retention?: unknown }[];
  return new Map(
    plan.flatMap((step) =>
      step.step === 'update-repository' ? [[step.root ?? '', step.retention] as const] : [],
    ),
  );
}

/** Fresh amd64 apt and x86_64 dnf clients: exactly `versions` are offered, the newest is the candidate. */
async function clientsSee(url: string, label: string, versions: readonly string[]): Promise<void> {
  // dnf reads a list of directories in reposdir: a space would split the client's own in two.
  const name = label.replace(/[^A-Za-z0-9-]+/g, '-');
  const apt = aptClient(
    join(work, 'clients', `${name}-apt`),
    `deb [signed-by=${keyring}] ${url}/deb-dev stable main`,
    'amd64',
  );
  const update = await apt.run('apt-get', 'update');
  expect(update.ok, update.output).toBe(true);
  expect(update.output).not.toMatch(/^(W|E|Err):/m);
  expect(await aptCandidate(apt)).toBe(versions.at(-1));
  expect((await aptVersions(apt)).sort()).toEqual([...versions].sort());
  const oldest = await apt.download(`falco=${versions[0] ?? ''}`);
  expect(oldest.ok, oldest.output).toBe(true);

  const dnf = dnfClient(
    join(work, 'clients', `${name}-dnf`),
    { baseurl: `${url}/rpm-dev`, publicKey: key.publicKey },
    'x86_64',
    shellRepository,
  );
  dnfClients.push(dnf);
  const query = await dnfVersions(dnf, 'x86_64');
  expect(query.ok, query.output).toBe(true);
  // An rpm of dev version 0.29.0-10+ddd0010 is Version 0.29.0, Release 10+ddd0010.
  expect(query.nevras, query.output).toEqual(versions.map((v) => `falco-${v}.x86_64`).sort());
  const newest = await dnfDownload(dnf, 'falco');
  expect(newest.ok, newest.output).toBe(true);
  expect([...newest.files.keys()]).toEqual([`falco-${versions.at(-1) ?? ''}-x86_64.rpm`]);
}

/** The same scenario on each host: three builds kept whole, then a limit that fits two of four. */
function describeRetention(name: string, open: () => Promise<Host>): void {
  describe(name, () => {
    let host: Host;
    /** The limit of each tree in KiB: room for two builds, and a KiB or two to spare. */
    let kib: Map<string, number>;
    /** The host's files before the dry run. */
    let before: Map<string, number>;
    const gone = DEV.slice(0, 2);
    const kept = DEV.slice(2, 4);

    beforeAll(async () => {
      host = await open();
    });
    /** `deb=…KiB,rpm=…KiB,bin=…KiB`, the trees in the order of their kinds. */
    const limits = (): string =>
      ROOTS.map((root) => `${root.replace('-dev', '')}=${kib.get(root) ?? 0}KiB`).join(',');

    it('none deletes nothing, build after build', async () => {
      for (const version of DEV.slice(0, 3)) await publish(host, version, { 'dev-retention': 'none' });
      const files = await host.files();
      for (const root of ROOTS) {
        expect(filesOf(files, root, DEV.slice(0, 3)).length, root).toBeGreaterThan(0);
        for (const version of DEV.slice(0, 3)) expect(filesOf(files, root, [version]), root).not.toEqual([]);
      }
    });

    it('a dry run over the size lists every file it would delete, and deletes none', async () => {
      before = await host.files();
      // The next build weighs what 0.29.0-10 weighs, to a few bytes: room for both, rounded up, and 1 KiB
      // more; the oldest two builds weigh several KiB each, so they must go.
      kib = new Map(ROOTS.map((root) => [root, Math.ceil((2 * weight(before, root, [DEV[2]])) / 1024) + 1]));
      for (const root of ROOTS) expect(weight(before, root, [DEV[1]]), root).toBeGreaterThan(2048);

      const run = await publish(host, DEV[3], { 'dev-retention': limits(), 'dry-run': 'true' });
      expect(await host.files()).toEqual(before);
      const planned = plannedDeletes(run);
      for (const root of ROOTS) {
        const deletes = filesOf(before, root, gone);
        // Every package of both architectures with its signature (bin-dev: the x86_64 tarball and its).
        expect(
          deletes.some((path) => path.endsWith('.asc')),
          root,
        ).toBe(true);
        expect(planned.get(root), root).toEqual({
          limit: { bytes: (kib.get(root) ?? 0) * 1024 },
          deletes,
        });
        for (const path of deletes) expect(run.stdout, path).toContain(`\n           ${path}\n`);
      }
    });

    it('the run deletes exactly those files; apt-get and dnf read what stays', async () => {
      await publish(host, DEV[3], { 'dev-retention': limits() });
      const after = await host.files();
      const deleted = [...before.keys()].filter(
        (path) => !after.has(path) && !/\/(dists|repodata)\//.test(path),
      );
      expect(deleted.sort()).toEqual(ROOTS.flatMap((root) => filesOf(before, root, gone)).sort());
      for (const root of ROOTS) expect(filesOf(after, root, kept).length, root).toBeGreaterThan(0);
      await clientsSee(await host.serve(), `${name}-pruned`, kept);
    });

    it('none afterwards deletes nothing more', async () => {
      const earlier = await host.files();
      await publish(host, DEV[4], { 'dev-retention': 'none' });
      const after = await host.files();
      expect(
        [...earlier.keys()].filter((path) => !after.has(path) && !/\/(dists|repodata)\//.test(path)),
      ).toEqual([]);
      await clientsSee(await host.serve(), `${name}-none`, DEV.slice(2));
    });
  });
}

describeRetention('a directory host', async () => directoryHost(join(work, 'host')));

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
  describeRetention('Swift (serialized)', () => bucketHost(swift, 'falco-retention-swift', true));
  describeRetention('radosgw', () => bucketHost(radosgw, 'falco-retention-radosgw', false));
});
