import { existsSync, readFileSync } from 'node:fs';
import { registryHost } from '../../src/image-drivers/image-target.js';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import type { DockerResult, DockerRunner } from '../../src/image-drivers/docker-cli.js';
import { DockerDriver } from '../../src/image-drivers/docker-driver.js';
import type { ImageDriver } from '../../src/image-drivers/driver.js';
import type { Config } from '../../src/action/inputs.js';
import type { PackageHost } from '../../src/hosts/host.js';
import type { Step } from '../../src/action/plan/steps.js';
import type { PublishPorts, TargetRegistry } from '../../src/action/ports.js';
import { publish } from '../../src/action/publish.js';
import { parseImageLines } from '../../src/action/release/image-lines.js';
import { UserError } from '../../src/util/errors.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { loadEvent } from '../fixtures/events.js';
import { asyncUserErrorOf, errorOf } from '../fixtures/errors.js';
import { madeFalcoDeb, madeFalcoRpm } from '../indexes/made-packages.js';
import { configOf } from '../fixtures/config.js';

const REGISTRY = '127.0.0.1:5000';
const TARGET = registryHost(REGISTRY);
const PASSWORD = 'reg-Pa55word-never-logged';
const R = `${REGISTRY}/falcosecurity`;

/** The seed's image set. */
const SEED = parseImageLines(`
falco:local                falcosecurity/falco
falco-no-driver:local      falcosecurity/falco                 suffix=-slim
falco-no-driver:local      falcosecurity/falco-no-driver
falco-driver-loader:local  falcosecurity/falco-driver-loader
`);
const SOURCES = ['falco:local', 'falco-no-driver:local', 'falco-driver-loader:local'];

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const digestOf = (source: string): string => `sha256:${sha256(source)}`;
const refOf = (fixture: string): string => loadEvent(fixture).env.GITHUB_REF;

let workspace = '';
beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'publish-'));
});
afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

/**
 * Real package files in the temp workspace: a .deb or .rpm says inside what its name says; the file's own
 * path makes each sha256 differ. A name that does not parse is a file of text.
 */
async function packageFiles(...names: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const name of names) {
    const file = join(workspace, 'build', name);
    await mkdir(dirname(file), { recursive: true });
    const kind = name.endsWith('.deb') ? madeFalcoDeb : name.endsWith('.rpm') ? madeFalcoRpm : undefined;
    const parsed = kind && /^falco-(.+)-(x86_64|aarch64)\.(deb|rpm)$/.exec(basename(name));
    if (kind && parsed) {
      const [, version = '', arch = 'x86_64'] = parsed;
      await rename(
        kind(join(workspace, 'made'), version, arch === 'aarch64' ? 'aarch64' : 'x86_64', name),
        file,
      );
    } else {
      await writeFile(file, `contents of ${name}`);
    }
    files.push(file);
  }
  return files;
}

/** The sha256 of a file packageFiles made. */
const packageSha256 = (name: string): string =>
  createHash('sha256')
    .update(readFileSync(join(workspace, 'build', name)))
    .digest('hex');

function config(overrides: Partial<Config> = {}): Config {
  return configOf({
    images: SEED,
    registry: TARGET,
    credentials: { username: 'falcoci', password: PASSWORD },
    packageHost: { kind: 'directory', path: join(workspace, 'out') },
    ...overrides,
  });
}

interface WorldOptions {
  /** Images the fake daemon holds (default: every seed source). */
  readonly localImages?: readonly string[];
  readonly unavailable?: string;
  /** Tag lists per repository (absent = the repository does not exist). */
  readonly tags?: Readonly<Record<string, string[]>>;
  /** sha256 already published per host path. */
  readonly existing?: Readonly<Record<string, string>>;
  readonly files?: readonly string[];
  /** The digest the driver reports for a push (default: one digest per source). */
  readonly digestFor?: (source: string, target: string) => string;
  /** What the registry serves for a tag after the push (default: what was pushed). */
  readonly serve?: (repository: string, tag: string, pushed: string | undefined) => string | undefined;
  readonly failPut?: string;
  /** Pushes to one registry may run at once (as the registry driver's), each taking this long. */
  readonly concurrentPushes?: (target: string) => number;
  readonly refuseAccess?: boolean;
  readonly refusePush?: boolean;
}

interface World {
  /** Writes and logins, in order: `login <registry> <user>`, `push <target>`, `put <path> <replace>`. */
  readonly calls: string[];
  readonly ports: PublishPorts;
  readonly patterns: (readonly string[])[];
  /** The most pushes that were in flight at one time. */
  readonly mostPushesAtOnce: () => number;
}

