import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../util/errors.js';
import type { Descriptor } from './descriptor.js';
import { digestBytes, parseDigest, type ParsedDigest } from './digest.js';
import { FileChunks } from './file-chunks.js';
import type { ManifestNode, SourceImage } from './image.js';
import { parseJsonObject } from './json.js';
import { INDEX_FILE, LAYOUT_FILE, REF_NAME_ANNOTATION, blobPath } from './layout-files.js';
import { manifestReferences, parseDescriptor } from './manifest-references.js';
import { hasErrnoCode, isNotFound } from '../util/errno.js';
import { UPLOAD_READ_CHUNK } from './upload-chunk.js';

/** Registries refuse manifests above 4 MiB; a bigger "manifest" is not one, and is not read into memory. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Indexes of indexes exist (attestations, nested platforms), but never this deep: a guard against a crafted file. */
const MAX_DEPTH = 8;

const REWRITE = 'write the layout again (e.g. skopeo copy ... oci:<dir>:<ref>)';

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

async function readIndexEntries(dir: string, name: string): Promise<Descriptor[]> {
  const bytes = await readFile(join(dir, INDEX_FILE)).catch((error: unknown) => {
    if (isNotFound(error)) throw new UserError(name, `${dir} has no ${INDEX_FILE}`, REWRITE);
    throw error;
  });
  const index = parseJsonObject(bytes);
  const manifests = index?.['manifests'];
  if (!Array.isArray(manifests)) {
    throw new UserError(name, `${INDEX_FILE} is not an image index with a manifests list`, REWRITE);
  }
  return manifests.map((entry: unknown, i) => parseDescriptor(entry, name, `${INDEX_FILE} manifests[${i}]`));
}

function refName(entry: Descriptor): string | undefined {
  return entry.annotations?.[REF_NAME_ANNOTATION];
}

/** How index.json names its images, for an error that lets the user pick one. */
function describeRefs(entries: readonly Descriptor[]): string {
  if (entries.length === 0) return 'it lists no image';
  const names = entries.map((entry) => refName(entry) ?? `(no ref name: ${entry.digest})`);
  return `it lists ${names.join(', ')}`;
}

function pickEntry(entries: readonly Descriptor[], ref: string | undefined, name: string): Descriptor {
  if (ref === undefined) {
    const [only, ...others] = entries;
    if (only !== undefined && others.length === 0) return only;
    throw new UserError(
      name,
      entries.length === 0 ? `${INDEX_FILE} lists no image` : `${INDEX_FILE} lists ${entries.length} images`,
      entries.length === 0 ? REWRITE : `add :<ref> to choose one; ${describeRefs(entries)}`,
    );
  }
  const matches = entries.filter((entry) => refName(entry) === ref);
  const [first] = matches;
  if (first === undefined) {
    throw new UserError(name, `${INDEX_FILE} names no image '${ref}'`, describeRefs(entries));
  }
  // The same ref twice is ambiguous unless both entries are the same manifest.
  if (matches.some((entry) => entry.digest !== first.digest)) {
    throw new UserError(name, `${INDEX_FILE} names ${matches.length} different images '${ref}'`, REWRITE);
  }
  return first;
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

/**
 * Opens the blob's file before anything reads it, so a missing or truncated blob is a clear error
 * here rather than a failure in the middle of an upload.
 */
async function openBlobFile(dir: string, descriptor: Descriptor, name: string): Promise<FileHandle> {
  const path = blobPath(dir, checkedDigest(descriptor, name));
  const handle = await open(path, 'r').catch((error: unknown) => {
    if (isNotFound(error)) {
      throw new UserError(name, `blob ${descriptor.digest} is missing (${path})`, REWRITE);
    }
    throw error;
  });
  try {
    const { size } = await handle.stat();
    if (size !== descriptor.size) {
      throw new UserError(
        name,
        `blob ${descriptor.digest} is ${size} bytes, not ${descriptor.size}`,
        REWRITE,
      );
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

function checkedDigest(descriptor: Descriptor, name: string): ParsedDigest {
  const digest = parseDigest(descriptor.digest);
  if (digest === undefined) throw new UserError(name, `malformed digest ${descriptor.digest}`, REWRITE);
  return digest;
}
