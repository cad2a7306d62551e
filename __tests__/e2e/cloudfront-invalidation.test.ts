import { newBucket } from './services/s3-bucket.js';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestKey, type TestKey } from '../formats/openpgp/test-keys.js';
import { falcoPackage } from '../indexes/falco-packages.js';
import { startCloudFrontFake, type CloudFrontFake } from '../support/cloudfront-fake.js';
import { errorLine, runAction, type ActionRun } from './run-action.js';
import { startSwift, type Swift } from './services/swift.js';

// `cloudfront-distribution` through the bundled action: releases to a real Swift S3 (serialized, as Swift
// has no conditional writes), with CloudFront played by the stand-in that checks every request's shape
// and SigV4 signature. Each run's invalidation must name exactly the files it replaced.

const BUCKET = 'falco-cdn';
const DISTRIBUTION = 'E2QWRUHEXAMPLE';

let swift: Swift;
let cloudfront: CloudFrontFake;
let workspace: string;
let key: TestKey;
let s3: S3Client;

beforeAll(async () => {
  swift = await startSwift();
  cloudfront = await startCloudFrontFake({
    distributions: [DISTRIBUTION],
    // The job's one set of AWS credentials serves S3 and CloudFront.
    accessKeyId: swift.accessKeyId,
    secretAccessKey: swift.secretAccessKey,
    // GetInvalidation answers InProgress once, then Completed: a wait polls twice.
    readsUntilCompleted: 1,
  });
  workspace = await mkdtemp(join(tmpdir(), 'cloudfront-'));
  key = await generateTestKey('ed25519');
  s3 = await newBucket(swift, BUCKET);
});
afterAll(async () => {
  s3?.destroy();
  await cloudfront?.stop();
  await swift?.stop();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

async function packages(dir: string, names: readonly string[], content = dir): Promise<string> {
  await mkdir(join(workspace, dir), { recursive: true });
  for (const name of names) falcoPackage(join(workspace, dir), name, content);
  return `${dir}/*`;
}

function publish(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(
    {
      'package-host': `s3://${BUCKET}/packages`,
      's3-endpoint': swift.endpoint,
      serialized: 'true',
      'signing-key': key.privateKey,
      'cloudfront-distribution': DISTRIBUTION,
      ...inputs,
    },
    {
      AWS_ACCESS_KEY_ID: swift.accessKeyId,
      AWS_SECRET_ACCESS_KEY: swift.secretAccessKey,
      AWS_ENDPOINT_URL_CLOUDFRONT: cloudfront.endpoint,
      ...env,
    },
    workspace,
  );
}

/** The bucket's keys that name this version. */
async function keysOf(version: string): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'packages/' }));
  return (listed.Contents ?? []).map((object) => object.Key ?? '').filter((k) => k.includes(`-${version}-`));
}

/** The paths of the invalidations made since `before` of them. */
function invalidatedSince(before: number): (readonly string[])[] {
  return cloudfront.invalidations.slice(before).map((invalidation) => invalidation.paths);
}

const RELEASE_26_0 = ['falco-0.26.0-x86_64.deb', 'falco-0.26.0-x86_64.rpm', 'falco-0.26.0-x86_64.tar.gz'];
const RELEASE_26_1 = ['falco-0.26.1-x86_64.deb', 'falco-0.26.1-x86_64.rpm', 'falco-0.26.1-x86_64.tar.gz'];

/** What a release adding packages to existing deb and rpm repositories replaces: indexes and their signatures. */
const INDEXES = [
  '/packages/deb/dists/stable/InRelease',
  '/packages/deb/dists/stable/Release',
  '/packages/deb/dists/stable/Release.gpg',
  '/packages/deb/dists/stable/main/binary-amd64/Packages',
  '/packages/deb/dists/stable/main/binary-amd64/Packages.gz',
  '/packages/rpm/repodata/repomd.xml',
  '/packages/rpm/repodata/repomd.xml.asc',
];