/** Object-literal fakes of every port. */
function world(options: WorldOptions = {}): World {
  const calls: string[] = [];
  const patterns: (readonly string[])[] = [];
  const pushed = new Map<string, string>();
  let pushing = 0;
  let mostPushing = 0;
  const driver: ImageDriver = {
    name: 'fake',
    ...(options.concurrentPushes ? { concurrentPushes: true } : {}),
    async checkSources(sources) {
      if (options.unavailable !== undefined) return { unavailable: options.unavailable, missing: [] };
      const local = options.localImages ?? SOURCES;
      return { missing: [...new Set(sources)].filter((source) => !local.includes(source)) };
    },
    async login(registry, credentials) {
      calls.push(`login ${registry} ${credentials.username}`);
    },
    async push(source, target) {
      calls.push(`push ${target}`);
      const delay = options.concurrentPushes?.(target) ?? 0;
      mostPushing = Math.max(mostPushing, ++pushing);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      pushing--;
      const digest = options.digestFor?.(source, target) ?? digestOf(source);
      pushed.set(target, digest);
      return { digest };
    },
  };
  const registry: TargetRegistry = {
    async checkAccess() {
      if (options.refuseAccess) {
        throw new UserError(
          REGISTRY,
          'the registry refused logging in (HTTP 401)',
          'check registry-username',
        );
      }
    },
    async checkPush(repository) {
      if (options.refusePush) {
        throw new UserError(
          `${REGISTRY}/${repository}`,
          'the registry refused a push (opening an upload) (HTTP 401 UNAUTHORIZED: authentication required)',
          'check registry-username',
        );
      }
    },
    async listTags(repository) {
      return options.tags?.[repository] ?? [];
    },
    async manifestDigest(repository, tag) {
      const current = pushed.get(`${REGISTRY}/${repository}:${tag}`);
      return options.serve ? options.serve(repository, tag, current) : current;
    },
  };
  const host: PackageHost = {
    description: 'fake host',
    async existing(path) {
      return options.existing?.[path];
    },
    async put(path, _localFile, { replace }) {
      calls.push(`put ${path}${replace ? ' replace' : ''}`);
      if (path === options.failPut) throw new Error(`EACCES: permission denied, open '${path}'`);
    },
  };
  const findFiles = async (given: readonly string[]): Promise<string[]> => {
    patterns.push(given);
    return [...(options.files ?? [])];
  };
  return {
    calls,
    patterns,
    ports: { images: { driver, registry, mirror: () => registry }, host, findFiles },
    mostPushesAtOnce: () => mostPushing,
  };
}

function summary(plan: readonly Step[]): string[] {
  return plan.map((step) => {
    switch (step.step) {
      case 'login':
        return `login ${step.registry} ${step.username}`;
      case 'push':
      case 'move-tag':
        return `${step.step} ${step.target}`;
      case 'publish-package':
        return `publish-package ${step.path} ${step.action}`;
      case 'update-repository':
        return `update-repository ${step.root}`;
      case 'attest-provenance':
        return `attest-provenance ${step.images.length} ${step.packages.length}`;
      case 'sign-image':
        return `sign-image ${step.target}`;
      case 'invalidate-cdn':
        return `invalidate-cdn ${step.distribution}${step.wait ? ' wait' : ''}`;
      case 'withdraw-packages':
      case 'resign-repository':
        return `${step.step} ${step.root}`;
    }
  });
}

const STABLE_FILES = ['falco-0.26.0-x86_64.deb', 'falco-0.26.0-x86_64.rpm', 'falco-0.26.0-x86_64.tar.gz'];

