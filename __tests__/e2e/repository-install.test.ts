import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
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
  rpmSign,
  shellProviderRepository,
  type AptClient,
  type DebArch,
  type DnfClient,
  type RpmArch,
} from './services/package-clients.js';
import { startSwift, type Swift } from './services/swift.js';

// What the action publishes, installed from by the real clients: apt-get and dnf fetch the
// repositories over loopback HTTP, check the signatures and hashes, and download the packages.
useTools(
  'apt-get',
  'apt-cache',
  'dnf',
  'dpkg-deb',
  'rpmbuild',
  'rpmsign',
  'createrepo_c',
  'gpg',
  'gpgv',
  'gpgconf',
);

const ARCHES: readonly { deb: DebArch; rpm: RpmArch }[] = [
  { deb: 'amd64', rpm: 'x86_64' },
  { deb: 'arm64', rpm: 'aarch64' },
];
const RELEASES = ['0.26.0', '0.26.1', '0.27.0'] as const;

let work: string;
let key: TestKey;
let keyring: string;
let shellRepository: string;
const servers: StaticServer[] = [];
const dnfClients: DnfClient[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'repository-install-'));
  // RSA: the same key signs the repositories (openpgp.js in the action) and the .rpm files (rpmsign).
  key = await generateTestKey('rsa');
  keyring = dearmorKeyring(key.publicKey, join(work, 'falco-archive-keyring.gpg'));
  shellRepository = shellProviderRepository(join(work, 'shell'));
});

afterAll(async () => {
  for (const dnf of dnfClients) dnf.close();
  await Promise.all(servers.map((server) => server.close()));
  if (work) rmSync(work, { recursive: true, force: true });
});

async function serve(dir: string): Promise<string> {
  const server = await serveDirectory(dir);
  servers.push(server);
  return server.url;
}

/**
 * One build's packages under `<work>/<name>/`, as the build job leaves them. When `signRpms`, the .rpm
 * files are signed by rpmsign first, as Falco's build signs them today: the action signs them again (as
 * `rpmsign --resign`), and dnf's gpgcheck must accept what it wrote. Otherwise the action's header
 * signature is the only one.
 */
function build(name: string, version: string, signRpms: boolean): string {
  const files = falcoBuild(join(work, name), version);
  if (signRpms)
    rpmSign(
      files.filter((file) => file.endsWith('.rpm')),
      key.privateKey,
      work,
    );
  return name;
}

/** Host path → sha256 of every package the run published (its `packages` output). */
type Published = Map<string, string>;

