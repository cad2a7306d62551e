import type { Descriptor } from '../oci/descriptor.js';
import { isJsonObject, parseJsonObject, stringRecord } from '../oci/json.js';
import { bundleReferrer, referrersIndex, referrersTag } from './bundle-referrers.js';
import type { SignatureStore } from './signature-store.js';

/**
 * Attaches a Sigstore bundle to `subject` as an OCI 1.1 referrer: the referrer manifest first, then —
 * where the store does not index referrers itself — the referrers index under `sha256-<hex>`. Returns
 * the referrer's digest.
 */
export async function attachReferrer(
  store: SignatureStore,
  subject: Descriptor,
  bundle: Buffer,
  predicateType: string,
  created: Date,
): Promise<string> {
  const referrer = bundleReferrer(subject, bundle, predicateType, created);
  const { indexesReferrers } = await store.write(referrer, referrer.digest);
  if (!indexesReferrers) {
    const tag = referrersTag(subject.digest);
    await store.write(referrersIndex((await store.manifest(tag))?.bytes, referrer), tag);
  }
  return referrer.digest;
}

/**
 * Whether the referrers index of `subjectDigest` lists a bundle of `predicateType` already. Read from the
 * referrers tag: a registry that keeps only the referrers API is not asked, and gets a second one.
 */
export async function hasReferrer(
  store: SignatureStore,
  subjectDigest: string,
  predicateType: string,
): Promise<boolean> {
  const index = await store.manifest(referrersTag(subjectDigest));
  const manifests = index ? parseJsonObject(index.bytes)?.['manifests'] : undefined;
  if (!Array.isArray(manifests)) return false;
  return manifests.some(
    (entry: unknown) =>
      isJsonObject(entry) &&
      stringRecord(entry['annotations'])?.['dev.sigstore.bundle.predicateType'] === predicateType,
  );
}

/** The descriptors of a manifest and, for an index, of each image it lists: every digest a signature covers. */
export function manifestAndChildren(
  digest: string,
  content: { mediaType: string; bytes: Buffer },
): Descriptor[] {
  const manifests = parseJsonObject(content.bytes)?.['manifests'];
  const children = Array.isArray(manifests)
    ? manifests.flatMap((entry: unknown) => {
        if (!isJsonObject(entry)) return [];
        const { mediaType, digest: child, size } = entry;
        if (typeof mediaType !== 'string' || typeof child !== 'string' || typeof size !== 'number') return [];
        return [{ mediaType, digest: child, size }];
      })
    : [];
  return [{ mediaType: content.mediaType, digest, size: content.bytes.length }, ...children];
}
