import { join } from 'node:path';
import type { ParsedDigest } from './digest.js';

/** The names an OCI image layout is made of (image-spec, image-layout.md). */
export const LAYOUT_FILE = 'oci-layout';
export const INDEX_FILE = 'index.json';
export const BLOBS_DIR = 'blobs';
export const LAYOUT_VERSION = '1.0.0';
/** The annotation by which index.json names an image: what skopeo's `oci:<dir>:<ref>` looks up. */
export const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name';

/** blobs/<alg>/<hex>: a checked digest has no `/` or `..`, so this stays inside the layout. */
export function blobPath(dir: string, digest: ParsedDigest): string {
  return join(dir, BLOBS_DIR, digest.algorithm, digest.hex);
}
