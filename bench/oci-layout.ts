import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGzip } from 'node:zlib';

const random = promisify(randomBytes);
const CHUNK = 1024 * 1024;

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';

export interface BlobDescriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
}

export interface BenchLayout {
  readonly dir: string;
  readonly ref: string;
  /** The digest of the image manifest, as index.json names it. */
  readonly manifestDigest: string;
  readonly config: BlobDescriptor;
  readonly layers: readonly BlobDescriptor[];
}

/** A ustar header of one regular file of `size` bytes. */
function tarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148); // the checksum is computed with its own field as spaces
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return header;
}

/** A tar of one file of `size` random bytes, produced a megabyte at a time. */
async function* randomTar(name: string, size: number): AsyncGenerator<Buffer> {
  yield tarHeader(name, size);
  for (let left = size; left > 0; left -= CHUNK) yield await random(Math.min(left, CHUNK));
  const padding = (512 - (size % 512)) % 512;
  if (padding > 0) yield Buffer.alloc(padding);
  yield Buffer.alloc(1024);
}

const sha256 = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

async function writeBlob(dir: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  await writeFile(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), bytes);
  return digest;
}

/**
 * One gzip (level 1) layer of a tar holding `size` random bytes, streamed to disk: no layer is ever
 * held in memory. Returns the layer's descriptor and its diff_id (sha256 of the tar).
 */
async function writeLayer(
  dir: string,
  index: number,
  size: number,
): Promise<{ descriptor: BlobDescriptor; diffId: string }> {
  const tarHash = createHash('sha256');
  const blobHash = createHash('sha256');
  let blobSize = 0;
  const partial = join(dir, `layer-${index}.partial`);
  await pipeline(
    Readable.from(randomTar(`layer-${index}.bin`, size)),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        tarHash.update(chunk);
        yield chunk;
      }
    },
    createGzip({ level: 1 }),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        blobHash.update(chunk);
        blobSize += chunk.length;
        yield chunk;
      }
    },
    createWriteStream(partial),
  );
  const digest = `sha256:${blobHash.digest('hex')}`;
  await rename(partial, join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)));
  return {
    descriptor: { mediaType: OCI_LAYER_GZIP, digest, size: blobSize },
    diffId: `sha256:${tarHash.digest('hex')}`,
  };
}

/**
 * Writes an OCI image layout at `dir` with one linux/amd64 image of `layers` gzip layers, each a tar of
 * `layerBytes` random bytes, named `ref` in index.json (as `skopeo copy oci:<dir>:<ref>` reads it).
 * Random content: no layer is ever in a registry before the benchmark pushes it.
 */
export async function writeRandomLayout(
  dir: string,
  ref: string,
  layers: number,
  layerBytes: number,
): Promise<BenchLayout> {
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const written = await Promise.all(
    Array.from({ length: layers }, (_, index) => writeLayer(dir, index, layerBytes)),
  );
  const configBytes = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {},
      rootfs: { type: 'layers', diff_ids: written.map((layer) => layer.diffId) },
      history: written.map(() => ({ created_by: 'bench/oci-layout.ts' })),
    }),
  );
  const config: BlobDescriptor = {
    mediaType: OCI_CONFIG,
    digest: await writeBlob(dir, configBytes),
    size: configBytes.length,
  };
  const manifestBytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config,
      layers: written.map((layer) => layer.descriptor),
    }),
  );
  const manifestDigest = await writeBlob(dir, manifestBytes);
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: OCI_MANIFEST,
          digest: manifestDigest,
          size: manifestBytes.length,
          annotations: { 'org.opencontainers.image.ref.name': ref },
        },
      ],
    }),
  );
  return { dir, ref, manifestDigest, config, layers: written.map((layer) => layer.descriptor) };
}
