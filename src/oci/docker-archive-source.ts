import { open, mkdtemp, readFile, rm, stat, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../util/errors.js';
import type { Descriptor } from './descriptor.js';
import { digestBytes } from './digest.js';
import { checkedLayers } from './docker-archive-layers.js';
import { archiveFile, pickImage, readSavedImages } from './docker-archive-manifest.js';
import { FileChunks } from './file-chunks.js';
import { configDiffIds } from './image-config.js';
import type { ManifestNode, SourceImage } from './image.js';
import { MediaTypes } from './media-types.js';
import { isNotFound } from '../util/errno.js';
import { extractTar } from './tar-extract.js';
import { UPLOAD_READ_CHUNK } from './upload-chunk.js';

const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

/**
 * Reads the output of `docker save` (one image) as an OCI image: the archive is extracted to a temp
 * dir, each layer gzip-compressed to a blob there (several at once) and checked against the config's
 * diff_ids, and an OCI manifest written over the config exactly as saved. Both archive layouts work:
 * docker ≤ 24's `<id>/layer.tar` and docker 25's `blobs/sha256/<hex>`. `close()` removes the temp dir.
 */
export async function readDockerArchive(file: string): Promise<SourceImage> {
  const name = `docker-archive:${file}`;
  const temp = await mkdtemp(join(tmpdir(), 'docker-archive-'));
  try {
    const files = await extractTar(file, join(temp, 'entries'), name);
    const image = pickImage(await readSavedImages(files, name), name);
    const configPath = archiveFile(files, image.config, name, 'its config');
    const config = await readConfig(configPath, name);
    const layers = await checkedLayers(image, configDiffIds(config, name), files, temp, name);

    const configDescriptor: Descriptor = {
      mediaType: MediaTypes.ociConfig,
      digest: digestBytes(config),
      size: config.length,
    };
    const layerDescriptors = layers.map((layer): Descriptor => ({
      mediaType: MediaTypes.ociLayerGzip,
      digest: layer.digest,
      size: layer.size,
    }));
    const root = imageManifest(configDescriptor, layerDescriptors);
    const blobs = new Map<string, string>([[configDescriptor.digest, configPath]]);
    for (const layer of layers) blobs.set(layer.digest, layer.path);
    return {
      name,
      root,
      openBlob: async (descriptor) =>
        (await openBlobFile(blobs, descriptor, name)).createReadStream({ highWaterMark: UPLOAD_READ_CHUNK }),
      readBlob: async (descriptor) =>
        new FileChunks(await openBlobFile(blobs, descriptor, name), descriptor.size),
      close: () => rm(temp, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Field order fixed here, no whitespace: the same image always gives the same manifest digest. */
function imageManifest(config: Descriptor, layers: readonly Descriptor[]): ManifestNode {
  const descriptor = ({ mediaType, digest, size }: Descriptor): Descriptor => ({ mediaType, digest, size });
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaTypes.ociManifest,
      config: descriptor(config),
      layers: layers.map(descriptor),
    }),
  );
  return {
    digest: digestBytes(bytes),
    mediaType: MediaTypes.ociManifest,
    bytes,
    children: [],
    blobs: [config, ...layers],
  };
}

async function readConfig(path: string, name: string): Promise<Buffer> {
  const { size } = await stat(path);
  if (size > MAX_CONFIG_BYTES) {
    throw new UserError(name, `its config is ${size} bytes, too large for an image config`);
  }
  return readFile(path);
}

async function openBlobFile(
  blobs: ReadonlyMap<string, string>,
  descriptor: Descriptor,
  name: string,
): Promise<FileHandle> {
  const path = blobs.get(descriptor.digest);
  if (path === undefined) throw new UserError(name, `the image has no blob ${descriptor.digest}`);
  return open(path, 'r').catch((error: unknown) => {
    if (isNotFound(error)) {
      throw new UserError(name, `blob ${descriptor.digest} is gone: the source was closed`);
    }
    throw error;
  });
}
