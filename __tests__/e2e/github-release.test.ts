import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { falcoPackage } from '../indexes/falco-packages.js';
import { GitHubFake, digestOf } from '../support/github-fake.js';
import { NOTES_BEGIN } from '../../src/hosts/github-release/release-notes.js';
import { errorLine, runAction, type ActionRun } from './run-action.js';
import { tinyImage, writeLayout } from './services/tiny-image.js';

// `package-host: github-release` through the bundled action, with GITHUB_API_URL pointing at an
// in-process GitHub that checks every request against GitHub's OpenAPI description: the release of the
// tag created with its assets, re-runs, replacements, the dev prerelease, the notes section, and the
// failures a user meets (a bad token, a missing release, rate limits, a GitHub that keeps failing),
// each with one error before anything is uploaded where it can be told before. The action runs with
// GitHub's own timings (retry-after seconds, writes a second apart).

const REPOSITORY = 'falcosecurity/falco';
const TOKEN = 'ghs_e2eTokenThatMustNeverBePrinted0123';
const UPLOAD = 'repos/upload-release-asset';

let fake: GitHubFake;
let workspace: string;

beforeAll(async () => {
  fake = await GitHubFake.start();
  fake.grant(TOKEN);
  fake.repository(REPOSITORY);
  workspace = await mkdtemp(join(tmpdir(), 'github-release-'));
  await writeLayout(join(workspace, 'image'), tinyImage('falco for the release notes'), 'build');
});
afterAll(async () => {
  await fake?.stop();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

/** Real package files named as Falco names them, under `<workspace>/<dir>`; the glob that finds them. */
async function build(dir: string, names: readonly string[], marker = dir): Promise<string> {
  const path = join(workspace, dir);
  await mkdir(path, { recursive: true });
  for (const name of names) falcoPackage(path, name, ` built in ${marker}`);
  return `${dir}/*`;
}

async function bytesOf(dir: string, name: string): Promise<Buffer> {
  return readFile(join(workspace, dir, name));
}

function publish(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(
    { 'package-host': 'github-release', 'github-token': TOKEN, ...inputs },
    { GITHUB_API_URL: fake.apiUrl, GITHUB_REPOSITORY: REPOSITORY, ...env },
    workspace,
  );
}

const writes = (): number => fake.requests.filter((request) => request.method !== 'GET').length;
const assetsOf = (tag: string): [string, string][] =>
  (fake.state.release(REPOSITORY, tag)?.assets ?? []).map((asset) => [asset.name, asset.digest]);

function expectNoToken(run: ActionRun): void {
  const printed = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  expect(printed + run.stderr + JSON.stringify(run.outputs) + run.summary).not.toContain(TOKEN);
}

describe('a tag release', () => {
  const names = ['falco-0.26.0-x86_64.deb', 'falco-0.26.0-x86_64.rpm', 'falco-0.26.0-x86_64.tar.gz'];
  let packages: string;

  it('creates the release of the tag with one asset per package and the notes section', async () => {
    packages = await build('release-0.26.0', names);
    const run = await publish({
      ref: 'refs/tags/0.26.0',
      packages,
      'image-driver': 'registry',
      registry: 'oci-layout:images',
      images: 'oci-layout:image:build falcosecurity/falco',
      'github-release-notes': 'append',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expectNoToken(run);
    const release = fake.state.release(REPOSITORY, '0.26.0');
    expect(release).toMatchObject({ draft: false, prerelease: false });
    const expected = await Promise.all(
      names.map(async (name) => [name, digestOf(await bytesOf('release-0.26.0', name))] as [string, string]),
    );
    expect(assetsOf('0.26.0').sort()).toEqual(expected.sort());
    expect(run.outputs['package-host']).toBe(`GitHub release 0.26.0 of ${REPOSITORY}`);

    const body = release?.body ?? '';
    const images = JSON.parse(run.outputs.images ?? '[]') as { ref: string; digest: string }[];
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(body).toContain(`| \`${image.ref}\` | \`${image.digest}\` |`);
    for (const [name, digest] of expected) {
      expect(body).toContain(`| [${name}](`);
      expect(body).toContain(digest.slice('sha256:'.length));
    }
    // The links are the assets' download URLs, and they serve the package.
    const link = /\[falco-0\.26\.0-x86_64\.rpm\]\(([^)]+)\)/.exec(body)?.[1] ?? '';
    const served = Buffer.from(await (await fetch(link)).arrayBuffer());
    expect(served).toEqual(await bytesOf('release-0.26.0', 'falco-0.26.0-x86_64.rpm'));
  });

  it('uploads nothing and leaves the notes as they are on a re-run', async () => {
    const uploads = fake.calls(UPLOAD).length;
    const updates = fake.calls('repos/update-release').length;
    const body = fake.state.release(REPOSITORY, '0.26.0')?.body;
    const run = await publish({
      ref: 'refs/tags/0.26.0',
      packages,
      'image-driver': 'registry',
      registry: 'oci-layout:images',
      images: 'oci-layout:image:build falcosecurity/falco',
      'github-release-notes': 'append',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(fake.calls(UPLOAD).length).toBe(uploads);
    expect(fake.calls('repos/update-release').length).toBe(updates);
    expect(fake.state.release(REPOSITORY, '0.26.0')?.body).toBe(body);
    expect(run.stdout).toContain('already published');
  });

  it('refuses a different file of a published name before any upload, and replaces it with overwrite', async () => {
    const rebuilt = await build('rebuilt-0.26.0', ['falco-0.26.0-x86_64.tar.gz']);
    const before = writes();
    const refused = await publish({ ref: 'refs/tags/0.26.0', packages: rebuilt });
    expect(refused.exitCode).toBe(1);
    expect(errorLine(refused)).toContain('falco-0.26.0-x86_64.tar.gz');
    expect(errorLine(refused)).toContain('overwrite');
    expect(writes()).toBe(before);

    const replaced = await publish({
      ref: 'refs/tags/0.26.0',
      packages: rebuilt,
      overwrite: 'true',
      'github-release-notes': 'append',
    });
    expect(replaced.exitCode, replaced.stdout).toBe(0);
    const digest = digestOf(await bytesOf('rebuilt-0.26.0', 'falco-0.26.0-x86_64.tar.gz'));
    expect(assetsOf('0.26.0')).toContainEqual(['falco-0.26.0-x86_64.tar.gz', digest]);
    expect(assetsOf('0.26.0')).toHaveLength(3);
    const body = fake.state.release(REPOSITORY, '0.26.0')?.body ?? '';
    // The section was replaced, not added again: it lists this run (one package, no image).
    expect(body.split(NOTES_BEGIN)).toHaveLength(2);
    expect(body).toContain(digest.slice('sha256:'.length));
    expect(body).not.toContain('falco-0.26.0-x86_64.rpm');
  });

  it('marks the release of a prerelease tag as a prerelease', async () => {
    const run = await publish({
      ref: 'refs/tags/0.27.0-rc1',
      packages: await build('rc1', ['falco-0.27.0-rc1-x86_64.tar.gz']),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(fake.state.release(REPOSITORY, '0.27.0-rc1')).toMatchObject({ prerelease: true, draft: false });
  });
});

describe('the dev prerelease', () => {
  it("holds the last push's assets only", async () => {
    const first = await publish(
      {
        ref: 'refs/heads/master',
        packages: await build('dev-1', [
          'falco-0.27.0-1+aaa1111-x86_64.deb',
          'falco-0.27.0-1+aaa1111-x86_64.tar.gz',
        ]),
      },
      { GITHUB_SHA: 'aaa1111' },
    );
    expect(first.exitCode, first.stdout).toBe(0);
    expect(fake.state.release(REPOSITORY, 'dev')).toMatchObject({
      prerelease: true,
      targetCommitish: 'aaa1111',
    });
    expect(
      assetsOf('dev')
        .map(([name]) => name)
        .sort(),
    ).toEqual(['falco-0.27.0-1+aaa1111-x86_64.deb', 'falco-0.27.0-1+aaa1111-x86_64.tar.gz']);

    const second = await publish(
      { ref: 'refs/heads/master', packages: await build('dev-2', ['falco-0.27.0-2+bbb2222-x86_64.deb']) },
      { GITHUB_SHA: 'bbb2222' },
    );
    expect(second.exitCode, second.stdout).toBe(0);
    expect(assetsOf('dev').map(([name]) => name)).toEqual(['falco-0.27.0-2+bbb2222-x86_64.deb']);
    expect(second.stdout).toContain('deleted falco-0.27.0-1+aaa1111-x86_64.deb');
  });
});

describe('failures', () => {
  it('fails a token GitHub refuses (401) with one error naming github-token, before any upload', async () => {
    const before = writes();
    const run = await publish({
      ref: 'refs/tags/0.32.0',
      packages: await build('bad-token', ['falco-0.32.0-x86_64.tar.gz']),
      'github-token': 'ghs_notAValidTokenAtAll0000000000000000',
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toMatch(/^github-token: .*401/);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error::'))).toHaveLength(1);
    expect(writes()).toBe(before);
    expect(fake.state.release(REPOSITORY, '0.32.0')).toBeUndefined();
  });

  it('refuses a missing release with github-release-create: false, creating nothing', async () => {
    const before = writes();
    const run = await publish({
      ref: 'refs/tags/0.33.0',
      packages: await build('no-release', ['falco-0.33.0-x86_64.tar.gz']),
      'github-release-create': 'false',
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toMatch(/^github-release-create: /);
    expect(writes()).toBe(before);
  });

  it('waits out a secondary rate limit (403 with retry-after) and publishes', async () => {
    fake.inject({ status: 'secondary-limit', times: 1, operationId: UPLOAD, retryAfter: 1 });
    const run = await publish({
      ref: 'refs/tags/0.34.0',
      packages: await build('limited', ['falco-0.34.0-x86_64.tar.gz']),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('secondary rate limit');
    expect(
      fake
        .calls(UPLOAD)
        .slice(-2)
        .map((call) => call.status),
    ).toEqual([403, 201]);
    const digest = digestOf(await bytesOf('limited', 'falco-0.34.0-x86_64.tar.gz'));
    expect(assetsOf('0.34.0')).toEqual([['falco-0.34.0-x86_64.tar.gz', digest]]);
  });

  it('retries a burst of 5xx and publishes', async () => {
    fake.inject({ status: 502, times: 1, operationId: 'repos/get-release-by-tag' });
    fake.inject({ status: 503, times: 2, operationId: UPLOAD, leavesStarter: true });
    const run = await publish({
      ref: 'refs/tags/0.35.0',
      packages: await build('burst', ['falco-0.35.0-x86_64.tar.gz']),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const digest = digestOf(await bytesOf('burst', 'falco-0.35.0-x86_64.tar.gz'));
    expect(assetsOf('0.35.0')).toEqual([['falco-0.35.0-x86_64.tar.gz', digest]]);
  });

  it('gives up on 5xx that last, with one clear error', async () => {
    fake.inject({ status: 503, times: 1000, operationId: UPLOAD });
    try {
      const run = await publish({
        ref: 'refs/tags/0.36.0',
        packages: await build('down', ['falco-0.36.0-x86_64.tar.gz']),
      });
      expect(run.exitCode).toBe(1);
      expect(errorLine(run)).toMatch(/^package-host: uploading falco-0\.36\.0-x86_64\.tar\.gz failed.*503/);
      expect(run.stdout.split('\n').filter((line) => line.startsWith('::error::'))).toHaveLength(1);
      expectNoToken(run);
    } finally {
      fake.clearFaults();
    }
  });

  it('names github-token when the job token may not write (403), and never prints it', async () => {
    const readOnly = 'ghs_readOnlyJobToken000000000000000000';
    fake.grant(readOnly, { write: false, listsPermissions: false });
    const run = await publish({
      ref: 'refs/tags/0.37.0',
      packages: await build('read-only', ['falco-0.37.0-x86_64.tar.gz']),
      'github-token': readOnly,
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toMatch(/^github-token: .*403/);
    expect(errorLine(run)).toContain('contents: write');
    const printed = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(printed.join('\n')).not.toContain(readOnly.slice(4));
  });
});

describe('the digest GitHub lists', () => {
  it('is the sha256 of the bytes the action sent', async () => {
    const bytes = await bytesOf('release-0.26.0', 'falco-0.26.0-x86_64.deb');
    const asset = fake.state
      .release(REPOSITORY, '0.26.0')
      ?.assets.find((a) => a.name === 'falco-0.26.0-x86_64.deb');
    expect(asset?.digest).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    expect(asset?.bytes).toEqual(bytes);
  });
});