describe('publish: the order of writes (version tags → packages → floating tags)', () => {
  interface Scenario {
    readonly label: string;
    readonly ref: string;
    readonly files: readonly string[];
    readonly tags?: Readonly<Record<string, string[]>>;
    readonly existingSame?: boolean;
    readonly latest: boolean;
    readonly packageVersion: string | undefined;
    readonly calls: readonly string[];
  }

  const scenarios: Scenario[] = [
    {
      label: 'first stable release (tag push)',
      ref: refOf('tag-push'),
      files: STABLE_FILES,
      latest: true,
      packageVersion: '0.26.0',
      calls: [
        `login ${REGISTRY} falcoci`,
        `push ${R}/falco:0.26.0`,
        `push ${R}/falco:0.26.0-slim`,
        `push ${R}/falco-no-driver:0.26.0`,
        `push ${R}/falco-driver-loader:0.26.0`,
        'put bin/x86_64/falco-0.26.0-x86_64.tar.gz',
        'put deb/stable/falco-0.26.0-x86_64.deb',
        'put rpm/falco-0.26.0-x86_64.rpm',
        `push ${R}/falco:latest`,
        `push ${R}/falco:latest-slim`,
        `push ${R}/falco-no-driver:latest`,
        `push ${R}/falco-driver-loader:latest`,
      ],
    },
    {
      label: 'backport 0.25.1 after 0.26.0 (workflow_dispatch on the tag): latest stays',
      ref: refOf('workflow-dispatch-tag'),
      files: ['falco-0.25.1-x86_64.deb'],
      tags: {
        'falcosecurity/falco': ['0.25.0', '0.26.0', 'latest', '0.26.0-slim', 'latest-slim', 'master'],
        'falcosecurity/falco-no-driver': ['0.26.0', 'latest'],
      },
      latest: false,
      packageVersion: '0.25.1',
      calls: [
        `login ${REGISTRY} falcoci`,
        `push ${R}/falco:0.25.1`,
        `push ${R}/falco:0.25.1-slim`,
        `push ${R}/falco-no-driver:0.25.1`,
        `push ${R}/falco-driver-loader:0.25.1`,
        'put deb/stable/falco-0.25.1-x86_64.deb',
      ],
    },
    {
      label: 'backport seen only through a suffix-only repository tag list',
      ref: 'refs/tags/0.26.1',
      files: [],
      tags: { 'falcosecurity/falco': ['0.27.0-slim', 'latest-slim', '0.26.0'] },
      latest: false,
      packageVersion: undefined,
      calls: [
        `login ${REGISTRY} falcoci`,
        `push ${R}/falco:0.26.1`,
        `push ${R}/falco:0.26.1-slim`,
        `push ${R}/falco-no-driver:0.26.1`,
        `push ${R}/falco-driver-loader:0.26.1`,
      ],
    },
    {
      label: '0.10.0 after 0.9.0 moves latest (semver)',
      ref: 'refs/tags/0.10.0',
      files: [],
      tags: { 'falcosecurity/falco': ['0.9.0', '0.9.1-rc1', '0.11.0-rc1', 'latest'] },
      latest: true,
      packageVersion: undefined,
      calls: [
        `login ${REGISTRY} falcoci`,
        `push ${R}/falco:0.10.0`,
        `push ${R}/falco:0.10.0-slim`,
        `push ${R}/falco-no-driver:0.10.0`,
        `push ${R}/falco-driver-loader:0.10.0`,
        `push ${R}/falco:latest`,
        `push ${R}/falco:latest-slim`,
        `push ${R}/falco-no-driver:latest`,
        `push ${R}/falco-driver-loader:latest`,
      ],
    },
    {
      label: 'release candidate (release published): -dev trees, no latest',
      ref: refOf('release-published'),
      files: ['falco-0.27.0-rc1-x86_64.deb', 'falco-0.27.0-rc1-x86_64.rpm'],
      tags: { 'falcosecurity/falco': ['0.26.0'] },
      latest: false,
      packageVersion: '0.27.0-rc1',
      calls: [
        `login ${REGISTRY} falcoci`,
        `push ${R}/falco:0.27.0-rc1`,
        `push ${R}/falco:0.27.0-rc1-slim`,
        `push ${R}/falco-no-driver:0.27.0-rc1`,
        `push ${R}/falco-driver-loader:0.27.0-rc1`,
        'put deb-dev/stable/falco-0.27.0-rc1-x86_64.deb',
        'put rpm-dev/falco-0.27.0-rc1-x86_64.rpm',
      ],
    },
    {
      label: 'master push: packages, then the master tags',
      ref: refOf('master-push'),
      files: ['falco-0.27.0-12+abc1234-x86_64.deb', 'falco-0.27.0-12+abc1234-static-x86_64.tar.gz'],
      latest: false,
      packageVersion: '0.27.0-12+abc1234',
      calls: [
        `login ${REGISTRY} falcoci`,
        'put bin-dev/x86_64/falco-0.27.0-12+abc1234-static-x86_64.tar.gz',
        'put deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb',
        `push ${R}/falco:master`,
        `push ${R}/falco:master-slim`,
        `push ${R}/falco-no-driver:master`,
        `push ${R}/falco-driver-loader:master`,
      ],
    },
    {
      label: 'workflow_dispatch on master',
      ref: refOf('workflow-dispatch-master'),
      files: [],
      latest: false,
      packageVersion: undefined,
      calls: [
        `login ${REGISTRY} falcoci`,
        `push ${R}/falco:master`,
        `push ${R}/falco:master-slim`,
        `push ${R}/falco-no-driver:master`,
        `push ${R}/falco-driver-loader:master`,
      ],
    },
    {
      label: 're-run of the same release: same packages skipped, latest re-pushed',
      ref: refOf('tag-push'),
      files: STABLE_FILES,
      tags: { 'falcosecurity/falco': ['0.26.0', 'latest', '0.26.0-slim', 'latest-slim'] },
      existingSame: true,
      latest: true,
      packageVersion: '0.26.0',
      calls: [
        `login ${REGISTRY} falcoci`,
        `push ${R}/falco:0.26.0`,
        `push ${R}/falco:0.26.0-slim`,
        `push ${R}/falco-no-driver:0.26.0`,
        `push ${R}/falco-driver-loader:0.26.0`,
        `push ${R}/falco:latest`,
        `push ${R}/falco:latest-slim`,
        `push ${R}/falco-no-driver:latest`,
        `push ${R}/falco-driver-loader:latest`,
      ],
    },
  ];

  it.each(scenarios)('$label', async (scenario) => {
    const files = await packageFiles(...scenario.files);
    const existing = scenario.existingSame
      ? Object.fromEntries(
          scenario.files.map((name) => [
            name.endsWith('.deb')
              ? `deb/stable/${name}`
              : name.endsWith('.rpm')
                ? `rpm/${name}`
                : `bin/x86_64/${name}`,
            packageSha256(name),
          ]),
        )
      : {};
    const w = world({ files, tags: scenario.tags ?? {}, existing });
    const patterns = files.length > 0 ? ['build/*'] : [];
    const result = await publish(
      config({ ref: scenario.ref, packagePatterns: patterns }),
      w.ports,
      captureLogger(),
      workspace,
    );

    expect(w.calls).toEqual(scenario.calls);
    expect(w.patterns).toEqual(files.length > 0 ? [patterns] : []);
    expect(result.latest.latest).toBe(scenario.latest);
    expect(result.packageVersion).toBe(scenario.packageVersion);
    const pushes = scenario.calls.filter((call) => call.startsWith('push ')).map((call) => call.slice(5));
    expect(result.tags).toEqual(pushes);
    expect(result.images.map((image) => image.ref)).toEqual(pushes);
    // Every tag carries the digest of its own source image.
    const expectedImages = result.plan.flatMap((step) =>
      step.step === 'push' || step.step === 'move-tag'
        ? [{ ref: step.target, digest: digestOf(step.source) }]
        : [],
    );
    expect(result.images).toEqual(expectedImages);
    expect(result.packages).toHaveLength(scenario.files.length);
    for (const pkg of result.packages) {
      const name = pkg.path.split('/').at(-1) ?? '';
      expect(pkg.file).toBe(`build/${name}`);
      expect(pkg.sha256).toBe(packageSha256(name));
      expect(pkg.size).toBe(readFileSync(join(workspace, 'build', name)).length);
    }
    expect(result.dryRun).toBe(false);
  });

  it('each tag gets the digest of its source; the -slim and no-driver tags share one', async () => {
    const w = world();
    const result = await publish(config(), w.ports, captureLogger(), workspace);
    const digests = Object.fromEntries(result.images.map((image) => [image.ref, image.digest]));
    expect(digests[`${R}/falco:0.26.0`]).toBe(digestOf('falco:local'));
    expect(digests[`${R}/falco:latest`]).toBe(digestOf('falco:local'));
    expect(digests[`${R}/falco:0.26.0-slim`]).toBe(digestOf('falco-no-driver:local'));
    expect(digests[`${R}/falco-no-driver:latest`]).toBe(digestOf('falco-no-driver:local'));
    expect(digests[`${R}/falco-driver-loader:latest`]).toBe(digestOf('falco-driver-loader:local'));
  });

  it('without credentials there is no login', async () => {
    const w = world();
    await publish(config({ credentials: undefined }), w.ports, captureLogger(), workspace);
    expect(w.calls.filter((call) => call.startsWith('login'))).toEqual([]);
    expect(w.calls).toHaveLength(8);
  });

  it('replaces a different package with overwrite: true', async () => {
    const files = await packageFiles('falco-0.26.0-x86_64.rpm');
    const w = world({ files, existing: { 'rpm/falco-0.26.0-x86_64.rpm': 'f'.repeat(64) } });
    await publish(
      config({ images: [], packagePatterns: ['build/*.rpm'], overwrite: true }),
      w.ports,
      captureLogger(),
      workspace,
    );
    expect(w.calls).toEqual(['put rpm/falco-0.26.0-x86_64.rpm replace']);
  });
});

