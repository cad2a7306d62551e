import { falcoPackage } from '../indexes/falco-packages.js';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorLine, runAction } from './run-action.js';
import { startSwift } from './services/swift.js';

// `package-host: s3://…` through the bundled action, against a real Swift s3api on loopback.
let swift: Awaited<ReturnType<typeof startSwift>>;
let workspace: string;
let s3: S3Client;
const BUCKET = 'falco-distribution';

beforeAll(async () => {
  swift = await startSwift();
  workspace = await mkdtemp(join(tmpdir(), 's3-host-'));
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
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

async function packages(dir: string, files: Record<string, string>): Promise<string> {
  await mkdir(join(workspace, dir), { recursive: true });
  // Real packages (the action indexes them); the content string makes builds of one name differ.
  for (const [name, content] of Object.entries(files)) falcoPackage(join(workspace, dir), name, content);
  return `${dir}/*`;
}

function publish(inputs: Record<string, string>, secret: string = swift.secretAccessKey) {
  return runAction(
    { 'package-host': `s3://${BUCKET}/packages`, 's3-endpoint': swift.endpoint, ...inputs },
    { AWS_ACCESS_KEY_ID: swift.accessKeyId, AWS_SECRET_ACCESS_KEY: secret },
    workspace,
  );
}

async function keys(): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
}

describe('package-host: s3:// on an S3-compatible store', () => {
  it('refuses a store without conditional writes unless the workflow is serialized, before writing', async () => {
    const run = await publish({
      ref: 'refs/tags/0.26.0',
      packages: await packages('a', { 'falco-0.26.0-x86_64.deb': 'a' }),
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain('does not support conditional writes');
    expect(errorLine(run)).toContain('serialized: true');
    expect(await keys()).toEqual([]);
  });

  it('publishes in the download-server layout with sha256 metadata and immutable caching', async () => {
    const glob = await packages('b', {
      'falco-0.26.0-x86_64.deb': 'deb 0.26.0',
      'falco-0.26.0-x86_64.rpm': 'rpm 0.26.0',
      'falco-0.26.0-static-x86_64.tar.gz': 'tgz 0.26.0',
    });
    const run = await publish({ ref: 'refs/tags/0.26.0', packages: glob, serialized: 'true' });
    expect(run.exitCode, run.stdout).toBe(0);
    const all = await keys();
    expect(all.filter((key) => !key.includes('/dists/') && !key.includes('/repodata/'))).toEqual([
      'packages/bin/x86_64/falco-0.26.0-static-x86_64.tar.gz',
      'packages/deb/stable/falco-0.26.0-x86_64.deb',
      'packages/rpm/falco-0.26.0-x86_64.rpm',
    ]);
    // The repositories' indexes, with no-cache on what changes under its name.
    expect(all).toContain('packages/deb/dists/stable/Release');
    expect(all).toContain('packages/deb/dists/stable/main/binary-amd64/Packages.gz');
    expect(all).toContain('packages/rpm/repodata/repomd.xml');
    for (const key of ['packages/deb/dists/stable/Release', 'packages/rpm/repodata/repomd.xml']) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(head.CacheControl, key).toBe('no-cache');
    }
    const byHash = all.find((key) => key.includes('/by-hash/SHA256/'));
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: byHash }));
    expect(head.CacheControl).toBe('public, max-age=31536000, immutable');
    const published = JSON.parse(run.outputs.packages ?? '[]') as { path: string; sha256: string }[];
    for (const pkg of published) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `packages/${pkg.path}` }));
      expect(head.Metadata?.['sha256'], pkg.path).toBe(pkg.sha256);
      expect(head.CacheControl).toBe('public, max-age=31536000, immutable');
    }
    // The secret key is masked for the runner and never printed.
    const printed = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(run.stdout).toContain(`::add-mask::${swift.secretAccessKey}`);
    expect(printed + JSON.stringify(run.outputs)).not.toContain(swift.secretAccessKey);
  });

  it('skips what is already there on a re-run, and refuses different content under a published name', async () => {
    const again = await publish({ ref: 'refs/tags/0.26.0', packages: 'b/*', serialized: 'true' });
    expect(again.exitCode, again.stdout).toBe(0);
    const plan = JSON.parse(again.outputs.plan ?? '[]') as { step: string; action?: string }[];
    expect(plan.filter((step) => step.step === 'publish-package').map((step) => step.action)).toEqual([
      'skip',
      'skip',
      'skip',
    ]);
    expect(again.stdout).toContain('deb: indexes already current');
    expect(again.stdout).toContain('rpm: indexes already current');

    const changed = await publish({
      ref: 'refs/tags/0.26.0',
      packages: await packages('c', { 'falco-0.26.0-x86_64.deb': 'another build' }),
      serialized: 'true',
    });
    expect(changed.exitCode).toBe(1);
    expect(errorLine(changed)).toContain('is already published with different content');
  });

  it('keeps a dev version with + in its key', async () => {
    const run = await publish({
      ref: 'refs/heads/master',
      packages: await packages('d', { 'falco-0.27.0-12+abc1234-x86_64.deb': 'dev build' }),
      serialized: 'true',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(await keys()).toContain('packages/deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb');
  });

  it('a wrong secret is one clear error that does not contain it', async () => {
    const run = await publish(
      {
        ref: 'refs/tags/0.26.1',
        packages: await packages('e', { 'falco-0.26.1-x86_64.deb': 'x' }),
        serialized: 'true',
      },
      'not-the-secret-5e1f',
    );
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain(`s3://${BUCKET}`);
    expect(errorLine(run)).toContain('AWS credentials');
    expect(
      run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain('not-the-secret-5e1f');
  });
});
