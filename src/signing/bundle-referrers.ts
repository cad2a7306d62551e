import type { Descriptor } from '../oci/descriptor.js';
import { isJsonObject, parseJsonObject } from '../oci/json.js';
import { artifactOf, blobOf, digestTag, OCI_INDEX, OCI_MANIFEST, type OciArtifact } from './oci-artifact.js';

export const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
/** The statement cosign signs for an image in its bundle format; build provenance is the other kind written. */
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';
export const SLSA_PROVENANCE_PREDICATE = 'https://slsa.dev/provenance/v1';

const EMPTY_CONFIG = blobOf('application/vnd.oci.empty.v1+json', Buffer.from('{}'));

/**
 * A Sigstore bundle attached to an image as an OCI 1.1 referrer, as cosign and actions/attest attach
 * them: an artifact manifest whose `subject` is the image and whose one layer is the bundle.
 */
export function bundleReferrer(
  subject: Descriptor,
  bundle: Buffer,
  predicateType: string,
  created: Date,
): OciArtifact {
  const layer = blobOf(BUNDLE_MEDIA_TYPE, bundle);
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: BUNDLE_MEDIA_TYPE,
    config: EMPTY_CONFIG.descriptor,
    layers: [layer.descriptor],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations: {
      'dev.sigstore.bundle.content': 'dsse-envelope',
      'dev.sigstore.bundle.predicateType': predicateType,
      'org.opencontainers.image.created': created.toISOString(),
    },
  };
  return artifactOf(manifest, [EMPTY_CONFIG, layer]);
}

/** The referrers tag schema: a registry without the referrers API lists an image's referrers in the index tagged `sha256-<hex>`. */
export function referrersTag(subjectDigest: string): string {
  return digestTag(subjectDigest);
}

/** The referrers index with `referrer` added (once), every entry already there kept. */
export function referrersIndex(existing: Buffer | undefined, referrer: OciArtifact): OciArtifact {
  const entries = existingEntries(existing).filter((entry) => entry['digest'] !== referrer.digest);
  const parsed = parseJsonObject(referrer.bytes);
  const annotations = parsed?.['annotations'];
  entries.push({
    mediaType: referrer.mediaType,
    digest: referrer.digest,
    size: referrer.bytes.length,
    artifactType: parsed?.['artifactType'],
    ...(isJsonObject(annotations) ? { annotations } : {}),
  });
  return artifactOf({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries }, []);
}

function existingEntries(existing: Buffer | undefined): Record<string, unknown>[] {
  const manifests = existing ? parseJsonObject(existing)?.['manifests'] : undefined;
  return Array.isArray(manifests) ? manifests.filter(isJsonObject).map((entry) => ({ ...entry })) : [];
}