describe('publish: a failure stops the run before the floating tags', () => {
  it('pushes the tags of one registry together, reporting and logging them in plan order whatever order they end in', async () => {
    const files = await packageFiles(...STABLE_FILES);
    // The first tags take longest: they end last.
    const order = [`${R}/falco:0.26.0`, `${R}/falco:0.26.0-slim`, `${R}/falco-no-driver:0.26.0`];
    const w = world({
      files,
      concurrentPushes: (target) => (order.includes(target) ? 60 - 20 * order.indexOf(target) : 1),
    });
    const logger = captureLogger();
    const result = await publish(config({ packagePatterns: ['build/*'] }), w.ports, logger, workspace);
    const sequential = await publish(
      config({ packagePatterns: ['build/*'] }),
      world({ files }).ports,
      captureLogger(),
      workspace,
    );
    expect(result.images.map((image) => image.ref)).toEqual(sequential.images.map((image) => image.ref));
    expect(result.tagChanges.map((change) => change.ref)).toEqual(result.images.map((image) => image.ref));
    // Four at a time: the version tags of the main registry overlapped.
    expect(w.mostPushesAtOnce()).toBe(4);
    const groups = logger.lines.filter((line) => line.startsWith('group: Push '));
    expect(groups.slice(0, 3)).toEqual(order.map((target) => `group: Push ${target}`));
  });

  it('a failing package put means no floating tag was pushed', async () => {
    const files = await packageFiles(...STABLE_FILES);
    const w = world({ files, failPut: 'deb/stable/falco-0.26.0-x86_64.deb' });
    const error = await errorOf(
      publish(config({ packagePatterns: ['build/*'] }), w.ports, captureLogger(), workspace),
    );
    expect(error.message).toContain('permission denied');
    // The packages go up together: the ones already started when the .deb failed finish; nothing after.
    expect(w.calls.slice(0, 5)).toEqual([
      `login ${REGISTRY} falcoci`,
      `push ${R}/falco:0.26.0`,
      `push ${R}/falco:0.26.0-slim`,
      `push ${R}/falco-no-driver:0.26.0`,
      `push ${R}/falco-driver-loader:0.26.0`,
    ]);
    expect(w.calls.slice(5).every((call) => call.startsWith('put '))).toBe(true);
    expect(w.calls).toContain('put deb/stable/falco-0.26.0-x86_64.deb');
    expect(w.calls.some((call) => call.includes(':latest'))).toBe(false);
  });

  it('a failing master package put means the master tags did not move', async () => {
    const files = await packageFiles('falco-0.27.0-12+abc1234-x86_64.deb');
    const w = world({ files, failPut: 'deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb' });
    await expect(
      publish(
        config({ ref: 'refs/heads/master', packagePatterns: ['build/*'] }),
        w.ports,
        captureLogger(),
        workspace,
      ),
    ).rejects.toThrow('permission denied');
    expect(w.calls.filter((call) => call.startsWith('push'))).toEqual([]);
  });

  it.each<
    [label: string, digestFor: (source: string, target: string) => string, subject: string, pushes: number]
  >([
    [
      'two fixed tags of one source (falco-no-driver:local → falco:0.26.0-slim, falco-no-driver:0.26.0)',
      (source, target) =>
        target === `${R}/falco-no-driver:0.26.0` ? `sha256:${'1'.repeat(64)}` : digestOf(source),
      `${R}/falco-no-driver:0.26.0`,
      3,
    ],
    [
      'a fixed and the floating tag of one source',
      (source, target) => (target === `${R}/falco:latest` ? `sha256:${'2'.repeat(64)}` : digestOf(source)),
      `${R}/falco:latest`,
      5,
    ],
  ])(
    'a digest mismatch between %s fails, and nothing after it runs',
    async (_label, digestFor, subject, pushes) => {
      const files = await packageFiles(...STABLE_FILES);
      const w = world({ files, digestFor });
      const error = await asyncUserErrorOf(
        publish(config({ packagePatterns: ['build/*'] }), w.ports, captureLogger(), workspace),
      );
      expect(error.subject).toBe(subject);
      expect(error.message).toMatch(
        /got digest sha256:[0-9a-f]{64}, but other tags of \S+ got sha256:[0-9a-f]{64}/,
      );
      expect(w.calls.filter((call) => call.startsWith('push'))).toHaveLength(pushes);
      expect(w.calls.at(-1)).toBe(`push ${subject}`);
    },
  );

  it.each<[label: string, served: string | undefined, problem: string]>([
    [
      'another digest',
      `sha256:${'e'.repeat(64)}`,
      `the registry serves sha256:${'e'.repeat(64)} after pushing`,
    ],
    ['nothing', undefined, 'the registry serves nothing after pushing'],
  ])('the registry serving %s after a push fails', async (_label, served, problem) => {
    const w = world({
      serve: (repository, tag, pushed) =>
        repository === 'falcosecurity/falco' && tag === '0.26.0-slim' ? served : pushed,
    });
    const error = await asyncUserErrorOf(publish(config(), w.ports, captureLogger(), workspace));
    expect(error.subject).toBe(`${R}/falco:0.26.0-slim`);
    expect(error.message).toContain(problem);
    expect(error.message).toContain(digestOf('falco-no-driver:local'));
    expect(w.calls).toEqual([
      `login ${REGISTRY} falcoci`,
      `push ${R}/falco:0.26.0`,
      `push ${R}/falco:0.26.0-slim`,
    ]);
  });
});

