// `floating=major,minor` and `tags=` end to end: the bundled action publishes with the registry driver to a
// real docker-registry, release after release, and skopeo, an independent client, reads which digest each
// tag holds after each run. Needs root and the Debian packages docker-registry, skopeo, apache2-utils.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layeredImage, writeImageLayout, type LayeredImage } from './layered-image.js';
import { errorLine, runAction, type ActionRun } from './run-action.js';
import { startRegistry, type Credentials, type Registry } from './services/registry.js';
import { skopeoDigest, skopeoTags } from './services/skopeo.js';

const user: Credentials = { username: 'series-user', password: 'series-Pw-Kd58-never-shown' };

let registry: Registry;
let workspace = '';

beforeAll(async () => {
  registry = await startRegistry({ htpasswd: user });
  workspace = await mkdtemp(join(tmpdir(), 'series-tags-'));
});
afterAll(async () => {
  await registry?.stop();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

/** A fresh build of `name` at `path` in the workspace, as the build job of each release makes one. */
async function build(path: string, name: string): Promise<LayeredImage> {
  const image = layeredImage(name, { layers: 2, layerBytes: 16 * 1024 });
  const dir = join(workspace, path);
  await rm(dir, { recursive: true, force: true });
  await writeImageLayout(dir, [{ image }]);
  return image;
}

async function publish(ref: string, images: string): Promise<ActionRun> {
  return runAction(
    {
      'image-driver': 'registry',
      ref,
      registry: registry.address,
      images,
      'registry-username': user.username,
      'registry-password': user.password,
    },
    { DOCKER_CONFIG: join(workspace, 'docker-config') },
    workspace,
  );
}

/** The digest each of `tags` holds in `repository`, as skopeo reads it; absent tags are left out. */
async function digests(repository: string, tags: readonly string[]): Promise<Record<string, string>> {
  const present = new Set(await skopeoTags(`${registry.address}/${repository}`, user));
  const held: Record<string, string> = {};
  for (const tag of tags) {
    if (present.has(tag)) held[tag] = await skopeoDigest(`${registry.address}/${repository}:${tag}`, user);
  }
  return held;
}

/** Every tag of both repositories the tests write, with its digest. */
async function everyTag(): Promise<Record<string, Record<string, string>>> {
  const held: Record<string, Record<string, string>> = {};
  for (const repository of ['falcosecurity/falco', 'falcosecurity/falco-builder']) {
    held[repository] = await digests(repository, await skopeoTags(`${registry.address}/${repository}`, user));
  }
  return held;
}

function changedTags(run: ActionRun): string[] {
  const prefix = `${registry.address}/`;
  return (run.outputs['changed-tags'] ?? '')
    .split('\n')
    .filter((line) => line !== '')
    .map((ref) => ref.slice(prefix.length));
}

const FALCO = `
oci-layout:build/falco         falcosecurity/falco  floating=major,minor
oci-layout:build/falco-debian  falcosecurity/falco  floating=minor suffix=-debian
`;
const SERIES = ['0', '0.39', '0.40', 'latest', '0-debian', '0.39-debian', '0.40-debian', 'latest-debian'];

describe('floating=major,minor through 0.40.0, then the backport 0.39.2, then 0.40.1', () => {
  const built: Record<string, { falco: LayeredImage; debian: LayeredImage }> = {};

  async function release(version: string): Promise<{ run: ActionRun; held: Record<string, string> }> {
    built[version] = {
      falco: await build('build/falco', `falco ${version}`),
      debian: await build('build/falco-debian', `falco-debian ${version}`),
    };
    const run = await publish(`refs/tags/${version}`, FALCO);
    expect(run.exitCode, run.stdout).toBe(0);
    return { run, held: await digests('falcosecurity/falco', SERIES) };
  }
  const falcoOf = (version: string): string => built[version]?.falco.manifest.digest ?? 'not built';
  const debianOf = (version: string): string => built[version]?.debian.manifest.digest ?? 'not built';

  it('0.40.0, the first release: every series tag and latest take it', async () => {
    const { run, held } = await release('0.40.0');
    expect(held).toEqual({
      '0': falcoOf('0.40.0'),
      '0.40': falcoOf('0.40.0'),
      latest: falcoOf('0.40.0'),
      '0.40-debian': debianOf('0.40.0'),
      'latest-debian': debianOf('0.40.0'),
    });
    // Series tags move last, narrowest first, after every version tag.
    expect(changedTags(run)).toEqual([
      'falcosecurity/falco:0.40.0',
      'falcosecurity/falco:0.40.0-debian',
      'falcosecurity/falco:0.40',
      'falcosecurity/falco:0',
      'falcosecurity/falco:latest',
      'falcosecurity/falco:0.40-debian',
      'falcosecurity/falco:latest-debian',
    ]);
    expect(run.stdout).toContain('0.40.0 is the highest 0 release: 0 moves');
  });

  it('the backport 0.39.2 moves 0.39 (and 0.39-debian) only: 0, 0.40 and latest stay on 0.40.0', async () => {
    const { run, held } = await release('0.39.2');
    expect(held).toEqual({
      '0': falcoOf('0.40.0'),
      '0.39': falcoOf('0.39.2'),
      '0.40': falcoOf('0.40.0'),
      latest: falcoOf('0.40.0'),
      '0.39-debian': debianOf('0.39.2'),
      '0.40-debian': debianOf('0.40.0'),
      'latest-debian': debianOf('0.40.0'),
    });
    expect(changedTags(run)).toEqual([
      'falcosecurity/falco:0.39.2',
      'falcosecurity/falco:0.39.2-debian',
      'falcosecurity/falco:0.39',
      'falcosecurity/falco:0.39-debian',
    ]);
    expect(run.outputs['latest']).toBe('false');
    expect(run.stdout).toContain('0.39.2 is older than the published 0.40.0: 0 stays');
  });

  it('0.40.1 moves 0, 0.40 and latest; 0.39 stays on the backport', async () => {
    const { run, held } = await release('0.40.1');
    expect(held).toEqual({
      '0': falcoOf('0.40.1'),
      '0.39': falcoOf('0.39.2'),
      '0.40': falcoOf('0.40.1'),
      latest: falcoOf('0.40.1'),
      '0.39-debian': debianOf('0.39.2'),
      '0.40-debian': debianOf('0.40.1'),
      'latest-debian': debianOf('0.40.1'),
    });
    expect(run.outputs['latest']).toBe('true');
    // The versions stay where they were published.
    expect(await digests('falcosecurity/falco', ['0.40.0', '0.39.2', '0.40.1'])).toEqual({
      '0.40.0': falcoOf('0.40.0'),
      '0.39.2': falcoOf('0.39.2'),
      '0.40.1': falcoOf('0.40.1'),
    });
  });

  it('a re-run of 0.40.1 changes no tag', async () => {
    const run = await publish('refs/tags/0.40.1', FALCO);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(changedTags(run)).toEqual([]);
    expect(run.outputs['tags']?.split('\n')).toContain(`${registry.address}/falcosecurity/falco:0`);
  });

  it('a prerelease moves no series tag and no latest', async () => {
    await build('build/falco', 'falco 0.41.0-rc1');
    await build('build/falco-debian', 'falco-debian 0.41.0-rc1');
    const run = await publish('refs/tags/0.41.0-rc1', FALCO);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(changedTags(run)).toEqual([
      'falcosecurity/falco:0.41.0-rc1',
      'falcosecurity/falco:0.41.0-rc1-debian',
    ]);
    expect(await digests('falcosecurity/falco', ['0', '0.40', 'latest'])).toEqual({
      '0': falcoOf('0.40.1'),
      '0.40': falcoOf('0.40.1'),
      latest: falcoOf('0.40.1'),
    });
  });
});

describe('tags=: fixed tags pushed on any run', () => {
  const LINES = `
oci-layout:build/falco    falcosecurity/falco
oci-layout:build/builder  falcosecurity/falco-builder  tags=latest,stable
`;

  it('a dev (master) run pushes the fixed tags and the branch tag, and no other', async () => {
    const falco = await build('build/falco', 'falco master 1');
    const builder = await build('build/builder', 'falco-builder 1');
    const run = await publish('refs/heads/master', LINES);
    expect(run.exitCode, run.stdout).toBe(0);
    expect((await skopeoTags(`${registry.address}/falcosecurity/falco-builder`, user)).sort()).toEqual([
      'latest',
      'stable',
    ]);
    expect(await digests('falcosecurity/falco-builder', ['latest', 'stable'])).toEqual({
      latest: builder.manifest.digest,
      stable: builder.manifest.digest,
    });
    expect(await digests('falcosecurity/falco', ['master'])).toEqual({ master: falco.manifest.digest });
    expect(changedTags(run)).toEqual([
      'falcosecurity/falco-builder:latest',
      'falcosecurity/falco-builder:stable',
      'falcosecurity/falco:master',
    ]);
  });

  it('a release run moves them to the new build too, and gives the builder no version tag', async () => {
    await build('build/falco', 'falco 0.41.0');
    const builder = await build('build/builder', 'falco-builder 2');
    const run = await publish('refs/tags/0.41.0', LINES);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(await digests('falcosecurity/falco-builder', ['latest', 'stable'])).toEqual({
      latest: builder.manifest.digest,
      stable: builder.manifest.digest,
    });
    expect((await skopeoTags(`${registry.address}/falcosecurity/falco-builder`, user)).sort()).toEqual([
      'latest',
      'stable',
    ]);
    expect(changedTags(run)).toContain('falcosecurity/falco:latest');
  });

  it.each([
    [
      'floating=patch',
      'oci-layout:build/falco falcosecurity/falco floating=patch',
      "floating= names 'patch'",
    ],
    [
      'tags= with a suffix',
      'oci-layout:build/builder falcosecurity/falco-builder tags=latest suffix=-x',
      'gives tags= with suffix=',
    ],
    [
      'a bad fixed tag',
      'oci-layout:build/builder falcosecurity/falco-builder tags=latest,.hidden',
      "'.hidden', which is not an image tag",
    ],
    [
      'a fixed latest beside a versioned line',
      'oci-layout:build/falco falcosecurity/falco\noci-layout:build/builder falcosecurity/falco tags=latest',
      "tags= names 'latest', a latest tag of falcosecurity/falco",
    ],
  ])(
    'refuses %s with one error naming the images line, before any write',
    async (_label, images, problem) => {
      const before = await everyTag();
      const run = await publish('refs/heads/master', images);
      expect(run.exitCode).not.toBe(0);
      const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
      expect(errors).toHaveLength(1);
      expect(errorLine(run)).toMatch(/^images \(line \d\): /);
      expect(errorLine(run)).toContain(problem);
      expect(await everyTag()).toEqual(before);
    },
  );
});
