import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldValue } from '../../src/formats/apt/control-stanza.js';
import { parsePackages } from '../../src/formats/apt/packages-file.js';
import { parseRelease } from '../../src/formats/apt/release-file.js';
import { parsePrimary } from '../../src/formats/yum/repodata-parse.js';
import { parseRepomd } from '../../src/formats/yum/repomd-xml.js';
import { S3Store } from '../../src/stores/s3-store.js';
import { useTools } from '../formats/fixtures/tools.js';
import { dearmorKeyring, gpgv } from '../formats/openpgp/gpg-tools.js';
import { generateTestKey, type TestKey } from '../formats/openpgp/test-keys.js';
import { falcoBuild } from '../indexes/falco-packages.js';
import { errorLine, runAction, type ActionRun } from './run-action.js';
import { copyStore } from './services/bucket-copy.js';
import { startRadosgw, type Radosgw } from './services/radosgw.js';
import { startSwift, type Swift } from './services/swift.js';

// Eight publishers at once, each a process of the bundled action with its own dev build: the
// repositories they share must end up listing every build, consistent and signed, whoever won
// which race.
useTools('dpkg-deb', 'rpmbuild', 'gpg', 'gpgv');

const PUBLISHERS = 8;
const VERSIONS = Array.from({ length: PUBLISHERS }, (_, i) => `0.28.0-${i + 1}+ccc000${i}`);
const ARCHES = [
  { deb: 'amd64', rpm: 'x86_64' },
  { deb: 'arm64', rpm: 'aarch64' },
] as const;

let work: string;
let key: TestKey;
let keyring: string;
/** One build directory per publisher, relative to the workspace `work`. */
let builds: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'concurrent-publishers-'));
  key = await generateTestKey('ed25519');
  keyring = dearmorKeyring(key.publicKey, join(work, 'falco-archive-keyring.gpg'));
  builds = VERSIONS.map((version) => {
    falcoBuild(join(work, `build-${version}`), version);
    return `build-${version}`;
  });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** All publishers started together, each its own process, as parallel workflow runs would be. */
async function publishAtOnce(
  inputs: Record<string, string>,
  env: Record<string, string>,
): Promise<ActionRun[]> {
  return Promise.all(
    builds.map((dir) =>
      runAction(
        {
          ref: 'refs/heads/master',
          // deb and rpm, both architectures; the tarball is not indexed.
          packages: `${dir}/falco-*.deb\n${dir}/falco-*.rpm`,
          'signing-key': key.privateKey,
          ...inputs,
        },
        env,
        work,
      ),
    ),
  );
}

/** The conflicts the runs report having merged (`deb-dev: ...; 3 concurrent updates merged; ...`). */
function mergedConflicts(runs: readonly ActionRun[]): number {
  let total = 0;
  for (const run of runs) {
    for (const match of run.stdout.matchAll(/(\d+) concurrent updates? merged/g)) total += Number(match[1]);
  }
  return total;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Every file under `root`, relative, dot files included. */
function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(root, path));
    }
  };
  walk(root);
  return found.sort();
}

/**
 * What the shared repositories under `host` (a directory, or a copy of a bucket) must be after the
 * publishers: every build in every index, every index what its Release or repomd.xml says, every
 * signature valid, every listed package there with its hash, nothing of the publishers' own left over.
 */
function expectConsistentRepositories(host: string, versions: readonly string[] = VERSIONS): void {
  const suite = join(host, 'deb-dev/dists/stable');
  const release = parseRelease(readFileSync(join(suite, 'Release'), 'utf8'));
  for (const arch of ARCHES) {
    const entries = parsePackages(readFileSync(join(suite, `main/binary-${arch.deb}/Packages`), 'utf8'));
    expect(entries.map((entry) => entry.version).sort(), arch.deb).toEqual([...versions].sort());
    for (const entry of entries) {
      const file = join(host, 'deb-dev', entry.filename);
      expect(existsSync(file), entry.filename).toBe(true);
      expect(sha256(readFileSync(file)), entry.filename).toBe(fieldValue(entry.fields, 'SHA256'));
    }
  }
  // The plain-name indexes (what apt without by-hash fetches) and their by-hash copies are exactly
  // what the final Release lists.
  expect(release.files.length).toBeGreaterThan(0);
  for (const listed of release.files) {
    const plain = readFileSync(join(suite, listed.path));
    expect(sha256(plain), listed.path).toBe(listed.sha256);
    expect(plain.byteLength, listed.path).toBe(listed.size);
    const dir = listed.path.slice(0, listed.path.lastIndexOf('/'));
    expect(existsSync(join(suite, dir, 'by-hash/SHA256', listed.sha256 ?? '')), listed.path).toBe(true);
  }

  const repomd = parseRepomd(readFileSync(join(host, 'rpm-dev/repodata/repomd.xml'), 'utf8'));
  for (const record of repomd.records) {
    expect(record.checksumType, record.location).toBe('sha256');
    expect(sha256(readFileSync(join(host, 'rpm-dev', record.location))), record.location).toBe(
      record.checksum,
    );
  }
  const primary = repomd.records.find((record) => record.type === 'primary');
  if (!primary) throw new Error('repomd.xml lists no primary');
  const rpms = parsePrimary(
    gunzipSync(readFileSync(join(host, 'rpm-dev', primary.location))).toString('utf8'),
  );
  expect(rpms.map((rpm) => `${rpm.evr.version}-${rpm.evr.release}.${rpm.arch}`).sort()).toEqual(
    versions.flatMap((version) => ARCHES.map((arch) => `${version}.${arch.rpm}`)).sort(),
  );
  for (const rpm of rpms) {
    expect(sha256(readFileSync(join(host, 'rpm-dev', rpm.location))), rpm.location).toBe(rpm.pkgid);
  }

  const verified = (...files: string[]): boolean =>
    gpgv(keyring, ...files.map((file) => join(host, file))).ok;
  expect(verified('deb-dev/dists/stable/InRelease')).toBe(true);
  expect(verified('deb-dev/dists/stable/Release.gpg', 'deb-dev/dists/stable/Release')).toBe(true);
  expect(verified('rpm-dev/repodata/repomd.xml.asc', 'rpm-dev/repodata/repomd.xml')).toBe(true);
  // InRelease signs the very Release beside it, not an earlier one (its signed text has CRLF line ends).
  const signedText = readFileSync(join(suite, 'InRelease'), 'utf8').replace(/\r\n/g, '\n');
  expect(signedText).toContain(readFileSync(join(suite, 'Release'), 'utf8'));

  const files = filesUnder(host);
  const packages = files.filter((file) => /\.(deb|rpm)$/.test(file));
  expect(packages).toHaveLength(versions.length * 4);
  for (const pkg of packages) expect(verified(`${pkg}.asc`, pkg), pkg).toBe(true);
  // No signature outlives its package (retention deletes both).
  expect(files.filter((file) => file.endsWith('.asc') && !files.includes(file.slice(0, -4)))).toEqual([]);
  // Lock files (.<name>.lock), temporary files (.<name>.<id>.tmp), the store probe: all dot names.
  expect(files.filter((file) => file.split('/').some((part) => part.startsWith('.')))).toEqual([]);
}

