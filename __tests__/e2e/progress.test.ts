// Progress of long transfers through the bundled action: a 200 MiB layer pushed to a real docker-registry
// and written into an OCI layout, a 100 MiB package published to a directory host, to radosgw's S3
// (create-only PUT) and to Swift's s3api (multipart); a line every 10 % with the rate and time left, a
// last line with the average, and none for a 1 MiB blob or package beside them.
// Needs the Debian packages docker-registry, apache2-utils, radosgw (ceph) and swift.
import { newBucket } from './services/s3-bucket.js';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Descriptor } from '../../src/oci/descriptor.js';
import { MediaTypes } from '../../src/oci/media-types.js';
import { addBlob, writeLayout } from '../oci/layout-fixture.js';
import { runAction, type ActionRun } from './run-action.js';
import { startRadosgw, type Radosgw } from './services/radosgw.js';
import { startRegistry, type Credentials, type Registry } from './services/registry.js';
import { startSwift, type Swift } from './services/swift.js';

const MIB = 1024 * 1024;
const user: Credentials = { username: 'progress-user', password: 'progress-Pw-83-never-shown' };
const BIG_PACKAGE = 'falco-0.40.0-x86_64.tar.gz';
const SMALL_PACKAGE = 'falco-0.40.0-static-x86_64.tar.gz';

let workspace: string;
let bigLayer: Descriptor;
let smallLayer: Descriptor;

/** Writes `mib` MiB of random bytes to `path`, 1 MiB at a time; returns its sha256 digest. */
async function randomFile(path: string, mib: number): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'w');
  try {
    for (let i = 0; i < mib; i++) {
      const chunk = randomBytes(MIB);
      hash.update(chunk);
      await handle.write(chunk);
    }
  } finally {
    await handle.close();
  }
  return `sha256:${hash.digest('hex')}`;
}

/** An OCI layout `big-image:build` in the workspace: an image of a 200 MiB layer and a 1 MiB one. */
async function writeBigImage(): Promise<void> {
  const dir = join(workspace, 'big-image');
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  const layer = async (mib: number): Promise<Descriptor> => {
    const temp = join(dir, 'layer.tmp');
    const digest = await randomFile(temp, mib);
    await rename(temp, join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)));
    return { mediaType: MediaTypes.ociLayerGzip, digest, size: mib * MIB };
  };
  bigLayer = await layer(200);
  smallLayer = await layer(1);
  const config = await addBlob(
    dir,
    JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }),
    MediaTypes.ociConfig,
  );
  const manifest = await addBlob(
    dir,
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaTypes.ociManifest,
      config,
      layers: [bigLayer, smallLayer],
    }),
    MediaTypes.ociManifest,
  );
  await writeLayout(dir, [{ ref: 'build', descriptor: manifest }]);
}

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'progress-'));
  await writeBigImage();
  await mkdir(join(workspace, 'packages'));
  await randomFile(join(workspace, 'packages', BIG_PACKAGE), 100);
  await randomFile(join(workspace, 'packages', SMALL_PACKAGE), 1);
});
afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const short = (digest: string): string => `${digest.slice(0, 'sha256:'.length + 12)}…`;

/**
 * The progress lines of one transfer in the action's log, checked line by line: the percentages, each
 * line with its rate and time left, and the last one with the average rate.
 */
function progressOf(run: ActionRun, label: string, mib: number): number[] {
  const prefix = `${label} `;
  const lines = run.stdout.split('\n').filter((line) => line.startsWith(prefix));
  const step = new RegExp(
    `^${escaped(prefix)}(\\d+)% of ${mib} MiB, \\d+\\.\\d MiB/s, ETA \\d+ (s|min \\d+ s|h \\d+ min)$`,
  );
  const last = new RegExp(
    `^${escaped(prefix)}100% of ${mib} MiB in \\d+(\\.\\d)? (s|min \\d+ s|h \\d+ min), \\d+\\.\\d MiB/s$`,
  );
  expect(lines.at(-1), run.stdout).toMatch(last);
  return lines
    .slice(0, -1)
    .map((line) => {
      expect(line).toMatch(step);
      return Number(step.exec(line)?.[1]);
    })
    .concat(100);
}

/** 10 % steps (and a line per 10 s on a slow machine), rising, ending at 100 %. */
function expectSteadyProgress(percentages: readonly number[]): void {
  expect(percentages.length, percentages.join(' ')).toBeGreaterThanOrEqual(10);
  expect(percentages.length, percentages.join(' ')).toBeLessThanOrEqual(12);
  for (let i = 1; i < percentages.length; i++) {
    expect(percentages[i], percentages.join(' ')).toBeGreaterThanOrEqual(percentages[i - 1] ?? 0);
  }
  expect(percentages[0]).toBeGreaterThan(0);
  expect(percentages.at(-1)).toBe(100);
}

/** No line of the log tells the progress of `what` (the 1 MiB blob or package). */
function expectNoProgress(run: ActionRun, what: string): void {
  expect(run.stdout.split('\n').filter((line) => line.includes(`${what} `) && /\d+% of /.test(line))).toEqual(
    [],
  );
}

