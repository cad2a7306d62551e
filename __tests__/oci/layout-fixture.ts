import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Descriptor, Platform } from '../../src/oci/descriptor.js';
import { MediaTypes } from '../../src/oci/media-types.js';

/** Hand-written OCI image layouts for tests: every byte is ours, so tests can damage any of them. */

export function digestOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Stores `content` under blobs/sha256/ and returns its descriptor. */
export async function addBlob(dir: string, content: Buffer | string, mediaType: string): Promise<Descriptor> {
  const bytes = Buffer.from(content);
  const digest = digestOf(bytes);
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  await writeFile(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), bytes);
  return { mediaType, digest, size: bytes.length };
}

/** A config naming `platform`, and a manifest over it and one layer per entry of `layers`. */
export async function addImage(
  dir: string,
  platform: Platform,
  layers: readonly string[],
  // Odd spacing on purpose: a reader that re-serializes the manifest would change its digest.
  format: (value: unknown) => string = (value) => JSON.stringify(value, null, 3),
): Promise<Descriptor> {
  const config = await addBlob(
    dir,
    JSON.stringify({ ...platform, rootfs: { type: 'layers', diff_ids: [] } }),
    MediaTypes.ociConfig,
  );
  const layerDescriptors = await Promise.all(layers.map((layer) => addBlob(dir, layer, MediaTypes.ociLayer)));
  return addBlob(
    dir,
    format({ schemaVersion: 2, mediaType: MediaTypes.ociManifest, config, layers: layerDescriptors }),
    MediaTypes.ociManifest,
  );
}

/** An index over `children`, stored as a blob. */
export async function addIndex(dir: string, children: readonly Descriptor[]): Promise<Descriptor> {
  return addBlob(
    dir,
    JSON.stringify({ schemaVersion: 2, mediaType: MediaTypes.ociIndex, manifests: children }),
    MediaTypes.ociIndex,
  );
}

/** Writes oci-layout and index.json, naming each entry by its ref (none for undefined). */
export async function writeLayout(
  dir: string,
  entries: readonly { ref: string | undefined; descriptor: Descriptor }[],
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const manifests = entries.map(({ ref, descriptor }) =>
    ref === undefined
      ? descriptor
      : { ...descriptor, annotations: { 'org.opencontainers.image.ref.name': ref } },
  );
  await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests }));
}

export function blobFile(dir: string, digest: string): string {
  return join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
}

/** Everything a stream yields, as one buffer. */
export async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}