describe('8 publishers at once on one directory host', () => {
  it('none loses a package; the indexes, plain names and signatures agree', async () => {
    const host = join(work, 'host');
    const started = Date.now();
    const runs = await publishAtOnce({ 'package-host': host }, {});
    for (const run of runs) expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(0);
    console.info(
      `8 directory publishers: ${Date.now() - started} ms, ${mergedConflicts(runs)} conflicts merged`,
    );
    expectConsistentRepositories(host);
    // The runs really raced: without conflicts this would prove nothing about the merging.
    expect(mergedConflicts(runs)).toBeGreaterThan(0);
  });
});

describe('8 publishers at once on a directory host with a dev-retention below 8', () => {
  it('the indexes keep the newest builds, and only their files stay', async () => {
    const host = join(work, 'host-retention');
    const runs = await publishAtOnce({ 'package-host': host, 'dev-retention': 'deb=3,rpm=3' }, {});
    for (const run of runs) expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(0);
    expectConsistentRepositories(host, VERSIONS.slice(-3));
  });
});

describe('8 publishers at once on radosgw (S3 with conditional writes)', () => {
  const BUCKET = 'falco-concurrent';
  let radosgw: Radosgw;
  let credentials: { accessKeyId: string; secretAccessKey: string };

  beforeAll(async () => {
    radosgw = await startRadosgw();
    credentials = { accessKeyId: radosgw.accessKeyId, secretAccessKey: radosgw.secretAccessKey };
    const s3 = new S3Client({
      endpoint: radosgw.endpoint,
      region: radosgw.region,
      forcePathStyle: true,
      credentials,
    });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    s3.destroy();
  });
  afterAll(async () => {
    await radosgw?.stop();
  });

  it('none loses a package; the indexes, plain names and signatures agree', async () => {
    const started = Date.now();
    const runs = await publishAtOnce(
      { 'package-host': `s3://${BUCKET}/packages`, 's3-endpoint': radosgw.endpoint },
      { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey },
    );
    for (const run of runs) expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(0);
    console.info(
      `8 radosgw publishers: ${Date.now() - started} ms, ${mergedConflicts(runs)} conflicts merged`,
    );
    const store = new S3Store({
      bucket: BUCKET,
      prefix: 'packages',
      endpoint: radosgw.endpoint,
      region: radosgw.region,
      credentials,
    });
    const copy = join(work, 'radosgw-copy');
    await copyStore(store, copy);
    expectConsistentRepositories(copy);
    expect(mergedConflicts(runs)).toBeGreaterThan(0);
  });
});

describe('Swift (no conditional writes) without serialized', () => {
  const BUCKET = 'falco-unserialized';
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

  it('is refused before anything is written, saying how to serialize publishers', async () => {
    const run = await runAction(
      {
        ref: 'refs/heads/master',
        packages: `${builds[0] ?? ''}/falco-*.deb\n${builds[0] ?? ''}/falco-*.rpm`,
        'package-host': `s3://${BUCKET}/packages`,
        's3-endpoint': swift.endpoint,
        'signing-key': key.privateKey,
      },
      { AWS_ACCESS_KEY_ID: swift.accessKeyId, AWS_SECRET_ACCESS_KEY: swift.secretAccessKey },
      work,
    );
    expect(run.exitCode, run.stdout).toBe(1);
    const error = errorLine(run);
    expect(error).toContain('does not support conditional writes');
    expect(error).toContain('concurrency:');
    expect(error).toContain('serialized: true');
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    expect(listed.Contents ?? []).toEqual([]);
  });
});
