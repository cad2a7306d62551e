import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { madeFalcoDeb, madeFalcoRpm } from '../indexes/made-packages.js';
import { errorLine } from './run-action.js';
import { buildScratchImage } from './services/docker-images.js';
import { skopeoTags } from './services/skopeo.js';
import { auth, publish, startWorld, type World } from './world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
  await buildScratchImage(world.dockerd, 'bad:build', 'an image that must never reach the registry\n');
});
afterAll(async () => {
  await world?.stop();
});

interface BadCase {
  readonly name: string;
  /** Inputs over a valid stable release of one image and one package. */
  readonly inputs: Record<string, string>;
  /** Package files to create (default: one valid 1.0.0 package). */
  readonly files?: readonly string[];
  /** A file already on the host, with other content. */
  readonly existing?: string;
  readonly message: string;
}

const cases: BadCase[] = [
  {
    name: 'a branch that is not the dev branch',
    inputs: { ref: 'refs/heads/feature' },
    message: "ref: 'refs/heads/feature' is not a release",
  },
  {
    name: 'build metadata in the tag',
    inputs: { ref: 'refs/tags/1.0.0+build.5' },
    message: 'build metadata',
  },
  {
    name: 'latest forced on a release candidate',
    inputs: { ref: 'refs/tags/1.0.0-rc1', latest: 'true' },
    files: ['falco-1.0.0-rc1-x86_64.deb'],
    message: "latest: 'true' is not allowed for a prerelease build",
  },
  {
    name: 'latest that is not a choice',
    inputs: { latest: 'maybe' },
    message: "latest: 'maybe' is not accepted",
  },
  {
    name: 'an uppercase repository',
    inputs: { images: 'bad:build Falcosecurity/Bad' },
    message: "images (line 1): 'Falcosecurity/Bad' is not a repository name",
  },
  {
    name: 'one repository and suffix listed twice',
    inputs: { images: 'bad:build REPO\nbad:build REPO' },
    message: 'is listed twice',
  },
  {
    name: 'a source image the daemon does not have',
    inputs: { images: 'never-built:build REPO' },
    message: 'images: source image not found: never-built:build',
  },
  {
    name: 'an unknown image driver',
    inputs: { 'image-driver': 'podman' },
    message: "image-driver: 'podman' is not accepted",
  },
  {
    name: 'a package pattern that matches nothing',
    inputs: { packages: 'no-such-dir/*.deb' },
    message: 'packages: no-such-dir/*.deb matches no file (patterns are matched from ',
  },
  {
    name: 'a package name that does not parse',
    inputs: {},
    files: ['falco-1.0.0-x86_64.deb', 'falco-1.0.0-amd64.deb'],
    message: 'packages: falco-1.0.0-amd64.deb: the file name does not parse',
  },
  {
    name: 'a package of another version',
    inputs: {},
    files: ['falco-1.0.0-x86_64.deb', 'falco-0.9.0-x86_64.rpm'],
    message: 'carries version 0.9.0, but the release is 1.0.0',
  },
  {
    name: 'dev packages of two versions',
    inputs: { ref: 'refs/heads/master' },
    files: ['falco-1.1.0-3+abc1234-x86_64.deb', 'falco-1.1.0-4+def5678-x86_64.deb'],
    message: 'a dev build must carry one version',
  },
  {
    name: 'a package host with an unknown scheme',
    inputs: { 'package-host': 'bintray://falcosecurity/deb' },
    message: "package-host: the scheme 'bintray://' has no adapter",
  },
  {
    name: 'a published package with different content',
    inputs: {},
    existing: 'deb/stable/falco-1.0.0-x86_64.deb',
    message: 'is already published with different content',
  },
  {
    name: 'a username without a password',
    inputs: { 'registry-password': '' },
    message: 'registry-password: is empty but registry-username is set',
  },
  {
    name: 'a wrong registry password',
    inputs: { 'registry-password': 'wrong-pw-7d1e' },
    message: 'the registry refused logging in (HTTP 401',
  },
  {
    name: 'a registry that does not answer',
    inputs: { registry: '127.0.0.1:9' },
    message: 'cannot reach http://127.0.0.1:9',
  },
];

describe('bad input: one clear error, and nothing published', () => {
  it.each(cases.map((c, index) => ({ ...c, index })))('$name', async (bad) => {
    const repository = `falcosecurity/bad-${bad.index}`;
    const build = `bad-${bad.index}`;
    const hostDir = join(world.workspace, `host-${bad.index}`);
    await mkdir(join(world.workspace, build), { recursive: true });
    for (const file of bad.files ?? ['falco-1.0.0-x86_64.deb']) {
      await packageFile(join(world.workspace, build), file);
    }
    if (bad.existing) {
      await mkdir(join(hostDir, bad.existing, '..'), { recursive: true });
      await writeFile(join(hostDir, bad.existing), 'another build\n');
    }
    const inputs = Object.fromEntries(
      Object.entries({
        ref: 'refs/tags/1.0.0',
        images: `bad:build ${repository}`,
        packages: `${build}/*`,
        'package-host': `./host-${bad.index}`,
        ...bad.inputs,
      }).map(([name, value]) => [name, value.replaceAll('REPO', repository)]),
    );

    const run = await publish(world, inputs);

    expect(run.exitCode).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errorLine(run)).toContain(bad.message);
    // A user error is a message, not a stack trace.
    expect(errorLine(run)).not.toMatch(/\n\s+at /);
    expect(run.outputs).toEqual({});
    expect(await skopeoTags(`${world.registry.address}/${repository}`, auth)).toEqual([]);
    if (bad.existing) {
      expect(await readFile(join(hostDir, bad.existing), 'utf8')).toBe('another build\n');
      expect(await listFiles(hostDir)).toEqual([bad.existing]);
    } else {
      expect(await listFiles(hostDir)).toEqual([]);
    }
  });

  it('left no repository of any bad run in the registry', async () => {
    const response = await fetch(`http://${world.registry.address}/v2/_catalog`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
      },
    });
    expect(response.status).toBe(200);
    const catalog = (await response.json()) as { repositories: string[] };
    expect(catalog.repositories.filter((name) => name.includes('bad'))).toEqual([]);
  });
});

/** A real .deb or .rpm of the version and architecture its name says; any other name, a file of text. */
async function packageFile(dir: string, file: string): Promise<void> {
  const parsed = /^falco-(.+)-(x86_64|aarch64)\.(deb|rpm)$/.exec(file);
  if (parsed === null) return writeFile(join(dir, file), `package ${file}\n`);
  const [, version = '', arch, kind] = parsed;
  const make = kind === 'deb' ? madeFalcoDeb : madeFalcoRpm;
  await rename(make(`${dir}.made`, version, arch === 'aarch64' ? 'aarch64' : 'x86_64'), join(dir, file));
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort();
  } catch {
    return [];
  }
}
