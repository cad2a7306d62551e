import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Platform } from '../../src/oci/descriptor.js';
import { MediaTypes } from '../../src/oci/media-types.js';
import { run } from './services/process.js';
import { sha256, tarOf, type TestBlob, type TestManifest } from './services/tiny-image.js';

/** An image of several layers for one platform: `blobs` is the config, then the layers in order. */
export interface LayeredImage {
  readonly platform: Platform;
  readonly config: TestBlob;
  readonly layers: readonly TestBlob[];
  readonly blobs: readonly TestBlob[];
  readonly manifest: TestManifest;
}

export interface LayeredImageOptions {
  /** How many layers (default 3). */
  readonly layers?: number;
  /** Default linux/amd64. */
  readonly platform?: Platform;
  /** Bytes of pseudo-random (incompressible) content per layer (default 64 KiB). */
  readonly layerBytes?: number;
}

function blob(bytes: Buffer, mediaType: string): TestBlob {
  return { bytes, descriptor: { mediaType, digest: sha256(bytes), size: bytes.length } };
}

/** Deterministic incompressible bytes: the same `seed` gives the same layer, another seed another one. */
function noise(seed: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  let block = createHash('sha256').update(seed).digest();
  for (let at = 0; at < size; at += block.length) {
    block.copy(out, at);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

/**
 * A real OCI image of `layers` gzip layers (a file each, as a Dockerfile's COPY steps would make),
 * whose config names the platform and the layers' diff_ids. `name` makes the content distinct.
 */
export function layeredImage(name: string, options: LayeredImageOptions = {}): LayeredImage {
  const platform = options.platform ?? { architecture: 'amd64', os: 'linux' };
  const count = options.layers ?? 3;
  const size = options.layerBytes ?? 64 * 1024;
  const tars: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const content = noise(`${name} ${platform.architecture} layer ${i}`, size);
    tars.push(tarOf([{ name: `layer-${i}.bin`, content }]));
  }
  const layers = tars.map((tar) => blob(gzipSync(tar, { level: 1 }), MediaTypes.ociLayerGzip));
  const config = blob(
    Buffer.from(
      JSON.stringify({
        architecture: platform.architecture,
        os: platform.os,
        ...(platform.variant === undefined ? {} : { variant: platform.variant }),
        config: { Labels: { 'e2e.image': name } },
        rootfs: { type: 'layers', diff_ids: tars.map((tar) => sha256(tar)) },
      }),
    ),
    MediaTypes.ociConfig,
  );
  const mediaType = MediaTypes.ociManifest;
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      config: config.descriptor,
      layers: layers.map((layer) => layer.descriptor),
    }),
  );
  const digest = sha256(bytes);
  return {
    platform,
    config,
    layers,
    blobs: [config, ...layers],
    manifest: { bytes, mediaType, digest, descriptor: { mediaType, digest, size: bytes.length, platform } },
  };
}

/** Writes `images` into one OCI image layout, each named by its `tag` in index.json (none: no ref name). */
export async function writeImageLayout(
  dir: string,
  images: readonly { image: LayeredImage; tag?: string }[],
): Promise<void> {
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const manifests = [];
  for (const { image, tag } of images) {
    for (const { digest, bytes } of [
      ...image.blobs.map((b) => ({ digest: b.descriptor.digest, bytes: b.bytes })),
      image.manifest,
    ]) {
      await writeFile(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), bytes);
    }
    const { mediaType, digest, size } = image.manifest.descriptor;
    manifests.push({
      mediaType,
      digest,
      size,
      ...(tag === undefined ? {} : { annotations: { 'org.opencontainers.image.ref.name': tag } }),
    });
  }
  await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests }));
}

/**
 * Any skopeo command, with a throw-away HOME and runtime dir (as services/skopeo-cli.ts does) and
 * `--insecure-policy`: nothing is read from or written to the machine's container configuration.
 * `secrets` are masked in the error of a failing command.
 */
export async function skopeoRun(args: readonly string[], secrets: readonly string[] = []): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'skopeo-'));
  try {
    const runtime = join(home, 'run');
    await mkdir(runtime, { mode: 0o700 });
    const [command = '', ...rest] = args;
    return await run(
      'skopeo',
      ['--insecure-policy', command, '--authfile', join(home, 'auth.json'), ...rest],
      {
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: home,
          TMPDIR: home,
          XDG_RUNTIME_DIR: runtime,
          XDG_CONFIG_HOME: join(home, 'config'),
          XDG_DATA_HOME: join(home, 'data'),
        },
        secrets: [...secrets],
      },
    );
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}
