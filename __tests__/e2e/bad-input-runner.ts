import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { madeFalcoDeb, madeFalcoRpm } from '../indexes/made-packages.js';
import { errorLine } from './run-action.js';
import { buildScratchImage } from './services/docker-images.js';
import type { Credentials } from './services/registry.js';
import { skopeoTags } from './services/skopeo.js';
import { auth, publish, startWorld, type World } from './world.js';

/** Where a case's files go: its package folder, the workspace, and its package host folder. */
export interface CasePlaces {
  readonly build: string;
  readonly workspace: string;
  readonly host: string;
}

export type HostFiles = Readonly<Record<string, string | Uint8Array>>;

export interface BadCase {
  readonly name: string;
  /**
   * Inputs over a valid stable release of one image and one package; `REPO` is the case's repository,
   * `BUILD` its package folder in the workspace.
   */
  readonly inputs: Record<string, string>;
  /** Package files to create (default: one valid 1.0.0 package), real packages of what their names say. */
  readonly files?: readonly string[];
  /** Makes further files (a damaged package, a symlink) once `files` are made. */
  readonly make?: (places: CasePlaces) => Promise<void>;
  /** Files already on the host, by path: they must still be there, unchanged, and nothing else. */
  readonly existing?: () => HostFiles | Promise<HostFiles>;
  /** A registry other than the world's, published to with its credentials; no tag may appear there either. */
  readonly registry?: () => { readonly address: string; readonly auth: Credentials };
  /** Runs right before the action (to have a service misbehave). */
  readonly before?: () => void;
  readonly message: string;
}

/**
 * Runs each case through the bundled action against real services and checks the same things every time:
 * the exact error on one `::error::` line, no stack trace, no outputs, no tag in the registry, and the
 * package host as it was. `label` keeps the repositories of two catalogues apart.
 */
export function describeBadInputs(label: string, cases: readonly BadCase[]): { world: () => World } {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
    await buildScratchImage(world.dockerd, 'bad:build', 'an image that must never reach the registry\n');
  });
  afterAll(async () => {
    await world?.stop();
  });

  describe(`bad input (${label}): one clear error, and nothing published`, () => {
    it.each(cases.map((c, index) => ({ ...c, index })))('$name', async (bad) => {
      await runBadCase(world, bad, `${label}-${bad.index}`);
    });

    it('left no repository of any bad run in the registry', async () => {
      const response = await fetch(`http://${world.registry.address}/v2/_catalog`, {
        headers: { authorization: basic(auth) },
      });
      expect(response.status).toBe(200);
      const catalog = (await response.json()) as { repositories: string[] };
      expect(catalog.repositories.filter((name) => name.includes('bad'))).toEqual([]);
    });
  });
  return { world: () => world };
}

async function runBadCase(world: World, bad: BadCase, id: string): Promise<void> {
  const repository = `falcosecurity/bad-${id}`;
  const build = join(world.workspace, `bad-${id}`);
  const host = join(world.workspace, `host-${id}`);
  await mkdir(build, { recursive: true });
  for (const file of bad.files ?? ['falco-1.0.0-x86_64.deb']) await packageFile(build, file);
  await bad.make?.({ build, workspace: world.workspace, host });
  const existing = (await bad.existing?.()) ?? {};
  for (const [path, content] of Object.entries(existing)) {
    await mkdir(join(host, path, '..'), { recursive: true });
    await writeFile(join(host, path), content);
  }
  const other = bad.registry?.();
  const inputs = Object.fromEntries(
    Object.entries({
      ref: 'refs/tags/1.0.0',
      images: `bad:build ${repository}`,
      packages: `bad-${id}/*`,
      'package-host': `./host-${id}`,
      ...(other ? { registry: other.address, 'registry-username': other.auth.username } : {}),
      ...(other ? { 'registry-password': other.auth.password } : {}),
      ...bad.inputs,
    }).map(([name, value]) => [name, value.replaceAll('REPO', repository).replaceAll('BUILD', `bad-${id}`)]),
  );

  bad.before?.();
  const run = await publish(world, inputs);

  expect(run.exitCode).toBe(1);
  const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
  expect(errors).toHaveLength(1);
  expect(errorLine(run)).toContain(bad.message);
  // A user error is a message, not a stack trace.
  expect(errorLine(run)).not.toMatch(/\n\s+at /);
  expect(run.outputs).toEqual({});
  expect(await skopeoTags(`${world.registry.address}/${repository}`, auth)).toEqual([]);
  if (other) expect(await skopeoTags(`${other.address}/${repository}`, other.auth)).toEqual([]);
  expect(await listFiles(host)).toEqual(Object.keys(existing).sort());
  for (const [path, content] of Object.entries(existing)) {
    expect(Buffer.compare(await readFile(join(host, path)), Buffer.from(content))).toBe(0);
  }
}

/** A real .deb or .rpm of the version and architecture its name says; any other name, a file of text. */
async function packageFile(dir: string, file: string): Promise<void> {
  const parsed = /^falco-(.+)-(x86_64|aarch64)\.(deb|rpm)$/.exec(file);
  if (parsed === null) return writeFile(join(dir, file), `package ${file}\n`);
  const [, version = '', arch, kind] = parsed;
  const make = kind === 'deb' ? madeFalcoDeb : madeFalcoRpm;
  await rename(make(`${dir}.made`, version, arch === 'aarch64' ? 'aarch64' : 'x86_64'), join(dir, file));
}

function basic(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
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