describe('publish: validation failures write nothing', () => {
  interface Invalid {
    readonly label: string;
    readonly options?: WorldOptions;
    readonly config?: Partial<Config>;
    readonly files?: readonly string[];
    readonly subject: string;
    readonly problem: string;
  }

  const invalid: Invalid[] = [
    {
      label: 'a missing source image',
      options: { localImages: ['falco:local', 'falco-no-driver:local'] },
      subject: 'images',
      problem: 'source image not found: falco-driver-loader:local',
    },
    {
      label: 'two missing source images',
      options: { localImages: ['falco:local'] },
      subject: 'images',
      problem: 'source images not found: falco-no-driver:local, falco-driver-loader:local',
    },
    {
      label: 'an unreachable docker daemon',
      options: { unavailable: 'Cannot connect to the Docker daemon' },
      subject: 'image-driver: fake',
      problem: 'cannot reach its backend: Cannot connect to the Docker daemon',
    },
    {
      label: 'a package version that does not match the release',
      files: ['falco-0.26.0-x86_64.deb', 'falco-0.25.1-x86_64.rpm'],
      subject: 'packages: falco-0.25.1-x86_64.rpm',
      problem: 'carries version 0.25.1, but the release is 0.26.0',
    },
    {
      label: 'a package name that does not parse',
      files: ['falco-0.26.0-amd64.deb'],
      subject: 'packages: falco-0.26.0-amd64.deb',
      problem: 'the file name does not parse',
    },
    {
      label: 'a different package already published',
      files: STABLE_FILES,
      options: { existing: { 'rpm/falco-0.26.0-x86_64.rpm': 'f'.repeat(64) } },
      subject: 'packages: rpm/falco-0.26.0-x86_64.rpm',
      problem: 'is already published with different content',
    },
    {
      label: 'dev packages of two builds',
      config: { ref: 'refs/heads/master' },
      files: ['falco-0.27.0-12+abc1234-x86_64.deb', 'falco-0.27.0-13+0fedcba-x86_64.rpm'],
      subject: 'packages',
      problem: 'a dev build must carry one version',
    },
    {
      label: 'a ref that is not a release',
      config: { ref: 'refs/heads/feature' },
      files: [],
      subject: 'ref',
      problem: "'refs/heads/feature' is not a release",
    },
    {
      label: 'latest: true on a prerelease',
      config: { ref: 'refs/tags/0.27.0-rc1', latest: 'true' },
      files: [],
      subject: 'latest',
      problem: "'true' is not allowed for a prerelease build",
    },
    {
      label: 'credentials the registry refuses',
      options: { refuseAccess: true },
      subject: REGISTRY,
      problem: 'the registry refused logging in',
    },
    {
      label: 'credentials that may log in but not push',
      options: { refusePush: true },
      subject: `${REGISTRY}/falcosecurity/falco`,
      problem: 'the registry refused a push (opening an upload)',
    },
  ];

  it.each(invalid)('$label', async (testCase) => {
    const files = await packageFiles(...(testCase.files ?? STABLE_FILES));
    const w = world({ files, ...testCase.options });
    const error = await asyncUserErrorOf(
      publish(
        config({ packagePatterns: ['build/*'], ...testCase.config }),
        w.ports,
        captureLogger(),
        workspace,
      ),
    );
    expect(error.subject).toBe(testCase.subject);
    expect(error.message).toContain(testCase.problem);
    expect(w.calls).toEqual([]);
  });

  it('a mirror that refuses the job login, before anything is written', async () => {
    const files = await packageFiles(...STABLE_FILES);
    const w = world({ files });
    const asked: string[] = [];
    const images = w.ports.images;
    if (!images) throw new Error('the world has image ports');
    const ports: PublishPorts = {
      ...w.ports,
      images: {
        ...images,
        mirror: (registry) => ({
          ...images.registry,
          async checkAccess() {
            asked.push(registry);
            throw new UserError(
              registry,
              'the registry refused logging in (HTTP 401)',
              `log in to ${registry}`,
            );
          },
        }),
      },
    };
    const error = await asyncUserErrorOf(
      publish(
        config({ packagePatterns: ['build/*'], mirrors: ['public.ecr.aws'] }),
        ports,
        captureLogger(),
        workspace,
      ),
    );
    expect(asked).toEqual(['public.ecr.aws']);
    expect(error.subject).toBe('public.ecr.aws');
    expect(w.calls).toEqual([]);
  });

  it('two package files that land on one path', async () => {
    const files = await packageFiles('falco-0.26.0-x86_64.deb', 'again/falco-0.26.0-x86_64.deb');
    const w = world({ files });
    const error = await asyncUserErrorOf(
      publish(config({ packagePatterns: ['build/**/*.deb'] }), w.ports, captureLogger(), workspace),
    );
    expect(error.subject).toBe('deb/stable/falco-0.26.0-x86_64.deb');
    expect(error.message).toContain('would be written twice');
    expect(w.calls).toEqual([]);
  });

  it('an unreachable daemon in a dry run is a warning, not a failure', async () => {
    const w = world({ unavailable: 'Cannot connect to the Docker daemon' });
    const logger = captureLogger();
    const result = await publish(config({ dryRun: true }), w.ports, logger, workspace);
    expect(logger.lines).toContain(
      'warning: source images not checked (fake unavailable: Cannot connect to the Docker daemon)',
    );
    expect(result.plan.length).toBeGreaterThan(0);
    expect(w.calls).toEqual([]);
  });
});