describe('progress of long uploads, through the bundled action', () => {
  describe('image blobs', () => {
    let registry: Registry;
    beforeAll(async () => {
      registry = await startRegistry({ htpasswd: user });
    });
    afterAll(async () => {
      await registry?.stop();
    });

    /** Publishes the big image to the registry with the registry driver. */
    const push = (): Promise<ActionRun> =>
      runAction(
        {
          ref: 'refs/tags/0.40.0',
          registry: registry.address,
          'registry-username': user.username,
          'registry-password': user.password,
          'image-driver': 'registry',
          images: 'oci-layout:big-image:build falcosecurity/falco',
        },
        { DOCKER_CONFIG: join(workspace, 'docker-config') },
        workspace,
      );

    it('logs a 200 MiB layer pushed to a registry every 10 %, and nothing of the 1 MiB one', async () => {
      const run = await push();
      expect(run.exitCode, run.stdout).toBe(0);
      const label = `${registry.address}/falcosecurity/falco: ${short(bigLayer.digest)}`;
      expectSteadyProgress(progressOf(run, label, 200));
      expectNoProgress(run, short(smallLayer.digest));
      // A re-run finds every blob there: nothing moves, nothing is told.
      const again = await push();
      expect(again.exitCode, again.stdout).toBe(0);
      expectNoProgress(again, short(bigLayer.digest));
    });

    it('logs the same 200 MiB layer written into an OCI layout target', async () => {
      const run = await runAction(
        {
          ref: 'refs/tags/0.40.0',
          registry: 'oci-layout:release-layout',
          'image-driver': 'registry',
          images: 'oci-layout:big-image:build falcosecurity/falco',
        },
        { DOCKER_CONFIG: join(workspace, 'docker-config') },
        workspace,
      );
      expect(run.exitCode, run.stdout).toBe(0);
      const label = `oci-layout:${join(workspace, 'release-layout')}: ${short(bigLayer.digest)}`;
      expectSteadyProgress(progressOf(run, label, 200));
      expectNoProgress(run, short(smallLayer.digest));
    });
  });

  describe('packages', () => {
    const key = `bin/x86_64/${BIG_PACKAGE}`;

    it('logs a 100 MiB package copied to a directory host every 10 %, and nothing of the 1 MiB one', async () => {
      const run = await runAction(
        { ref: 'refs/tags/0.40.0', 'package-host': './download', packages: 'packages/*' },
        {},
        workspace,
      );
      expect(run.exitCode, run.stdout).toBe(0);
      expectSteadyProgress(progressOf(run, key, 100));
      expectNoProgress(run, SMALL_PACKAGE);
    });

    describe('on radosgw, created with one conditional PUT', () => {
      const BUCKET = 'falco-progress';
      let radosgw: Radosgw;
      let s3: S3Client;
      beforeAll(async () => {
        radosgw = await startRadosgw();
        s3 = await newBucket(radosgw, BUCKET);
      });
      afterAll(async () => {
        s3?.destroy();
        await radosgw?.stop();
      });

      it('logs the 100 MiB package every 10 %, and nothing of the 1 MiB one', async () => {
        const run = await runAction(
          {
            ref: 'refs/tags/0.40.0',
            'package-host': `s3://${BUCKET}/packages`,
            's3-endpoint': radosgw.endpoint,
            packages: 'packages/*',
          },
          { AWS_ACCESS_KEY_ID: radosgw.accessKeyId, AWS_SECRET_ACCESS_KEY: radosgw.secretAccessKey },
          workspace,
        );
        expect(run.exitCode, run.stdout).toBe(0);
        expectSteadyProgress(progressOf(run, key, 100));
        expectNoProgress(run, SMALL_PACKAGE);
        const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `packages/${key}` }));
        expect(head.ContentLength).toBe(100 * MIB);
      });
    });

    describe('on Swift, in parts (serialized)', () => {
      const BUCKET = 'falco-progress';
      let swift: Swift;
      let s3: S3Client;
      beforeAll(async () => {
        swift = await startSwift();
        s3 = await newBucket(swift, BUCKET);
      });
      afterAll(async () => {
        s3?.destroy();
        await swift?.stop();
      });

      it('logs the 100 MiB package as its parts are stored, and nothing of the 1 MiB one', async () => {
        const run = await runAction(
          {
            ref: 'refs/tags/0.40.0',
            'package-host': `s3://${BUCKET}/packages`,
            's3-endpoint': swift.endpoint,
            serialized: 'true',
            packages: 'packages/*',
          },
          { AWS_ACCESS_KEY_ID: swift.accessKeyId, AWS_SECRET_ACCESS_KEY: swift.secretAccessKey },
          workspace,
        );
        expect(run.exitCode, run.stdout).toBe(0);
        expectSteadyProgress(progressOf(run, key, 100));
        expectNoProgress(run, SMALL_PACKAGE);
        const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `packages/${key}` }));
        expect(head.ContentLength).toBe(100 * MIB);
      });
    });
  });
});
