import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../util/errors.js';
import type { Descriptor } from './descriptor.js';
import { digestBytes } from './digest.js';
import { FileChunks } from './file-chunks.js';
import type { ManifestNode, SourceImage } from './image.js';
import { parseJsonObject } from './json.js';
import { checkedDigest, openBlobFile } from './layout-blob-file.js';
import { LAYOUT_FILE, blobPath } from './layout-files.js';
import { REWRITE } from './layout-rewrite.js';
import { pickEntry, readIndexEntries } from './layout-source-index.js';
import { manifestReferences } from './manifest-references.js';
import { hasErrnoCode, isNotFound } from '../util/errno.js';
import { UPLOAD_READ_CHUNK } from './upload-chunk.js';

/** Registries refuse manifests above 4 MiB; a bigger "manifest" is not one, and is not read into memory. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Indexes of indexes exist (attestations, nested platforms), but never this deep: a guard against a crafted file. */
const MAX_DEPTH = 8;

/**
 * Reads the image that an OCI image layout names `ref` in its index.json (or its only image when `ref`
 * is left out): the manifest tree, exactly as stored, with every manifest's digest checked. Blobs stay
 * on disk until the copy asks for them.
 */
export async function readOciLayout(dir: string, ref?: string): Promise<SourceImage> {
  const name = ref === undefined ? `oci-layout:${dir}` : `oci-layout:${dir}:${ref}`;
  await checkLayoutFile(dir, name);
  const entry = pickEntry(await readIndexEntries(dir, name), ref, name);
  const root = await readManifest(dir, entry, name, 0);
  return {
    name,
    root,
    // The stream and the reader own the file from here, and close it when done with it.
    openBlob: async (descriptor) =>
      (await openBlobFile(dir, descriptor, name)).createReadStream({ highWaterMark: UPLOAD_READ_CHUNK }),
    readBlob: async (descriptor) =>
      new FileChunks(await openBlobFile(dir, descriptor, name), descriptor.size),
    // Nothing was set up: the layout is the user's and stays as it is.
    close: async () => undefined,
  };
}

async function checkLayoutFile(dir: string, name: string): Promise<void> {
  const bytes = await readFile(join(dir, LAYOUT_FILE)).catch((error: unknown) => {
    if (hasErrnoCode(error, 'ENOTDIR')) {
      throw new UserError(
        name,
        `${dir} is not a directory, so not an OCI image layout`,
        'name the directory that holds oci-layout, index.json and blobs/ (docker-archive:<file> reads a docker save file)',
      );
    }
    if (isNotFound(error)) {
      throw new UserError(
        name,
        `${dir} is not an OCI image layout (it has no ${LAYOUT_FILE} file)`,
        'name the directory that holds oci-layout, index.json and blobs/',
      );
    }
    throw error;
  });
  const version = parseJsonObject(bytes)?.['imageLayoutVersion'];
  // 1.x is the only version there is; a later major one may lay blobs out differently.
  if (typeof version !== 'string' || !version.startsWith('1.')) {
    throw new UserError(name, `${LAYOUT_FILE} gives no supported imageLayoutVersion (1.x)`, REWRITE);
  }
}

async function readManifest(
  dir: string,
  descriptor: Descriptor,
  name: string,
  depth: number,
): Promise<ManifestNode> {
  const what = `manifest ${descriptor.digest}`;
  if (depth > MAX_DEPTH) {
    throw new UserError(name, `${what} is nested more than ${MAX_DEPTH} indexes deep`, REWRITE);
  }
  if (descriptor.size > MAX_MANIFEST_BYTES) {
    throw new UserError(name, `${what} is ${descriptor.size} bytes, more than a manifest can be`, REWRITE);
  }
  const digest = checkedDigest(descriptor, name);
  const bytes = await readFile(blobPath(dir, digest)).catch((error: unknown) => {
    if (isNotFound(error)) throw new UserError(name, `${what} is missing from ${dir}`, REWRITE);
    throw error;
  });
  if (bytes.length !== descriptor.size || digestBytes(bytes, digest.algorithm) !== descriptor.digest) {
    throw new UserError(name, `${what} does not match its digest or size (the file was changed)`, REWRITE);
  }
  const references = manifestReferences(bytes, descriptor.mediaType, name, what);
  const children = await Promise.all(
    references.children.map((child) => readManifest(dir, child, name, depth + 1)),
  );
  return {
    digest: descriptor.digest,
    mediaType: descriptor.mediaType,
    bytes,
    children,
    blobs: references.blobs,
  };
}