describe('publish: dry run', () => {
  it('validates, returns the full plan and writes nothing', async () => {
    const files = await packageFiles(...STABLE_FILES);
    const w = world({
      files,
      existing: { 'rpm/falco-0.26.0-x86_64.rpm': packageSha256('falco-0.26.0-x86_64.rpm') },
    });
    const logger = captureLogger();
    const result = await publish(
      config({ dryRun: true, packagePatterns: ['build/*'] }),
      w.ports,
      logger,
      workspace,
    );

    expect(w.calls).toEqual([]);
    expect(result.dryRun).toBe(true);
    expect(result.images).toEqual([]);
    expect(result.packages).toEqual([]);
    expect(result.latest.latest).toBe(true);
    expect(summary(result.plan)).toEqual([
      `login ${REGISTRY} falcoci`,
      `push ${R}/falco:0.26.0`,
      `push ${R}/falco:0.26.0-slim`,
      `push ${R}/falco-no-driver:0.26.0`,
      `push ${R}/falco-driver-loader:0.26.0`,
      'publish-package bin/x86_64/falco-0.26.0-x86_64.tar.gz upload',
      'publish-package deb/stable/falco-0.26.0-x86_64.deb upload',
      'publish-package rpm/falco-0.26.0-x86_64.rpm skip',
      `move-tag ${R}/falco:latest`,
      `move-tag ${R}/falco:latest-slim`,
      `move-tag ${R}/falco-no-driver:latest`,
      `move-tag ${R}/falco-driver-loader:latest`,
    ]);
    expect(result.tags).toHaveLength(8);
    expect(logger.lines).toContain('group: Plan (dry run: nothing is published)');
    expect(logger.lines).toContain(`push     falco:local → ${R}/falco:0.26.0`);
    expect(logger.lines).toContain(`move     falco-no-driver:local → ${R}/falco:latest-slim`);
    expect(logger.lines.filter((line) => line.startsWith('package  '))).toHaveLength(3);
  });

  it('still refuses what a real run would refuse', async () => {
    const w = world({ localImages: [] });
    await expect(publish(config({ dryRun: true }), w.ports, captureLogger(), workspace)).rejects.toThrow(
      'source images not found',
    );
    expect(w.calls).toEqual([]);
  });
});

