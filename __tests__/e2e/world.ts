import { falcoPackage } from '../indexes/falco-packages.js';
import { mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDockerd, type Dockerd } from './services/dockerd.js';
import { buildScratchImage, docker } from './services/docker-images.js';
import { startRegistry, type Registry } from './services/registry.js';
import { runAction, type ActionRun } from './run-action.js';

/** The credentials of the test registry (htpasswd); the password must never show in any output. */
export const auth = { username: 'falco-publisher', password: 'pw-Xq93-never-in-logs' };

/** The seed's image set: falco, falco -slim (from the no-driver image), falco-no-driver, falco-driver-loader. */
export const SEED_IMAGES = [
  'falco:build falcosecurity/falco',
  'falco-no-driver:build falcosecurity/falco suffix=-slim',
  'falco-no-driver:build falcosecurity/falco-no-driver',
  'falco-driver-loader:build falcosecurity/falco-driver-loader',
].join('\n');

/** A registry with htpasswd auth and a private dockerd, both on loopback, and a scratch workspace. */
export interface World {
  readonly registry: Registry;
  readonly dockerd: Dockerd;
  readonly workspace: string;
  readonly host: string;
  stop(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const registry = await startRegistry({ htpasswd: auth });
  let dockerd: Dockerd;
  try {
    dockerd = await startDockerd();
  } catch (error) {
    await registry.stop();
    throw error;
  }
  const workspace = await mkdtemp(join(tmpdir(), 'workspace-'));
  const host = join(workspace, 'download');
  return {
    registry,
    dockerd,
    workspace,
    host,
    async stop() {
      await dockerd.stop();
      await registry.stop();
    },
  };
}

/** Builds the three local images of a release (`flavour` makes each build distinct); returns tag → image ID. */
export async function buildReleaseImages(world: World, flavour: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const image of ['falco', 'falco-no-driver', 'falco-driver-loader']) {
    const tag = `${image}:build`;
    ids.set(tag, await buildScratchImage(world.dockerd, tag, `${image} ${flavour}\n`));
  }
  return ids;
}

/** `docker save` of each local build tag into the workspace, as `images` lines for the registry driver. */
export async function savedImages(world: World): Promise<string> {
  const dir = join(world.workspace, 'saved');
  await mkdir(dir, { recursive: true });
  for (const image of ['falco', 'falco-no-driver', 'falco-driver-loader']) {
    await docker(world.dockerd, ['save', '--output', join(dir, `${image}.tar`), `${image}:build`]);
  }
  return SEED_IMAGES.replace(/^(\S+):build/gm, 'docker-archive:saved/$1.tar');
}

/** Points the local build tags at earlier builds again, as a re-run of an old release job would. */
export async function restoreImages(world: World, ids: Map<string, string>): Promise<void> {
  for (const [tag, id] of ids) await docker(world.dockerd, ['tag', id, tag]);
}

/** Writes sample package files named as Falco names them, under `<workspace>/<dir>`. */
export async function makePackages(world: World, dir: string, names: readonly string[]): Promise<string> {
  const path = join(world.workspace, dir);
  await mkdir(path, { recursive: true });
  // Real .deb and .rpm files: the action reads their metadata for the repository indexes.
  for (const name of names) falcoPackage(path, name, ` built in ${dir}`);
  return `${dir}/*`;
}

/** Runs the bundled action against the world's registry, daemon and workspace. */
export async function publish(world: World, inputs: Record<string, string>): Promise<ActionRun> {
  const run = await runAction(
    {
      registry: world.registry.address,
      'registry-username': auth.username,
      'registry-password': auth.password,
      ...inputs,
    },
    { ...world.dockerd.env },
    world.workspace,
  );
  // `::add-mask::<secret>` is the command that tells the runner to hide the secret; the runner consumes it.
  const printed = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  const everything = printed + run.stderr + JSON.stringify(run.outputs) + run.summary;
  if (everything.includes(auth.password)) throw new Error('the registry password appeared in the output');
  return run;
}
