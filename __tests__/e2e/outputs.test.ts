import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorLine } from './run-action.js';
import { skopeoTags } from './services/skopeo.js';
import {
  SEED_IMAGES,
  auth,
  buildReleaseImages,
  makePackages,
  publish,
  savedImages,
  startWorld,
  type World,
} from './world.js';

// The outputs a workflow acts on, through the bundled action against a real registry: `changed-tags`
// lists only what a run changed, `package-host` names where the packages went, `latest` is the decision.

const DRIVERS = [
  { driver: 'docker', images: async (): Promise<string> => SEED_IMAGES },
  { driver: 'registry', images: (): Promise<string> => savedImages(world) },
] as const;

let world: World;

const repo = (name: string): string => `${world.registry.address}/falcosecurity/${name}`;
const lines = (value: string | undefined): string[] => (value ? value.split('\n') : []);

describe.each(DRIVERS)('outputs with the $driver driver', ({ driver, images: imagesOf }) => {
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });
  const release = async (inputs: Record<string, string>) =>
    publish(world, { 'image-driver': driver, images: await imagesOf(), ...inputs });

  let packages = '';

  it('a first publish lists every tag as changed and names the package host', async () => {
    await buildReleaseImages(world, '0.26.0');
    packages = await makePackages(world, 'build-0.26.0', ['falco-0.26.0-x86_64.tar.gz']);
    const run = await release({ ref: 'refs/tags/0.26.0', packages, 'package-host': './download' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.latest).toBe('true');
    expect(lines(run.outputs['changed-tags'])).toEqual(lines(run.outputs.tags));
    expect(lines(run.outputs['changed-tags'])).toHaveLength(8);
    expect(run.outputs['package-host']).toBe(`directory ${world.host}`);
    expect(run.summary).toContain(`package host: \`directory ${world.host}\``);
  });

  it('a re-run finds every tag at its digest: nothing changed, latest still true', async () => {
    const run = await release({ ref: 'refs/tags/0.26.0', packages, 'package-host': './download' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['changed-tags']).toBe('');
    expect(run.outputs.latest).toBe('true');
    expect(lines(run.outputs.tags)).toHaveLength(8);
  });

  it('a dry run changes nothing, says so, and names the host first in its plan', async () => {
    await buildReleaseImages(world, '0.26.1');
    const run = await release({
      ref: 'refs/tags/0.26.1',
      packages: await makePackages(world, 'build-0.26.1', ['falco-0.26.1-x86_64.tar.gz']),
      'package-host': './download',
      'dry-run': 'true',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['changed-tags']).toBe('');
    expect(run.outputs.latest).toBe('true');
    expect(run.outputs['package-host']).toBe(`directory ${world.host}`);
    const plan = run.stdout.split('\n');
    const group = plan.findIndex((line) => line.startsWith('::group::Plan'));
    expect(plan[group + 1]).toBe(`host     directory ${world.host}`);
    expect(await skopeoTags(repo('falco'), auth)).not.toContain('0.26.1');
  });

  it('a new release lists its version tags and the latest tags it moved', async () => {
    const run = await release({ ref: 'refs/tags/0.26.1' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['package-host']).toBe('');
    expect(lines(run.outputs['changed-tags']).sort()).toEqual(
      [
        `${repo('falco')}:0.26.1`,
        `${repo('falco')}:0.26.1-slim`,
        `${repo('falco-no-driver')}:0.26.1`,
        `${repo('falco-driver-loader')}:0.26.1`,
        `${repo('falco')}:latest`,
        `${repo('falco')}:latest-slim`,
        `${repo('falco-no-driver')}:latest`,
        `${repo('falco-driver-loader')}:latest`,
      ].sort(),
    );
  });

  it('an ambiguous package-host is refused with both readings, and nothing is written', async () => {
    await buildReleaseImages(world, '0.26.2');
    const run = await release({
      ref: 'refs/tags/0.26.2',
      packages: await makePackages(world, 'build-0.26.2', ['falco-0.26.2-x86_64.tar.gz']),
      'package-host': 'falco-distribution/packages',
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toBe(
      "package-host: 'falco-distribution/packages' could be a folder or a bucket — write ./falco-distribution/packages for a folder in the workspace, or s3://falco-distribution/packages for an S3 bucket",
    );
    expect(run.outputs).toEqual({});
    expect(await skopeoTags(repo('falco'), auth)).not.toContain('0.26.2');
    expect(await readdir(world.workspace)).not.toContain('falco-distribution');
    expect(await readdir(join(world.host))).not.toContain('falco-distribution');
  });
});