describe('publish: the registry password never reaches the log', () => {
  /** A docker CLI fake behind the real DockerDriver: it remembers `docker tag` to print the right digest on push. */
  function dockerWorld(loginResult: DockerResult): {
    run: DockerRunner;
    stdin: (string | undefined)[];
    argv: string[];
    configDirs: Set<string>;
    ports: (driver: ImageDriver) => PublishPorts;
  } {
    const sourceOf = new Map<string, string>();
    const served = new Map<string, string>();
    const stdin: (string | undefined)[] = [];
    const argv: string[] = [];
    const configDirs = new Set<string>();
    const run: DockerRunner = async (allArgs, input) => {
      // The driver puts `--config <its own dir>` first once it has logged in.
      if (allArgs[0] === '--config') configDirs.add(allArgs[1] ?? '');
      const args = allArgs[0] === '--config' ? allArgs.slice(2) : allArgs;
      argv.push(args.join(' '));
      stdin.push(input);
      const ok = (stdout = ''): DockerResult => ({ exitCode: 0, stdout, stderr: '' });
      switch (args[0]) {
        case 'version':
          return ok('27.5.1\n');
        case 'image':
          return ok('sha256:0123\n');
        case 'login':
          return loginResult;
        case 'tag':
          sourceOf.set(args[2] ?? '', args[1] ?? '');
          return ok();
        case 'push': {
          const target = args[1] ?? '';
          const digest = digestOf(sourceOf.get(target) ?? '');
          served.set(target, digest);
          const tag = target.slice(target.lastIndexOf(':') + 1);
          return ok(
            `The push refers to repository [${target}]\n5f70bf18a086: Pushed\n${tag}: digest: ${digest} size: 739\n`,
          );
        }
        default:
          return { exitCode: 1, stdout: '', stderr: `unexpected docker ${args.join(' ')}` };
      }
    };
    const ports = (driver: ImageDriver): PublishPorts => {
      const registry: TargetRegistry = {
        checkAccess: async () => undefined,
        checkPush: async () => undefined,
        listTags: async () => [],
        manifestDigest: async (repository, tag) => served.get(`${REGISTRY}/${repository}:${tag}`),
      };
      return { images: { driver, registry, mirror: () => registry }, findFiles: async () => [] };
    };
    return { run, stdin, argv, ports, configDirs };
  }

  it('a full run with the docker driver logs in through stdin and never prints the password', async () => {
    const docker = dockerWorld({ exitCode: 0, stdout: 'Login Succeeded\n', stderr: '' });
    const logger = captureLogger();
    const result = await publish(
      config(),
      docker.ports(new DockerDriver(logger, docker.run)),
      logger,
      workspace,
    );

    expect(result.images).toHaveLength(8);
    expect(docker.argv.filter((args) => args.startsWith('push'))).toHaveLength(8);
    expect(docker.stdin.filter((input) => input !== undefined)).toEqual([PASSWORD]);
    expect(docker.argv.some((args) => args.includes(PASSWORD))).toBe(false);
    expect(logger.lines).toContain(`logged in to ${REGISTRY} as falcoci`);
    expect(logger.lines.length).toBeGreaterThan(10);
    for (const line of logger.lines) expect(line).not.toContain(PASSWORD);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
    // The login lived in a client config of the run's own, removed when the run ended.
    expect(docker.configDirs.size).toBe(1);
    for (const dir of docker.configDirs) expect(existsSync(dir)).toBe(false);
  });

  it('a refused login fails without the password in the log or the error', async () => {
    const docker = dockerWorld({
      exitCode: 1,
      stdout: '',
      stderr: `Error response from daemon: Get "http://${REGISTRY}/v2/": unauthorized: authentication required\n`,
    });
    const logger = captureLogger();
    const error = await asyncUserErrorOf(
      publish(config(), docker.ports(new DockerDriver(logger, docker.run)), logger, workspace),
    );
    expect(error.subject).toBe('registry-username');
    expect(error.message).not.toContain(PASSWORD);
    for (const line of logger.lines) expect(line).not.toContain(PASSWORD);
    expect(docker.argv.some((args) => args.startsWith('push'))).toBe(false);
  });

  it('a dry run prints the login step without the password', async () => {
    const logger = captureLogger();
    const result = await publish(config({ dryRun: true }), world().ports, logger, workspace);
    expect(logger.lines).toContain(`login    ${REGISTRY} as falcoci`);
    for (const line of logger.lines) expect(line).not.toContain(PASSWORD);
    expect(JSON.stringify(result.plan)).not.toContain(PASSWORD);
  });
});

// A letter-only prerelease such as `0.27.0-beta` is the version, not a variant named `beta`.
describe('publish: letter-only prerelease packages', () => {
  it('publishes falco-0.27.0-beta-x86_64.deb for refs/tags/0.27.0-beta', async () => {
    const files = await packageFiles('falco-0.27.0-beta-x86_64.deb');
    const w = world({ files });
    await publish(
      config({ ref: 'refs/tags/0.27.0-beta', images: [], packagePatterns: ['build/*'] }),
      w.ports,
      captureLogger(),
      workspace,
    );
    expect(w.calls).toEqual(['put deb-dev/stable/falco-0.27.0-beta-x86_64.deb']);
  });
});
