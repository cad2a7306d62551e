import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { Descriptor, Platform } from '../../../src/oci/descriptor.js';
import { MediaTypes } from '../../../src/oci/media-types.js';

/** A blob and what a manifest says about it. */
export interface TestBlob {
  readonly descriptor: Descriptor;
  readonly bytes: Buffer;
}

/** A manifest (image or index) as bytes, with its digest and media type. */
export interface TestManifest {
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly digest: string;
  readonly descriptor: Descriptor;
}

/** A one-layer image: the config, the gzip layer, the manifest; `blobs` is config + layer. */
export interface TinyImage {
  readonly config: TestBlob;
  readonly layer: TestBlob;
  readonly blobs: readonly TestBlob[];
  readonly manifest: TestManifest;
}

export type ImageFormat = 'oci' | 'docker';

export const sha256 = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

function blob(bytes: Buffer, mediaType: string): TestBlob {
  return { bytes, descriptor: { mediaType, digest: sha256(bytes), size: bytes.length } };
}

function manifestOf(value: unknown, mediaType: string, platform?: Platform): TestManifest {
  const bytes = Buffer.from(JSON.stringify(value));
  const digest = sha256(bytes);
  return {
    bytes,
    mediaType,
    digest,
    descriptor: { mediaType, digest, size: bytes.length, ...(platform ? { platform } : {}) },
  };
}

/** A ustar archive of regular files (512-byte headers, content padded to 512, two zero blocks at the end). */
export function tarOf(files: readonly { name: string; content: Buffer }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const file of files) {
    const header = Buffer.alloc(512);
    header.write(file.name, 0, 100, 'utf8');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${file.content.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148); // the checksum counts its own field as spaces
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, file.content, Buffer.alloc((512 - (file.content.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/**
 * A real one-layer image made here: the layer is a gzip tar holding `content` as /content.txt (a few
 * bytes, or MiBs of random ones for the chunked uploads), the config names its diff_id. OCI or Docker
 * schema 2 media types.
 */
export function tinyImage(
  content: string | Buffer,
  format: ImageFormat = 'oci',
  platform: Platform = { architecture: 'amd64', os: 'linux' },
): TinyImage {
  const types =
    format === 'oci'
      ? { config: MediaTypes.ociConfig, layer: MediaTypes.ociLayerGzip, manifest: MediaTypes.ociManifest }
      : {
          config: MediaTypes.dockerConfig,
          layer: MediaTypes.dockerLayerGzip,
          manifest: MediaTypes.dockerManifest,
        };
  const tar = tarOf([{ name: 'content.txt', content: Buffer.from(content) }]);
  // Random bytes do not compress: a big layer is stored (level 0), which is still gzip and 10× faster.
  const layer = blob(gzipSync(tar, { level: tar.length > 1024 * 1024 ? 0 : 6 }), types.layer);
  const config = blob(
    Buffer.from(
      JSON.stringify({
        ...platform,
        config: { Labels: { 'e2e.image': 'tiny' } },
        rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
      }),
    ),
    types.config,
  );
  const manifest = manifestOf(
    { schemaVersion: 2, mediaType: types.manifest, config: config.descriptor, layers: [layer.descriptor] },
    types.manifest,
    platform,
  );
  return { config, layer, blobs: [config, layer], manifest };
}

/** A multi-arch index (OCI) or manifest list (Docker) of `images`. */
export function indexOf(images: readonly TinyImage[], format: ImageFormat = 'oci'): TestManifest {
  const mediaType = format === 'oci' ? MediaTypes.ociIndex : MediaTypes.dockerManifestList;
  return manifestOf(
    { schemaVersion: 2, mediaType, manifests: images.map((i) => i.manifest.descriptor) },
    mediaType,
  );
}

/** What `open()` of an upload gives: the bytes as a stream of 64 KiB pieces, as a file would come. */
export function streamOf(bytes: Buffer): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 64 * 1024) pieces.push(bytes.subarray(at, at + 64 * 1024));
  return Readable.from(pieces);
}

/** Writes `image` as an OCI image layout with one tag, for skopeo's `oci:` transport. */
export async function writeLayout(dir: string, image: TinyImage, tag: string): Promise<void> {
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  for (const { digest, bytes } of [
    ...image.blobs.map((b) => ({ ...b.descriptor, bytes: b.bytes })),
    image.manifest,
  ]) {
    await writeFile(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), bytes);
  }
  const { mediaType, digest, size } = image.manifest.descriptor;
  const ref = { mediaType, digest, size, annotations: { 'org.opencontainers.image.ref.name': tag } };
  await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [ref] }));
}

/** A blob of an OCI image layout, its name checked against its content. */
export async function readLayoutBlob(dir: string, digest: string): Promise<Buffer> {
  const bytes = await readFile(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)));
  if (sha256(bytes) !== digest) throw new Error(`layout blob ${digest} has digest ${sha256(bytes)}`);
  return bytes;
}
