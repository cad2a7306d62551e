import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { falcoPackage } from '../indexes/falco-packages.js';
import { startBintrayFake, type BintrayFake } from '../support/bintray-fake.js';
import { errorLine, runAction, type ActionRun } from './run-action.js';

// `package-host: bintray://<subject>` through the bundled action, against the in-process Bintray API on
// loopback (Bintray itself shut down in 2021): the repositories, versions and matrix parameters of a
// stable release and a dev build, dev retention, re-runs, overwrite, and each way the server can say no.
const USER = 'falco-bot';
const API_KEY = 'bintray-key-Wq42-never-in-logs';
const BASIC = Buffer.from(`${USER}:${API_KEY}`).toString('base64');

let fake: BintrayFake;
let workspace: string;

beforeAll(async () => {
  fake = await startBintrayFake({
    subject: 'falcosecurity',
    username: USER,
    apiKey: API_KEY,
    repositories: {
      deb: ['falco'],
      'deb-dev': ['falco'],
      rpm: ['falco'],
      'rpm-dev': ['falco'],
      bin: ['falco'],
      'bin-dev': ['falco'],
    },
  });
  workspace = await mkdtemp(join(tmpdir(), 'bintray-e2e-'));
});
afterEach(() => {
  // Whatever the run sent, the API would have taken as it was meant (refusals asked for by a test aside).
  expect(fake.violations).toEqual([]);
});
afterAll(async () => {
  await fake?.stop();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

async function packages(dir: string, files: Record<string, string>): Promise<string> {
  await mkdir(join(workspace, dir), { recursive: true });
  for (const [name, marker] of Object.entries(files)) falcoPackage(join(workspace, dir), name, marker);
  return `${dir}/*`;
}

function publish(inputs: Record<string, string>, apiKey = API_KEY): Promise<ActionRun> {
  return runAction(
    {
      'package-host': 'bintray://falcosecurity',
      'package-host-username': USER,
      'package-host-password': apiKey,
      'bintray-api-url': fake.url,
      // What a runner passes when the workflow leaves it out.
      'dev-retention': 'deb=10GiB,rpm=10GiB',
      ...inputs,
    },
    {},
    workspace,
    // The API key also travels as HTTP Basic: that form must not show either.
    { secrets: () => [{ name: 'Bintray Basic authorization', value: BASIC }] },
  );
}

/** What the run asked of the server, from request `from` on. */
function since(from: number): string[] {
  return fake.requests.slice(from).map((request) => `${request.method} ${request.url.replace(/;.*$/, '')}`);
}

const writes = (requests: readonly string[]): string[] =>
  requests.filter((request) => /^(PUT|POST|DELETE) /.test(request));

interface PlanStep {
  readonly step: string;
  readonly action?: string;
  readonly root?: string;
  readonly format?: string;
  readonly retention?: { limit: unknown; deletes: string[] };
}
const planOf = (run: ActionRun): PlanStep[] => JSON.parse(run.outputs.plan ?? '[]') as PlanStep[];

describe('package-host: bintray://', () => {
  it('a wrong API key fails before any upload, naming the credential inputs', async () => {
    const glob = await packages('stable', {
      'falco-0.26.0-x86_64.deb': 'deb 0.26.0',
      'falco-0.26.0-aarch64.deb': 'deb arm 0.26.0',
      'falco-0.26.0-x86_64.rpm': 'rpm 0.26.0',
      'falco-0.26.0-x86_64.tar.gz': 'tgz 0.26.0',
    });
    const from = fake.requests.length;
    const run = await publish({ ref: 'refs/tags/0.26.0', packages: glob }, 'not-the-key-1234');
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toBe(
      `package-host-username / package-host-password: ${fake.url} refused the credentials (401: This resource requires authentication) to list the repositories of falcosecurity — check the user name and its API key (not the account password)`,
    );
    expect(since(from)).toEqual(['GET /repos/falcosecurity']);
    expect(fake.files()).toEqual([]);
  });

  it('publishes a stable release into deb, rpm and bin with the parameters Bintray needs, and no index step', async () => {
    const from = fake.requests.length;
    const run = await publish({ ref: 'refs/tags/0.26.0', packages: 'stable/*' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(
      fake
        .files()
        .map((file) => [file.repository, file.package, file.version, file.path, file.published, file.deb]),
    ).toEqual([
      ['rpm', 'falco', '0.26.0', 'falco-0.26.0-x86_64.rpm', true, undefined],
      [
        'deb',
        'falco',
        '0.26.0',
        'stable/falco-0.26.0-aarch64.deb',
        true,
        { distribution: 'stable', component: 'main', architecture: 'arm64' },
      ],
      [
        'deb',
        'falco',
        '0.26.0',
        'stable/falco-0.26.0-x86_64.deb',
        true,
        { distribution: 'stable', component: 'main', architecture: 'amd64' },
      ],
      ['bin', 'falco', '0.26.0', 'x86_64/falco-0.26.0-x86_64.tar.gz', true, undefined],
    ]);
    for (const repository of ['deb', 'rpm', 'bin']) {
      expect(fake.version(repository, 'falco', '0.26.0')).toMatchObject({
        desc: 'falco 0.26.0',
        vcsTag: '0.26.0',
      });
      expect(fake.version(repository, 'falco', '0.26.0')?.released).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    // The credentials first, then every lookup, then the writes: one version per repository, then each file.
    const asked = since(from);
    expect(asked[0]).toBe('GET /repos/falcosecurity');
    const firstWrite = asked.findIndex((request) => /^(PUT|POST) /.test(request));
    expect(asked.slice(firstWrite).every((request) => !request.includes('/files'))).toBe(true);
    expect(writes(asked)).toHaveLength(3 + 4);
    expect(planOf(run).map((step) => step.step)).toEqual([
      'publish-package',
      'publish-package',
      'publish-package',
      'publish-package',
    ]);
    const published = JSON.parse(run.outputs.packages ?? '[]') as { path: string; sha256: string }[];
    for (const pkg of published) {
      const file = fake.files().find((f) => pkg.path.endsWith(f.path));
      expect(file?.sha256, pkg.path).toBe(pkg.sha256);
    }
    expect(run.outputs['package-host']).toBe(`bintray://falcosecurity (${fake.url})`);
    expect(run.stdout).toContain(`::add-mask::${API_KEY}`);
    expect(run.stdout).toContain(`::add-mask::${BASIC}`);
  });

  it('a re-run uploads nothing', async () => {
    const from = fake.requests.length;
    const run = await publish({ ref: 'refs/tags/0.26.0', packages: 'stable/*' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(planOf(run).map((step) => step.action)).toEqual(['skip', 'skip', 'skip', 'skip']);
    expect(writes(since(from))).toEqual([]);
  });

  it('refuses other bytes under a published name before writing, and replaces them with overwrite: true', async () => {
    const glob = await packages('rebuilt', { 'falco-0.26.0-x86_64.tar.gz': 'tgz 0.26.0 rebuilt' });
    const from = fake.requests.length;
    const refused = await publish({ ref: 'refs/tags/0.26.0', packages: glob });
    expect(refused.exitCode).toBe(1);
    expect(errorLine(refused)).toBe(
      'packages: bin/x86_64/falco-0.26.0-x86_64.tar.gz: is already published with different content — publish a new version, or set overwrite: true to replace it',
    );
    expect(writes(since(from))).toEqual([]);

    const replaced = await publish({ ref: 'refs/tags/0.26.0', packages: glob, overwrite: 'true' });
    expect(replaced.exitCode, replaced.stdout).toBe(0);
    expect(fake.requests.filter((r) => r.method === 'PUT').at(-1)?.url).toBe(
      '/content/falcosecurity/bin/falco/0.26.0/x86_64/falco-0.26.0-x86_64.tar.gz;publish=1;override=1',
    );
    expect(fake.files('bin').map((file) => file.bytes.toString())).toEqual([
      'tarball falco-0.26.0-x86_64.tar.gz tgz 0.26.0 rebuilt\n',
    ]);
  });

  it('a dev build goes to the -dev repositories, and retention deletes the versions past the newest N', async () => {
    for (const n of [1, 2, 3]) {
      const version = `0.27.0-${n}+c0ffee${n}`;
      fake.seed('deb-dev', 'falco', version, { [`stable/falco-${version}-x86_64.deb`]: `deb ${n}` });
      fake.seed('rpm-dev', 'falco', version, { [`falco-${version}-x86_64.rpm`]: `rpm ${n}` });
      fake.seed('bin-dev', 'falco', version, { [`x86_64/falco-${version}-x86_64.tar.gz`]: `tgz ${n}` });
    }
    const glob = await packages('dev', {
      'falco-0.27.0-4+abc1234-x86_64.deb': 'deb dev',
      'falco-0.27.0-4+abc1234-x86_64.rpm': 'rpm dev',
      'falco-0.27.0-4+abc1234-x86_64.tar.gz': 'tgz dev',
      'falco-0.27.0-4+abc1234-wasm.tar.gz': 'wasm dev',
    });
    const dry = await publish({
      ref: 'refs/heads/master',
      packages: glob,
      'dev-retention': 'deb=2,rpm=3,bin=1',
      'dry-run': 'true',
    });
    expect(dry.exitCode, dry.stdout).toBe(0);
    const planned = planOf(dry).filter((step) => step.step === 'update-repository');
    expect(planned.map(({ root, format, retention }) => ({ root, format, retention }))).toEqual([
      {
        root: 'bin-dev',
        format: 'bin',
        retention: {
          limit: { versions: 1 },
          deletes: [
            'bin-dev/x86_64/falco-0.27.0-3+c0ffee3-x86_64.tar.gz',
            'bin-dev/x86_64/falco-0.27.0-2+c0ffee2-x86_64.tar.gz',
            'bin-dev/x86_64/falco-0.27.0-1+c0ffee1-x86_64.tar.gz',
          ],
        },
      },
      {
        root: 'deb-dev',
        format: 'bin',
        retention: {
          limit: { versions: 2 },
          deletes: [
            'deb-dev/stable/falco-0.27.0-2+c0ffee2-x86_64.deb',
            'deb-dev/stable/falco-0.27.0-1+c0ffee1-x86_64.deb',
          ],
        },
      },
      {
        root: 'rpm-dev',
        format: 'bin',
        retention: { limit: { versions: 3 }, deletes: ['rpm-dev/falco-0.27.0-1+c0ffee1-x86_64.rpm'] },
      },
    ]);
    expect(dry.stdout).toContain('retention deletes 2 files:');
    expect(fake.versions('deb-dev', 'falco')).toHaveLength(3);

    const run = await publish({
      ref: 'refs/heads/master',
      packages: glob,
      'dev-retention': 'deb=2,rpm=3,bin=1',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(fake.versions('deb-dev', 'falco')).toEqual(['0.27.0-4+abc1234', '0.27.0-3+c0ffee3']);
    expect(fake.versions('rpm-dev', 'falco')).toEqual([
      '0.27.0-4+abc1234',
      '0.27.0-3+c0ffee3',
      '0.27.0-2+c0ffee2',
    ]);
    expect(fake.versions('bin-dev', 'falco')).toEqual(['0.27.0-4+abc1234']);
    expect(fake.files('bin-dev').map((file) => file.path)).toEqual([
      'wasm/falco-0.27.0-4+abc1234-wasm.tar.gz',
      'x86_64/falco-0.27.0-4+abc1234-x86_64.tar.gz',
    ]);
    expect(fake.files('deb-dev').map((file) => [file.path, file.deb?.architecture])).toEqual([
      ['stable/falco-0.27.0-3+c0ffee3-x86_64.deb', undefined],
      ['stable/falco-0.27.0-4+abc1234-x86_64.deb', 'amd64'],
    ]);
    expect(fake.version('deb-dev', 'falco', '0.27.0-4+abc1234')?.vcsTag).toBe('0.27.0-4+abc1234');
    expect(run.stdout).toContain('deb-dev: removed deb-dev/stable/falco-0.27.0-2+c0ffee2-x86_64.deb');
    expect(run.summary).toContain('`0.27.0-1+c0ffee1`');

    // Again: nothing to upload, nothing more to delete.
    const from = fake.requests.length;
    const again = await publish({
      ref: 'refs/heads/master',
      packages: glob,
      'dev-retention': 'deb=2,rpm=3,bin=1',
    });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(writes(since(from))).toEqual([]);
  });

  it("dev-retention's default is Falco's Bintray rule; a size is refused before anything is written", async () => {
    const glob = await packages('dev5', { 'falco-0.27.0-5+abc5-x86_64.rpm': 'rpm dev 5' });
    const dry = await publish({ ref: 'refs/heads/master', packages: glob, 'dry-run': 'true' });
    expect(dry.exitCode, dry.stdout).toBe(0);
    expect(planOf(dry).find((step) => step.step === 'update-repository')?.retention?.limit).toEqual({
      versions: 50,
    });

    const from = fake.requests.length;
    const sized = await publish({ ref: 'refs/heads/master', packages: glob, 'dev-retention': 'rpm=5GiB' });
    expect(sized.exitCode).toBe(1);
    expect(errorLine(sized)).toContain(
      "dev-retention: 'rpm=5GiB' is a total size, but Bintray keeps versions by count only",
    );
    expect(since(from)).toEqual([]);
  });

  it('a package missing from a repository fails before any upload, saying what to create', async () => {
    const stop = fake;
    fake = await startBintrayFake({
      subject: 'falcosecurity',
      username: USER,
      apiKey: API_KEY,
      repositories: { deb: ['falco'], rpm: [] },
    });
    try {
      const run = await publish({ ref: 'refs/tags/0.26.0', packages: 'stable/*' });
      expect(run.exitCode).toBe(1);
      expect(errorLine(run)).toBe(
        `package-host: ${fake.url} could not find the package falco in the repository rpm of falcosecurity (404: Package 'falco' was not found) — create the repository rpm and its package falco first (Bintray makes neither on upload), or check package-host`,
      );
      expect(writes(since(0))).toEqual([]);
    } finally {
      await fake.stop();
      fake = stop;
    }
  });

  it('a 403 on an upload stops the run with one error naming the credentials', async () => {
    const glob = await packages('v27', {
      'falco-0.27.0-x86_64.rpm': 'rpm 0.27.0',
      'falco-0.27.0-x86_64.tar.gz': 'tgz 0.27.0',
    });
    fake.fail({ status: 403, times: 1, match: (method) => method === 'PUT', message: 'Forbidden' });
    const run = await publish({ ref: 'refs/tags/0.27.0', packages: glob });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toBe(
      'package-host-username / package-host-password: the user may not upload bin/falco/0.27.0/x86_64/falco-0.27.0-x86_64.tar.gz (403: Forbidden) — give the user the right to publish in the repository, or use an API key of a user who has it',
    );
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error::'))).toHaveLength(1);
    // The refused tarball is not there; the rpm went up beside it (packages upload together), or not.
    expect(fake.files('bin').filter((file) => file.version === '0.27.0')).toEqual([]);
  });

  it('a 5xx burst is retried and the run succeeds; a lasting one ends it with one clear error', async () => {
    fake.fail({ status: 503, times: 2, match: (method) => method === 'PUT', message: 'Service Unavailable' });
    const run = await publish({ ref: 'refs/tags/0.27.0', packages: 'v27/*' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('(Service Unavailable); retry 1 of 4');
    expect(
      fake
        .files()
        .filter((file) => file.version === '0.27.0')
        .map((file) => file.path),
    ).toEqual(['falco-0.27.0-x86_64.rpm', 'x86_64/falco-0.27.0-x86_64.tar.gz']);

    const glob = await packages('v28', { 'falco-0.28.0-x86_64.rpm': 'rpm 0.28.0' });
    fake.fail({ status: 502, times: 1000, match: (method) => method === 'PUT' });
    const lasting = await publish({ ref: 'refs/tags/0.28.0', packages: glob });
    expect(lasting.exitCode).toBe(1);
    expect(errorLine(lasting)).toBe(
      `package-host (${fake.url}): PUT /content/falcosecurity/rpm/falco/0.28.0/falco-0.28.0-x86_64.rpm was answered 502 (Injected) 5 times — the server is failing or overloaded: run again later (what is published stays, a re-run skips it)`,
    );
  }, 60_000);
});
