import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skopeoDigest, skopeoTags } from './services/skopeo.js';
import {
  SEED_IMAGES,
  auth,
  buildReleaseImages,
  makePackages,
  publish,
  restoreImages,
  startWorld,
  savedImages,
  type World,
} from './world.js';

interface Image {
  ref: string;
  digest: string;
}

/**
 * How each driver gets the release's images: the docker driver from the daemon (`falco:build`), the
 * registry driver from `docker save` archives of the same builds (no daemon involved in the publish).
 */
const DRIVERS = [
  { driver: 'docker', images: async (): Promise<string> => SEED_IMAGES },
  { driver: 'registry', images: (): Promise<string> => savedImages(world) },
] as const;

let world: World;

const repo = (name: string): string => `${world.registry.address}/falcosecurity/${name}`;
const digestOf = (images: Image[], ref: string): string | undefined =>
  images.find((i) => i.ref === ref)?.digest;

/** Every published reference serves, through skopeo, the digest the action reported. */
async function expectServed(images: Image[]): Promise<void> {
  for (const image of images) expect(await skopeoDigest(image.ref, auth), image.ref).toBe(image.digest);
}

async function sha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

describe.each(DRIVERS)(
  'releases with the $driver driver against a real registry',
  ({ driver, images: imagesOf }) => {
    beforeAll(async () => {
      world = await startWorld();
    });
    afterAll(async () => {
      await world?.stop();
    });
    const release = async (inputs: Record<string, string>) =>
      publish(world, { 'image-driver': driver, images: await imagesOf(), ...inputs });

    let first: Image[] = [];
    let firstBuild = new Map<string, string>();

    it('publishes a first stable release with the seed image set, latest and packages', async () => {
      firstBuild = await buildReleaseImages(world, '0.26.0');
      const packages = await makePackages(world, 'build-0.26.0', [
        'falco-0.26.0-x86_64.deb',
        'falco-0.26.0-x86_64.rpm',
        'falco-0.26.0-x86_64.tar.gz',
        'falco-0.26.0-static-x86_64.tar.gz',
        'falco-0.26.0-aarch64.deb',
      ]);
      const run = await release({
        ref: 'refs/tags/0.26.0',
        packages,
        'package-host': './download',
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs).toMatchObject({ version: '0.26.0', channel: 'stable', latest: 'true' });
      expect(run.outputs.tags?.split('\n')).toEqual([
        `${repo('falco')}:0.26.0`,
        `${repo('falco')}:0.26.0-slim`,
        `${repo('falco-no-driver')}:0.26.0`,
        `${repo('falco-driver-loader')}:0.26.0`,
        `${repo('falco')}:latest`,
        `${repo('falco')}:latest-slim`,
        `${repo('falco-no-driver')}:latest`,
        `${repo('falco-driver-loader')}:latest`,
      ]);
      first = JSON.parse(run.outputs.images ?? '[]') as Image[];
      expect(first).toHaveLength(8);
      await expectServed(first);
      // -slim is the no-driver image, not the full one (the 2020 mistake), and latest is the version.
      expect(digestOf(first, `${repo('falco')}:0.26.0-slim`)).toBe(
        digestOf(first, `${repo('falco-no-driver')}:0.26.0`),
      );
      expect(digestOf(first, `${repo('falco')}:0.26.0-slim`)).not.toBe(
        digestOf(first, `${repo('falco')}:0.26.0`),
      );
      expect(digestOf(first, `${repo('falco')}:latest`)).toBe(digestOf(first, `${repo('falco')}:0.26.0`));
      expect((await skopeoTags(repo('falco'), auth)).sort()).toEqual([
        '0.26.0',
        '0.26.0-slim',
        'latest',
        'latest-slim',
      ]);

      for (const [path, file] of [
        ['deb/stable/falco-0.26.0-x86_64.deb', 'falco-0.26.0-x86_64.deb'],
        ['deb/stable/falco-0.26.0-aarch64.deb', 'falco-0.26.0-aarch64.deb'],
        ['rpm/falco-0.26.0-x86_64.rpm', 'falco-0.26.0-x86_64.rpm'],
        ['bin/x86_64/falco-0.26.0-x86_64.tar.gz', 'falco-0.26.0-x86_64.tar.gz'],
        ['bin/x86_64/falco-0.26.0-static-x86_64.tar.gz', 'falco-0.26.0-static-x86_64.tar.gz'],
      ] as const) {
        expect(await sha256(join(world.host, path)), path).toBe(
          await sha256(join(world.workspace, 'build-0.26.0', file)),
        );
      }
      const published = JSON.parse(run.outputs.packages ?? '[]') as {
        path: string;
        sha256: string;
        size: number;
      }[];
      expect(published.map((p) => p.path).sort()).toEqual([
        'bin/x86_64/falco-0.26.0-static-x86_64.tar.gz',
        'bin/x86_64/falco-0.26.0-x86_64.tar.gz',
        'deb/stable/falco-0.26.0-aarch64.deb',
        'deb/stable/falco-0.26.0-x86_64.deb',
        'rpm/falco-0.26.0-x86_64.rpm',
      ]);
      expect(run.summary).toContain(`${repo('falco')}:latest-slim`);
      expect(run.summary).toContain(digestOf(first, `${repo('falco')}:latest`));
    });

    it('publishes a backport release without moving latest', async () => {
      await buildReleaseImages(world, '0.25.1');
      const packages = await makePackages(world, 'build-0.25.1', ['falco-0.25.1-x86_64.deb']);
      const run = await release({
        ref: 'refs/tags/0.25.1',
        packages,
        'package-host': './download',
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs).toMatchObject({ version: '0.25.1', channel: 'stable', latest: 'false' });
      expect(run.stdout).toContain('older than the published 0.26.0');
      const images = JSON.parse(run.outputs.images ?? '[]') as Image[];
      expect(images.map((i) => i.ref.split(':').at(-1))).toEqual([
        '0.25.1',
        '0.25.1-slim',
        '0.25.1',
        '0.25.1',
      ]);
      await expectServed(images);
      // latest still serves 0.26.0, on every repository and variant.
      await expectServed(first.filter((i) => /:latest(-slim)?$/.test(i.ref)));
      expect(digestOf(images, `${repo('falco')}:0.25.1`)).not.toBe(
        digestOf(first, `${repo('falco')}:0.26.0`),
      );
      await stat(join(world.host, 'deb/stable/falco-0.25.1-x86_64.deb'));
    });

    it('publishes a release candidate to its own tags and the -dev package trees', async () => {
      await buildReleaseImages(world, '0.27.0-rc1');
      const packages = await makePackages(world, 'build-0.27.0-rc1', [
        'falco-0.27.0-rc1-x86_64.deb',
        'falco-0.27.0-rc1-x86_64.rpm',
        'falco-0.27.0-rc1-aarch64.tar.gz',
      ]);
      const run = await release({
        ref: 'refs/tags/0.27.0-rc1',
        packages,
        'package-host': './download',
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs).toMatchObject({ version: '0.27.0-rc1', channel: 'prerelease', latest: 'false' });
      const images = JSON.parse(run.outputs.images ?? '[]') as Image[];
      expect(images.map((i) => i.ref.slice(repo('').length))).toEqual([
        'falco:0.27.0-rc1',
        'falco:0.27.0-rc1-slim',
        'falco-no-driver:0.27.0-rc1',
        'falco-driver-loader:0.27.0-rc1',
      ]);
      await expectServed(images);
      await expectServed(first.filter((i) => /:latest(-slim)?$/.test(i.ref)));
      await stat(join(world.host, 'deb-dev/stable/falco-0.27.0-rc1-x86_64.deb'));
      await stat(join(world.host, 'rpm-dev/falco-0.27.0-rc1-x86_64.rpm'));
      await stat(join(world.host, 'bin-dev/aarch64/falco-0.27.0-rc1-aarch64.tar.gz'));
    });

    it('publishes a master push as the master tags and dev packages of one version', async () => {
      await buildReleaseImages(world, 'master abc1234');
      const packages = await makePackages(world, 'build-master', [
        'falco-0.27.0-12+abc1234-x86_64.deb',
        'falco-0.27.0-12+abc1234-x86_64.rpm',
        'falco-0.27.0-12+abc1234-x86_64.tar.gz',
      ]);
      const run = await release({
        ref: 'refs/heads/master',
        packages,
        'package-host': './download',
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs).toMatchObject({
        version: 'master',
        channel: 'dev',
        latest: 'false',
        'package-version': '0.27.0-12+abc1234',
      });
      const images = JSON.parse(run.outputs.images ?? '[]') as Image[];
      expect(images.map((i) => i.ref.slice(repo('').length))).toEqual([
        'falco:master',
        'falco:master-slim',
        'falco-no-driver:master',
        'falco-driver-loader:master',
      ]);
      await expectServed(images);
      await expectServed(first.filter((i) => /:latest(-slim)?$/.test(i.ref)));
      await stat(join(world.host, 'deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb'));
      await stat(join(world.host, 'bin-dev/x86_64/falco-0.27.0-12+abc1234-x86_64.tar.gz'));
    });

    it('re-runs the 0.26.0 release with no change and succeeds', async () => {
      await restoreImages(world, firstBuild);
      const before = await stat(join(world.host, 'deb/stable/falco-0.26.0-x86_64.deb'));
      const run = await release({
        ref: 'refs/tags/0.26.0',
        packages: 'build-0.26.0/*',
        'package-host': './download',
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.latest).toBe('true');
      // Same images, same digests: the re-run pushed nothing new.
      expect(JSON.parse(run.outputs.images ?? '[]')).toEqual(first);
      await expectServed(first);
      const plan = JSON.parse(run.outputs.plan ?? '[]') as { step: string; action?: string }[];
      const packageSteps = plan.filter((s) => s.step === 'publish-package');
      expect(packageSteps).toHaveLength(5);
      expect(packageSteps.every((s) => s.action === 'skip')).toBe(true);
      const after = await stat(join(world.host, 'deb/stable/falco-0.26.0-x86_64.deb'));
      expect(after.ino).toBe(before.ino);
      expect(after.mtimeMs).toBe(before.mtimeMs);
    });
  },
);
