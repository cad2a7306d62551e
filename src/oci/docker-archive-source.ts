import { open, mkdtemp, readFile, rm, stat, type FileHandle } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../util/errors.js';
import type { Descriptor } from './descriptor.js';
import { digestBytes } from './digest.js';
import { FileChunks } from './file-chunks.js';
import { configDiffIds } from './image-config.js';
import type { ManifestNode, SourceImage } from './image.js';
import { isJsonObject } from './json.js';
import { layerBlob, type LayerBlob } from './layer-blob.js';
import { mapConcurrent } from '../util/map-concurrent.js';
import { MediaTypes } from './media-types.js';
import { isNotFound } from '../util/errno.js';
import { entryName, extractTar } from './tar-extract.js';
import { UPLOAD_READ_CHUNK } from './upload-chunk.js';

const MANIFEST_FILE = 'manifest.json';
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
/** zlib runs on libuv's pool (4 threads by default): more layers at once than that only queue. */
const COMPRESSIONS = Math.min(4, availableParallelism());
const RESAVE = 'save one image again with docker save <image> -o <file>';

/** One entry of `docker save`'s manifest.json. */
interface SavedImage {
  readonly config: string;
  readonly repoTags: readonly string[];
  readonly layers: readonly string[];
}

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
    const diffIds = configDiffIds(config, name);
    if (diffIds.length !== image.layers.length) {
      throw new UserError(
        name,
        `${MANIFEST_FILE} lists ${image.layers.length} layers but the config's rootfs.diff_ids has ${diffIds.length}`,
        RESAVE,
      );
    }
    const layers = await convertLayers(image.layers, files, temp, name);
    layers.forEach((layer, i) => {
      if (layer.diffId !== diffIds[i]) {
        throw new UserError(
          name,
          `layer ${i + 1} (${image.layers[i]}) holds ${layer.diffId}, but the config's diff_ids says ${diffIds[i]}`,
          RESAVE,
        );
      }
    });

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

async function readSavedImages(files: ReadonlyMap<string, string>, name: string): Promise<SavedImage[]> {
  const fail = (problem: string): never => {
    throw new UserError(name, problem, 'give the file written by docker save');
  };
  const path = files.get(MANIFEST_FILE) ?? fail(`the archive has no ${MANIFEST_FILE}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return fail(`${MANIFEST_FILE} is not JSON`);
  }
  if (!Array.isArray(parsed)) return fail(`${MANIFEST_FILE} is not a list of images`);
  const entries: readonly unknown[] = parsed;
  return entries.map((entry, i): SavedImage => {
    const where = `${MANIFEST_FILE}[${i}]`;
    if (!isJsonObject(entry)) return fail(`${where} is not an object`);
    const { Config: config, RepoTags: repoTags, Layers: layers } = entry;
    if (typeof config !== 'string') return fail(`${where} has no Config`);
    if (!isStringList(layers)) return fail(`${where} has no Layers list`);
    if (repoTags !== null && repoTags !== undefined && !isStringList(repoTags)) {
      return fail(`${where} has RepoTags that are not strings`);
    }
    return { config, layers, repoTags: repoTags ?? [] };
  });
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function pickImage(images: readonly SavedImage[], name: string): SavedImage {
  const [only, ...others] = images;
  if (only !== undefined && others.length === 0) return only;
  if (only === undefined) throw new UserError(name, `${MANIFEST_FILE} lists no image`, RESAVE);
  const described = images.map((image) =>
    image.repoTags.length > 0 ? image.repoTags.join(' ') : `(untagged ${image.config})`,
  );
  throw new UserError(name, `the archive holds ${images.length} images: ${described.join(', ')}`, RESAVE);
}

/** The extracted file of a path manifest.json names; `what` says what it is for the error. */
function archiveFile(
  files: ReadonlyMap<string, string>,
  archivePath: string,
  name: string,
  what: string,
): string {
  const normalized = entryName(archivePath);
  const path = normalized === undefined ? undefined : files.get(normalized);
  if (path === undefined) {
    throw new UserError(
      name,
      `${what} ${archivePath} is named in ${MANIFEST_FILE} but not in the archive`,
      RESAVE,
    );
  }
  return path;
}

async function readConfig(path: string, name: string): Promise<Buffer> {
  const { size } = await stat(path);
  if (size > MAX_CONFIG_BYTES) {
    throw new UserError(name, `its config is ${size} bytes, too large for an image config`);
  }
  return readFile(path);
}

/**
 * Compresses each distinct layer file once (an image may list the same layer twice), several at a time,
 * and removes the uncompressed copy as soon as its blob exists: the temp dir holds one copy of each layer.
 */
async function convertLayers(
  layers: readonly string[],
  files: ReadonlyMap<string, string>,
  temp: string,
  name: string,
): Promise<LayerBlob[]> {
  const paths = layers.map((layer, i) => archiveFile(files, layer, name, `layer ${i + 1}`));
  const distinct = [...new Set(paths)];
  const converted = await mapConcurrent(distinct, COMPRESSIONS, async (path, i) => {
    const blob = await layerBlob(
      path,
      join(temp, `layer-${i}.tar.gz`),
      name,
      layers[paths.indexOf(path)] ?? path,
    );
    if (blob.path !== path) await rm(path, { force: true });
    return blob;
  });
  const byPath = new Map(distinct.map((path, i) => [path, converted[i]]));
  return paths.map((path) => {
    const blob = byPath.get(path);
    if (blob === undefined) throw new Error(`no blob for ${path}`); // cannot happen: every path was converted
    return blob;
  });
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