/** One run of the bundled action, as a workflow step; it must succeed. */
async function publish(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<Published> {
  const run: ActionRun = await runAction(inputs, env, work);
  expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(0);
  const packages = JSON.parse(run.outputs.packages ?? '[]') as { path: string; sha256: string }[];
  return new Map(packages.map((pkg) => [pkg.path, pkg.sha256]));
}

/** The packages of one build directory: its .deb and .rpm files and the tarball. */
const packagesOf = (dir: string): string => `${dir}/falco-*.deb\n${dir}/falco-*.rpm\n${dir}/falco-*.tar.gz`;

interface Channel {
  /** e.g. http://127.0.0.1:PORT */
  readonly url: string;
  readonly deb: 'deb' | 'deb-dev';
  readonly rpm: 'rpm' | 'rpm-dev';
  readonly signed: boolean;
}

function aptFor(channel: Channel, name: string, arch: DebArch): AptClient {
  const option = channel.signed ? `signed-by=${keyring}` : 'trusted=yes';
  return aptClient(
    join(work, 'clients', name),
    `deb [${option}] ${channel.url}/${channel.deb} stable main`,
    arch,
  );
}

function dnfFor(channel: Channel, name: string, arch: RpmArch): DnfClient {
  const dnf = dnfClient(
    join(work, 'clients', name),
    {
      baseurl: `${channel.url}/${channel.rpm}`,
      ...(channel.signed ? { publicKey: key.publicKey } : {}),
    },
    arch,
    shellRepository,
  );
  dnfClients.push(dnf);
  return dnf;
}

async function aptUpdate(apt: AptClient): Promise<void> {
  const update = await apt.run('apt-get', 'update');
  expect(update.ok, update.output).toBe(true);
  // Warnings count: apt only warns about an unsigned or badly signed repository it still reads.
  expect(update.output).not.toMatch(/^(W|E|Err):/m);
}

/** The .deb of a version as the host holds it: `deb/stable/falco-0.26.0-x86_64.deb`. */
const debPath = (channel: Channel, version: string, arch: RpmArch): string =>
  `${channel.deb}/stable/falco-${version}-${arch}.deb`;
const rpmPath = (channel: Channel, version: string, arch: RpmArch): string =>
  `${channel.rpm}/falco-${version}-${arch}.rpm`;

/**
 * Fresh apt and dnf clients of both architectures: the newest version is the candidate, exactly
 * `versions` are offered, and each downloads with the sha256 the action published.
 */
async function installsEveryVersion(
  channel: Channel,
  name: string,
  versions: readonly string[],
  published: Published,
): Promise<void> {
  const newest = versions.at(-1) ?? '';
  for (const arch of ARCHES) {
    const apt = aptFor(channel, `${name}-apt-${arch.deb}`, arch.deb);
    await aptUpdate(apt);
    expect(await aptCandidate(apt)).toBe(newest);
    expect((await aptVersions(apt)).sort()).toEqual([...versions].sort());
    for (const version of versions) {
      const download = await apt.download(`falco=${version}`);
      expect(download.ok, download.output).toBe(true);
      expect([...download.files]).toEqual([
        [`falco_${version}_${arch.deb}.deb`, published.get(debPath(channel, version, arch.rpm))],
      ]);
    }

    const dnf = dnfFor(channel, `${name}-dnf-${arch.rpm}`, arch.rpm);
    const query = await dnfVersions(dnf, arch.rpm);
    expect(query.ok, query.output).toBe(true);
    expect(query.nevras).toEqual(versions.map((version) => nevra(version, arch.rpm)).sort());
    // `falco` alone: the version dnf would install is the newest.
    const latest = await dnfDownload(dnf, 'falco');
    expect(latest.ok, latest.output).toBe(true);
    expect([...latest.files]).toEqual([
      [`falco-${newest}-${arch.rpm}.rpm`, published.get(rpmPath(channel, newest, arch.rpm))],
    ]);
    if (channel.signed) {
      // The package signature was checked against the key, not skipped.
      expect(latest.output).toContain('Importing GPG key');
      expect(latest.output).not.toMatch(/not signed|GPG check FAILED/);
    }
    for (const version of versions.slice(0, -1)) {
      const download = await dnfDownload(dnf, `falco-${version}`);
      expect(download.ok, download.output).toBe(true);
      expect([...download.files]).toEqual([
        [`falco-${version}-${arch.rpm}.rpm`, published.get(rpmPath(channel, version, arch.rpm))],
      ]);
    }
  }
}

/** `falco-0.27.0-11+aaa0011.x86_64` for dev `0.27.0-11+aaa0011`, `falco-0.26.0-1.x86_64` for 0.26.0. */
function nevra(version: string, arch: RpmArch): string {
  const [rpmVersion, release = '1'] = version.split(/-(.*)/s);
  return `falco-${rpmVersion}-${release}.${arch}`;
}

describe('a signed directory host: stable releases in a row', () => {
  let host: string;
  let channel: Channel;
  const published: Published = new Map();
  // Clients that stay from release to release, as users' machines do, refreshing what they hold.
  const apts = new Map<DebArch, AptClient>();
  const dnfs = new Map<RpmArch, DnfClient>();

  beforeAll(async () => {
    host = join(work, 'host-signed');
    channel = { url: await serve(host), deb: 'deb', rpm: 'rpm', signed: true };
    for (const arch of ARCHES) {
      apts.set(arch.deb, aptFor(channel, `signed-staying-apt-${arch.deb}`, arch.deb));
      dnfs.set(arch.rpm, dnfFor(channel, `signed-staying-dnf-${arch.rpm}`, arch.rpm));
    }
  });

  for (const [index, version] of RELEASES.entries()) {
    it(`publishes ${version}; clients that already know the repository see it as the candidate`, async () => {
      const dir = build(`signed-${version}`, version, false);
      const run = await publish({
        ref: `refs/tags/${version}`,
        packages: packagesOf(dir),
        'package-host': host,
        'signing-key': key.privateKey,
      });
      for (const [path, sha256] of run) published.set(path, sha256);
      // The action signed each rpm's header (rpm-header-signatures: auto): what it published is not the
      // build's file, and the same run again signs the same bytes, so it publishes the same files.
      for (const arch of ARCHES) {
        const path = `rpm/falco-${version}-${arch.rpm}.rpm`;
        const built = createHash('sha256')
          .update(readFileSync(join(work, dir, `falco-${version}-${arch.rpm}.rpm`)))
          .digest('hex');
        expect(run.get(path), path).not.toBe(built);
      }
      const again = await publish({
        ref: `refs/tags/${version}`,
        packages: packagesOf(dir),
        'package-host': host,
        'signing-key': key.privateKey,
      });
      expect(again).toEqual(run);
      const known = RELEASES.slice(0, index + 1);
      for (const arch of ARCHES) {
        const apt = apts.get(arch.deb);
        const dnf = dnfs.get(arch.rpm);
        if (!apt || !dnf) throw new Error('no client');
        await aptUpdate(apt);
        expect(await aptCandidate(apt)).toBe(version);
        expect((await aptVersions(apt)).sort()).toEqual([...known].sort());
        const query = await dnfVersions(dnf, arch.rpm);
        expect(query.ok, query.output).toBe(true);
        expect(query.nevras).toEqual(known.map((v) => nevra(v, arch.rpm)).sort());
      }
    });
  }

  it('fresh clients of both architectures download every version, as published', async () => {
    await installsEveryVersion(channel, 'signed', RELEASES, published);
  });

  it('apt refuses an InRelease changed after it was signed', async () => {
    const copy = join(work, 'tampered-apt');
    cpSync(host, copy, { recursive: true });
    const inRelease = join(copy, 'deb/dists/stable/InRelease');
    const text = readFileSync(inRelease, 'utf8');
    expect(text).toContain('Origin: Falco');
    writeFileSync(inRelease, text.replace('Origin: Falco', 'Origin: Falc0'));
    const apt = aptFor({ ...channel, url: await serve(copy) }, 'tampered-apt', 'amd64');
    const update = await apt.run('apt-get', 'update');
    expect(update.ok, update.output).toBe(false);
    expect(update.output).toMatch(/BADSIG/);
    expect(update.output).toMatch(/is not signed/);
    expect(await aptCandidate(apt)).toBeUndefined();
  });

  it('dnf refuses a repomd.xml changed after it was signed', async () => {
    const copy = join(work, 'tampered-dnf');
    cpSync(host, copy, { recursive: true });
    const repomd = join(copy, 'rpm/repodata/repomd.xml');
    const xml = readFileSync(repomd, 'utf8');
    expect(xml).toMatch(/<revision>\d+<\/revision>/);
    writeFileSync(repomd, xml.replace(/<revision>(\d+)<\/revision>/, '<revision>1$1</revision>'));
    const dnf = dnfFor({ ...channel, url: await serve(copy) }, 'tampered-dnf', 'x86_64');
    const query = await dnfVersions(dnf, 'x86_64');
    expect(query.ok, query.output).toBe(false);
    expect(query.output).toContain('repomd.xml GPG signature verification error');
    expect(query.nevras).toEqual([]);
  });
});

describe('dnf gpgcheck on a signed repository', () => {
  it('refuses an .rpm left unsigned (rpm-header-signatures: false): the .asc beside it is not what dnf checks', async () => {
    const host = join(work, 'host-unsigned-rpms');
    const channel: Channel = { url: await serve(host), deb: 'deb', rpm: 'rpm', signed: true };
    const dir = build('unsigned-rpms-0.26.0', '0.26.0', false);
    await publish({
      ref: 'refs/tags/0.26.0',
      packages: `${dir}/falco-*.rpm`,
      'package-host': host,
      'signing-key': key.privateKey,
      'rpm-header-signatures': 'false',
    });
    expect(existsSync(join(host, 'rpm/falco-0.26.0-x86_64.rpm.asc'))).toBe(true);
    const dnf = dnfFor(channel, 'unsigned-rpms-dnf', 'x86_64');
    // The repository itself verifies (repo_gpgcheck)...
    const query = await dnfVersions(dnf, 'x86_64');
    expect(query.ok, query.output).toBe(true);
    expect(query.nevras).toEqual(['falco-0.26.0-1.x86_64']);
    // ...but the package carries no signature of its own.
    const download = await dnfDownload(dnf, 'falco');
    expect(download.ok, download.output).toBe(false);
    expect(download.output).toMatch(/is not signed/);
  });
});

describe('an unsigned directory host: stable releases in a row', () => {
  it('apt (trusted=yes) and dnf (gpgcheck=0) install the newest and download every version', async () => {
    const host = join(work, 'host-unsigned');
    const channel: Channel = { url: await serve(host), deb: 'deb', rpm: 'rpm', signed: false };
    const published: Published = new Map();
    for (const version of RELEASES) {
      const dir = build(`unsigned-${version}`, version, false);
      const run = await publish({
        ref: `refs/tags/${version}`,
        packages: packagesOf(dir),
        'package-host': host,
      });
      for (const [path, sha256] of run) published.set(path, sha256);
    }
    for (const path of [
      'deb/dists/stable/InRelease',
      'deb/dists/stable/Release.gpg',
      'rpm/repodata/repomd.xml.asc',
      'deb/stable/falco-0.26.0-x86_64.deb.asc',
    ]) {
      expect(existsSync(join(host, path)), path).toBe(false);
    }
    await installsEveryVersion(channel, 'unsigned', RELEASES, published);
  });
});

describe('the dev channel pruned past dev-retention', () => {
  // 10 after 2: versions compare as versions, not as text.
  const DEV = ['0.27.0-1+aaa0001', '0.27.0-2+aaa0002', '0.27.0-10+aaa0010', '0.27.0-11+aaa0011'] as const;
  const KEEP = 2;

  it('clients see only the newest versions, and the pruned files are gone from the host', async () => {
    const host = join(work, 'host-dev');
    const channel: Channel = { url: await serve(host), deb: 'deb-dev', rpm: 'rpm-dev', signed: true };
    const apt = aptFor(channel, 'dev-staying-apt', 'amd64');
    const dnf = dnfFor(channel, 'dev-staying-dnf', 'x86_64');
    const published: Published = new Map();
    for (const [index, version] of DEV.entries()) {
      const dir = build(`dev-${version}`, version, false);
      const run = await publish({
        ref: 'refs/heads/master',
        packages: packagesOf(dir),
        'package-host': host,
        'signing-key': key.privateKey,
        'dev-retention': `deb=${KEEP},rpm=${KEEP},bin=1`,
      });
      for (const [path, sha256] of run) published.set(path, sha256);
      // A client that follows the channel sees each build arrive and the oldest leave.
      const kept = DEV.slice(Math.max(0, index + 1 - KEEP), index + 1);
      await aptUpdate(apt);
      expect(await aptCandidate(apt)).toBe(version);
      expect((await aptVersions(apt)).sort()).toEqual([...kept].sort());
      const query = await dnfVersions(dnf, 'x86_64');
      expect(query.ok, query.output).toBe(true);
      expect(query.nevras).toEqual(kept.map((v) => nevra(v, 'x86_64')).sort());
    }

    const kept = DEV.slice(-KEEP);
    await installsEveryVersion(channel, 'dev', kept, published);
    // What was pruned cannot be fetched: it is out of the indexes...
    const fresh = aptFor(channel, 'dev-pruned-apt', 'amd64');
    await aptUpdate(fresh);
    const gone = await fresh.download(`falco=${DEV[0]}`);
    expect(gone.ok, gone.output).toBe(false);
    const dnfGone = await dnfDownload(dnf, `falco-${DEV[1]}`);
    expect(dnfGone.ok, dnfGone.output).toBe(false);
    expect(dnfGone.output).toContain('No match for argument');
    // ...and its files, with their signatures, are deleted for real.
    for (const version of DEV.slice(0, -KEEP)) {
      for (const arch of ARCHES) {
        for (const path of [debPath(channel, version, arch.rpm), rpmPath(channel, version, arch.rpm)]) {
          expect(existsSync(join(host, path)), path).toBe(false);
          expect(existsSync(join(host, `${path}.asc`)), `${path}.asc`).toBe(false);
        }
      }
    }
    for (const version of kept) {
      for (const arch of ARCHES) {
        for (const path of [debPath(channel, version, arch.rpm), rpmPath(channel, version, arch.rpm)]) {
          expect(existsSync(join(host, path)), path).toBe(true);
          expect(existsSync(join(host, `${path}.asc`)), `${path}.asc`).toBe(true);
        }
      }
    }
    // bin=1: only the newest tarball stays.
    for (const version of DEV) {
      expect(existsSync(join(host, `bin-dev/x86_64/falco-${version}-x86_64.tar.gz`)), version).toBe(
        version === DEV.at(-1),
      );
    }
  });
});

describe('an S3 host (Swift, serialized), served from a copy of the bucket', () => {
  const BUCKET = 'falco-download';
  let swift: Swift;
  let s3: S3Client;

  beforeAll(async () => {
    swift = await startSwift();
    s3 = new S3Client({
      endpoint: swift.endpoint,
      region: swift.region,
      forcePathStyle: true,
      credentials: { accessKeyId: swift.accessKeyId, secretAccessKey: swift.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });
  afterAll(async () => {
    s3?.destroy();
    await swift?.stop();
  });

  it('two signed releases: apt and dnf install from the synced bucket', async () => {
    const versions = ['0.26.0', '0.26.1'] as const;
    const published: Published = new Map();
    for (const version of versions) {
      const dir = build(`s3-${version}`, version, true);
      const run = await publish(
        {
          ref: `refs/tags/${version}`,
          packages: packagesOf(dir),
          'package-host': `s3://${BUCKET}/packages`,
          's3-endpoint': swift.endpoint,
          serialized: 'true',
          'signing-key': key.privateKey,
        },
        { AWS_ACCESS_KEY_ID: swift.accessKeyId, AWS_SECRET_ACCESS_KEY: swift.secretAccessKey },
      );
      for (const [path, sha256] of run) published.set(path, sha256);
    }
    // Indexes that change under their name must be fetched again by every client and cache.
    for (const path of [
      'deb/dists/stable/InRelease',
      'deb/dists/stable/Release',
      'rpm/repodata/repomd.xml',
    ]) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `packages/${path}` }));
      expect(head.CacheControl, path).toBe('no-cache');
    }

    const store = new S3Store({
      bucket: BUCKET,
      prefix: 'packages',
      endpoint: swift.endpoint,
      region: swift.region,
      credentials: { accessKeyId: swift.accessKeyId, secretAccessKey: swift.secretAccessKey },
    });
    const copy = join(work, 's3-copy');
    const keys = await copyStore(store, copy);
    expect(keys).toContain('deb/dists/stable/InRelease');
    expect(keys).toContain('rpm/repodata/repomd.xml.asc');
    // Nothing of the publisher's own (its conditional-write probe) is left in the bucket.
    expect(keys.filter((k) => k.split('/').some((part) => part.startsWith('.')))).toEqual([]);
    const channel: Channel = { url: await serve(copy), deb: 'deb', rpm: 'rpm', signed: true };
    await installsEveryVersion(channel, 's3', versions, published);
  });
});
