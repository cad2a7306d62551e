import { newBucket } from './services/s3-bucket.js';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { createMessage, readKey, readSignature, verify } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestKey, type TestKey } from '../formats/openpgp/test-keys.js';
import { falcoPackage } from '../indexes/falco-packages.js';
import { madeFalcoDeb } from '../indexes/made-packages.js';
import { errorLine, runAction, type ActionRun } from './run-action.js';
import { startRadosgw, type Radosgw } from './services/radosgw.js';

// `<name>-<version>-wasm.tar.gz` and `-noarch.tar.gz` through the bundled action, to a directory host
// and to radosgw's S3: laid out in wasm[-dev]/ and bin[-dev]/noarch/, skipped on a re-run, and refused
// with nothing written when the version is not the release's.
const BUCKET = 'falco-wasm';

let workspace: string;
let key: TestKey;
let radosgw: Radosgw;
let s3: S3Client;

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'arch-independent-'));
  key = await generateTestKey('ed25519');
  radosgw = await startRadosgw();
  s3 = await newBucket(radosgw, BUCKET);
});
afterAll(async () => {
  s3?.destroy();
  await radosgw?.stop();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

/** Package files under `<workspace>/<dir>`: a real .deb for a .deb name, a tarball for the others. */
async function build(dir: string, names: readonly string[]): Promise<string> {
  const path = join(workspace, dir);
  await mkdir(path, { recursive: true });
  for (const name of names) {
    if (!name.endsWith('.deb')) {
      falcoPackage(path, name, ` built in ${dir}`);
      continue;
    }
    const version = /^falco-(.+)-x86_64\.deb$/.exec(name)?.[1] ?? '';
    await rename(madeFalcoDeb(`${path}.made`, version, 'x86_64'), join(path, name));
  }
  return `${dir}/*`;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

interface PlanStep {
  step: string;
  path?: string;
  action?: string;
  root?: string;
  retention?: { limit: { versions?: number; bytes?: number } };
}
const planOf = (run: ActionRun): PlanStep[] => JSON.parse(run.outputs.plan ?? '[]') as PlanStep[];
const uploads = (run: ActionRun): [string, string][] =>
  planOf(run)
    .filter((step) => step.step === 'publish-package')
    .map((step) => [step.path ?? '', step.action ?? '']);

/** Every file under a directory host, relative to it. */
async function filesOf(host: string): Promise<string[]> {
  try {
    const entries = await readdir(host, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(host.length + 1))
      .sort();
  } catch {
    return [];
  }
}

/** The `.asc` beside a package is a valid detached signature of its bytes by the run's key. */
async function expectSigned(bytes: Uint8Array, armoredSignature: string): Promise<void> {
  const verified = await verify({
    message: await createMessage({ binary: bytes }),
    signature: await readSignature({ armoredSignature }),
    verificationKeys: await readKey({ armoredKey: key.publicKey }),
  });
  await expect(verified.signatures[0]?.verified).resolves.toBe(true);
}

describe('wasm and noarch tarballs on a directory host', () => {
  const publish = (inputs: Record<string, string>): Promise<ActionRun> =>
    runAction({ 'package-host': './download', 'signing-key': key.privateKey, ...inputs }, {}, workspace);
  const host = (): string => join(workspace, 'download');

  it('publishes a release with its wasm build in wasm/ and its noarch tarball in bin/noarch/, signed', async () => {
    const packages = await build('dir-0.40.0', [
      'falco-0.40.0-x86_64.deb',
      'falco-0.40.0-x86_64.tar.gz',
      'falco-0.40.0-wasm.tar.gz',
      'falco-0.40.0-noarch.tar.gz',
    ]);
    const run = await publish({ ref: 'refs/tags/0.40.0', packages });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['package-version']).toBe('0.40.0');
    expect(uploads(run)).toEqual([
      ['bin/noarch/falco-0.40.0-noarch.tar.gz', 'upload'],
      ['bin/x86_64/falco-0.40.0-x86_64.tar.gz', 'upload'],
      ['deb/stable/falco-0.40.0-x86_64.deb', 'upload'],
      ['wasm/falco-0.40.0-wasm.tar.gz', 'upload'],
    ]);
    // The wasm tree is a repository of its own: its tarballs are signed, and no index is made for it.
    const repositories = planOf(run).filter((step) => step.step === 'update-repository');
    expect(repositories.map((step) => step.root)).toEqual(['bin', 'deb', 'wasm']);
    const files = await filesOf(host());
    expect(files.filter((file) => file.startsWith('wasm/'))).toEqual([
      'wasm/falco-0.40.0-wasm.tar.gz',
      'wasm/falco-0.40.0-wasm.tar.gz.asc',
    ]);
    expect(files.filter((file) => file.startsWith('bin/noarch/'))).toEqual([
      'bin/noarch/falco-0.40.0-noarch.tar.gz',
      'bin/noarch/falco-0.40.0-noarch.tar.gz.asc',
    ]);
    for (const [path, file] of [
      ['wasm/falco-0.40.0-wasm.tar.gz', 'falco-0.40.0-wasm.tar.gz'],
      ['bin/noarch/falco-0.40.0-noarch.tar.gz', 'falco-0.40.0-noarch.tar.gz'],
    ] as const) {
      const published = await readFile(join(host(), path));
      expect(published.equals(await readFile(join(workspace, 'dir-0.40.0', file))), path).toBe(true);
      await expectSigned(published, await readFile(join(host(), `${path}.asc`), 'utf8'));
    }
    const reported = JSON.parse(run.outputs.packages ?? '[]') as { path: string; sha256: string }[];
    const wasm = reported.find((pkg) => pkg.path === 'wasm/falco-0.40.0-wasm.tar.gz');
    expect(wasm?.sha256).toBe(sha256(await readFile(join(host(), 'wasm/falco-0.40.0-wasm.tar.gz'))));
  });

  it('skips every tarball on a re-run and changes nothing', async () => {
    const before = await filesOf(host());
    const contents = await Promise.all(before.map((file) => readFile(join(host(), file))));
    const run = await publish({ ref: 'refs/tags/0.40.0', packages: 'dir-0.40.0/*' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(uploads(run).map(([, action]) => action)).toEqual(['skip', 'skip', 'skip', 'skip']);
    expect(await filesOf(host())).toEqual(before);
    for (const [index, file] of before.entries()) {
      expect((await readFile(join(host(), file))).equals(contents[index] ?? Buffer.alloc(0)), file).toBe(
        true,
      );
    }
  });

  it('puts dev builds in wasm-dev/, which retention leaves whole, and bin-dev/noarch/, which it prunes', async () => {
    const first = await publish({
      ref: 'refs/heads/master',
      packages: await build('dir-dev-1', [
        'falco-0.41.0-1+aaa0001-wasm.tar.gz',
        'falco-0.41.0-1+aaa0001-noarch.tar.gz',
      ]),
      'dev-retention': 'bin=1',
    });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs['package-version']).toBe('0.41.0-1+aaa0001');
    expect(uploads(first)).toEqual([
      ['bin-dev/noarch/falco-0.41.0-1+aaa0001-noarch.tar.gz', 'upload'],
      ['wasm-dev/falco-0.41.0-1+aaa0001-wasm.tar.gz', 'upload'],
    ]);

    const second = await publish({
      ref: 'refs/heads/master',
      packages: await build('dir-dev-2', [
        'falco-0.41.0-2+aaa0002-wasm.tar.gz',
        'falco-0.41.0-2+aaa0002-noarch.tar.gz',
      ]),
      'dev-retention': 'bin=1',
    });
    expect(second.exitCode, second.stdout).toBe(0);
    const keeps = planOf(second)
      .filter((step) => step.step === 'update-repository')
      .map((step) => [step.root, step.retention?.limit.versions]);
    expect(keeps).toEqual([
      ['bin-dev', 1],
      ['wasm-dev', undefined],
    ]);
    const files = await filesOf(host());
    // bin=1 kept the newest noarch build only; wasm-dev keeps every build, as Falco's does.
    expect(files.filter((file) => file.startsWith('bin-dev/'))).toEqual([
      'bin-dev/noarch/falco-0.41.0-2+aaa0002-noarch.tar.gz',
      'bin-dev/noarch/falco-0.41.0-2+aaa0002-noarch.tar.gz.asc',
    ]);
    expect(files.filter((file) => file.startsWith('wasm-dev/'))).toEqual([
      'wasm-dev/falco-0.41.0-1+aaa0001-wasm.tar.gz',
      'wasm-dev/falco-0.41.0-1+aaa0001-wasm.tar.gz.asc',
      'wasm-dev/falco-0.41.0-2+aaa0002-wasm.tar.gz',
      'wasm-dev/falco-0.41.0-2+aaa0002-wasm.tar.gz.asc',
    ]);
  });

  it('refuses a wasm tarball whose version is not the release, before writing anything', async () => {
    const before = await filesOf(host());
    const run = await publish({
      ref: 'refs/tags/0.40.1',
      packages: await build('dir-0.40.1', ['falco-0.40.1-x86_64.tar.gz', 'falco-0.40.0-wasm.tar.gz']),
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toBe(
      'packages: falco-0.40.0-wasm.tar.gz: carries version 0.40.0, but the release is 0.40.1 — ' +
        'publish only the packages built for this release',
    );
    expect(run.outputs).toEqual({});
    expect(await filesOf(host())).toEqual(before);
  });

  it('refuses a .deb named for wasm, naming the tarball it could be', async () => {
    const run = await publish({
      ref: 'refs/tags/0.40.2',
      packages: await build('dir-0.40.2', ['falco-0.40.2-x86_64.tar.gz', 'falco-0.40.2-wasm.deb']),
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain(
      'packages: falco-0.40.2-wasm.deb: a .deb is built for x86_64 or aarch64, not wasm — publish the wasm build as falco-0.40.2-wasm.tar.gz',
    );
    expect((await filesOf(host())).some((file) => file.includes('0.40.2'))).toBe(false);
  });
});

describe('wasm and noarch tarballs on S3 (radosgw)', () => {
  const publish = (inputs: Record<string, string>): Promise<ActionRun> =>
    runAction(
      { 'package-host': `s3://${BUCKET}/packages`, 's3-endpoint': radosgw.endpoint, ...inputs },
      { AWS_ACCESS_KEY_ID: radosgw.accessKeyId, AWS_SECRET_ACCESS_KEY: radosgw.secretAccessKey },
      workspace,
    );
  const keys = async (): Promise<string[]> => {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
  };

  it('refuses a wasm tarball whose version is not the release, with the bucket still empty', async () => {
    const run = await publish({
      ref: 'refs/tags/0.40.0',
      packages: await build('s3-bad', ['falco-0.40.0-noarch.tar.gz', 'falco-0.39.9-wasm.tar.gz']),
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain(
      'packages: falco-0.39.9-wasm.tar.gz: carries version 0.39.9, but the release is 0.40.0',
    );
    expect(await keys()).toEqual([]);
  });

  it('publishes a release in wasm/ and bin/noarch/ with sha256 metadata, then skips it on a re-run', async () => {
    const packages = await build('s3-0.40.0', ['falco-0.40.0-wasm.tar.gz', 'falco-0.40.0-noarch.tar.gz']);
    const run = await publish({ ref: 'refs/tags/0.40.0', packages });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(await keys()).toEqual([
      'packages/bin/noarch/falco-0.40.0-noarch.tar.gz',
      'packages/wasm/falco-0.40.0-wasm.tar.gz',
    ]);
    for (const file of ['falco-0.40.0-wasm.tar.gz', 'falco-0.40.0-noarch.tar.gz']) {
      const key = file.includes('wasm') ? `packages/wasm/${file}` : `packages/bin/noarch/${file}`;
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(head.Metadata?.['sha256'], key).toBe(sha256(await readFile(join(workspace, 's3-0.40.0', file))));
      expect(head.CacheControl, key).toBe('public, max-age=31536000, immutable');
    }

    const again = await publish({ ref: 'refs/tags/0.40.0', packages });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(uploads(again)).toEqual([
      ['bin/noarch/falco-0.40.0-noarch.tar.gz', 'skip'],
      ['wasm/falco-0.40.0-wasm.tar.gz', 'skip'],
    ]);
  });

  it('puts a dev build in wasm-dev/, its + kept in the key', async () => {
    const run = await publish({
      ref: 'refs/heads/master',
      packages: await build('s3-dev', ['falco-0.41.0-3+abc1234-wasm.tar.gz']),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect((await keys()).filter((key) => key.includes('-dev/'))).toEqual([
      'packages/wasm-dev/falco-0.41.0-3+abc1234-wasm.tar.gz',
    ]);
  });
});
