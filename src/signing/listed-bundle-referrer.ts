import { isJsonObject, parseJsonObject } from '../oci/json.js';
import { BUNDLE_MEDIA_TYPE, referrersTag } from './bundle-referrers.js';
import type { SignatureStore } from './signature-store.js';

/** A bundle is a few kilobytes; anything far larger listed as one is not read. */
const MAX_BUNDLE_BYTES = 1024 * 1024;

/**
 * The digest of a bundle referrer of `subjectDigest` that `isOurs` recognises, among those its referrers
 * tag lists; undefined when none is. A registry that keeps the referrers API lists them there instead,
 * and has no such tag.
 */
export async function listedBundleReferrer(
  store: SignatureStore,
  subjectDigest: string,
  isOurs: (bundle: unknown) => Promise<boolean>,
): Promise<string | undefined> {
  const index = await store.manifest(referrersTag(subjectDigest));
  const entries = index ? parseJsonObject(index.bytes)?.['manifests'] : undefined;
  if (!Array.isArray(entries)) return undefined;
  for (const entry of entries) {
    if (!isJsonObject(entry) || entry['artifactType'] !== BUNDLE_MEDIA_TYPE) continue;
    const digest = entry['digest'];
    if (typeof digest !== 'string') continue;
    const bundle = await bundleOf(store, digest);
    if (bundle !== undefined && (await isOurs(bundle))) return digest;
  }
  return undefined;
}

/** The parsed bundle layer of a referrer manifest; undefined when it has none. */
async function bundleOf(store: SignatureStore, referrer: string): Promise<unknown> {
  const manifest = await store.manifest(referrer);
  const layers = manifest ? parseJsonObject(manifest.bytes)?.['layers'] : undefined;
  const layer: unknown = Array.isArray(layers) ? layers[0] : undefined;
  if (!isJsonObject(layer) || layer['mediaType'] !== BUNDLE_MEDIA_TYPE) return undefined;
  const { digest, size } = layer;
  if (typeof digest !== 'string' || typeof size !== 'number' || size > MAX_BUNDLE_BYTES) return undefined;
  return parseJsonObject(await store.blob(digest));
}
