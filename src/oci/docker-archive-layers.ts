import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../util/errors.js';
import { mapConcurrent } from '../util/map-concurrent.js';
import { archiveFile, MANIFEST_FILE, RESAVE, type SavedImage } from './docker-archive-manifest.js';
import { layerBlob, type LayerBlob } from './layer-blob.js';

/** zlib runs on libuv's pool (4 threads by default): more layers at once than that only queue. */
const COMPRESSIONS = Math.min(4, availableParallelism());

/**
 * The image's layers as gzip blobs, in its order, each checked against the config's diff_id (the
 * digest of its uncompressed tar).
 */
export async function checkedLayers(
  image: SavedImage,
  diffIds: readonly string[],
  files: ReadonlyMap<string, string>,
  temp: string,
  name: string,
): Promise<LayerBlob[]> {
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
  return layers;
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