describe('cloudfront-distribution in front of an S3 package host', () => {
  it('the first release into empty repositories creates every file: nothing cached, no request', async () => {
    const run = await publish({ ref: 'refs/tags/0.26.0', packages: await packages('r0', RELEASE_26_0) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(cloudfront.requests).toEqual([]);
    expect(run.stdout).toContain(
      `CloudFront distribution ${DISTRIBUTION}: the run replaced no file a cache may hold, nothing to invalidate`,
    );
    const plan = JSON.parse(run.outputs.plan ?? '[]') as { step: string }[];
    expect(plan.map((step) => step.step).slice(-2)).toEqual(['update-repository', 'invalidate-cdn']);
  });

  it('the next release invalidates exactly the indexes it replaced, in one request, without waiting', async () => {
    const before = cloudfront.invalidations.length;
    const run = await publish({ ref: 'refs/tags/0.26.1', packages: await packages('r1', RELEASE_26_1) });
    expect(run.exitCode, run.stdout).toBe(0);
    // New packages, their .asc, by-hash and hash-named repodata are new names: none is invalidated.
    expect(invalidatedSince(before)).toEqual([INDEXES]);
    expect(cloudfront.requests.filter((request) => request.method === 'GET')).toEqual([]);
    expect(cloudfront.violations).toEqual([]);
    const [invalidation] = cloudfront.invalidations.slice(before);
    expect(run.summary).toContain(
      `CloudFront distribution \`${DISTRIBUTION}\`: invalidation \`${invalidation?.id}\` of ${INDEXES.length} paths, InProgress`,
    );
  });

  it('a re-run that changed nothing sends no request at all', async () => {
    const requests = cloudfront.requests.length;
    const run = await publish({ ref: 'refs/tags/0.26.1', packages: 'r1/*' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('deb: indexes already current');
    expect(cloudfront.requests).toHaveLength(requests);
  });

  it('a package replaced with overwrite is invalidated with its signature, and cloudfront-wait waits for completion', async () => {
    const before = cloudfront.invalidations.length;
    const run = await publish({
      ref: 'refs/tags/0.26.1',
      packages: await packages('r1b', ['falco-0.26.1-x86_64.deb'], 'another build'),
      overwrite: 'true',
      'cloudfront-wait': 'true',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(invalidatedSince(before)).toEqual([
      [
        '/packages/deb/dists/stable/InRelease',
        '/packages/deb/dists/stable/Release',
        '/packages/deb/dists/stable/Release.gpg',
        '/packages/deb/dists/stable/main/binary-amd64/Packages',
        '/packages/deb/dists/stable/main/binary-amd64/Packages.gz',
        '/packages/deb/stable/falco-0.26.1-x86_64.deb',
        '/packages/deb/stable/falco-0.26.1-x86_64.deb.asc',
      ],
    ]);
    const [invalidation] = cloudfront.invalidations.slice(before);
    // Polled until the stand-in reported it Completed (the second read), then the run went on.
    const reads = cloudfront.requests.filter((r) => r.url.endsWith(`/invalidation/${invalidation?.id}`));
    expect(reads.map((r) => r.method)).toEqual(['GET', 'GET']);
    expect(invalidation?.status).toBe('Completed');
    expect(run.stdout).toContain(`invalidation ${invalidation?.id} completed`);
    expect(cloudfront.violations).toEqual([]);
  });

  it('a dev release with an origin path: the host prefix is left out, and a + is named in both spellings', async () => {
    await publish({
      ref: 'refs/heads/master',
      packages: await packages('d0', ['falco-0.27.0-1+abc1234-x86_64.deb']),
    });
    const before = cloudfront.invalidations.length;
    const run = await publish({
      ref: 'refs/heads/master',
      packages: await packages('d1', ['falco-0.27.0-1+abc1234-x86_64.deb'], 'rebuilt'),
      overwrite: 'true',
      'cloudfront-origin-path': '/packages',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(invalidatedSince(before)).toEqual([
      [
        '/deb-dev/dists/stable/InRelease',
        '/deb-dev/dists/stable/Release',
        '/deb-dev/dists/stable/Release.gpg',
        '/deb-dev/dists/stable/main/binary-amd64/Packages',
        '/deb-dev/dists/stable/main/binary-amd64/Packages.gz',
        '/deb-dev/stable/falco-0.27.0-1%2Babc1234-x86_64.deb',
        '/deb-dev/stable/falco-0.27.0-1%2Babc1234-x86_64.deb.asc',
        '/deb-dev/stable/falco-0.27.0-1+abc1234-x86_64.deb',
        '/deb-dev/stable/falco-0.27.0-1+abc1234-x86_64.deb.asc',
      ],
    ]);
    expect(cloudfront.violations).toEqual([]);
  });

  it('credentials that may not invalidate fail the run with one clear error, after the packages are out', async () => {
    cloudfront.deny(DISTRIBUTION);
    const run = await publish({
      ref: 'refs/tags/0.26.2',
      packages: await packages('r2', ['falco-0.26.2-x86_64.deb']),
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain(
      `cloudfront-distribution: ${DISTRIBUTION}: the AWS credentials may not invalidate this distribution (AccessDenied)`,
    );
    expect(errorLine(run)).toContain(
      `aws cloudfront create-invalidation --distribution-id ${DISTRIBUTION} --paths`,
    );
  });
});

describe('cloudfront-distribution refused before anything is written', () => {
  it.each([
    [
      'a directory host',
      { 'package-host': './download', 's3-endpoint': '', serialized: '' },
      {},
      'cloudfront-distribution: is set, but package-host is not s3://…',
    ],
    [
      'an origin path that does not contain the prefix',
      { 'cloudfront-origin-path': '/other' },
      {},
      "cloudfront-origin-path: '/other' does not contain the package host's prefix 'packages'",
    ],
    [
      'a stand-in endpoint that is not on loopback',
      {},
      { AWS_ENDPOINT_URL_CLOUDFRONT: 'https://cloudfront.example.com' },
      "AWS_ENDPOINT_URL_CLOUDFRONT: 'https://cloudfront.example.com' is not a loopback http URL",
    ],
  ])('%s', async (_label, inputs, env, message) => {
    const requests = cloudfront.requests.length;
    const run = await publish(
      { ref: 'refs/tags/0.26.3', packages: await packages('r3', ['falco-0.26.3-x86_64.deb']), ...inputs },
      env,
    );
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain(message);
    expect(cloudfront.requests).toHaveLength(requests);
    expect(await readdir(workspace)).not.toContain('download');
    expect(await keysOf('0.26.3')).toEqual([]);
  });
});
