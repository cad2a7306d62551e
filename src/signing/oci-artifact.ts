import type { Descriptor } from '../oci/descriptor.js';
import { digestBytes } from '../oci/digest.js';

/** A manifest this run writes beside an image (a signature, a referrer, a referrers index), with its blobs. */
export interface OciArtifact {
  readonly mediaType: string;
  readonly digest: string;
  readonly bytes: Buffer;
  /** The blobs the manifest names, with their bytes: all small (a payload, a bundle, a config). */
  readonly blobs: readonly ArtifactBlob[];
}

export interface ArtifactBlob {
  readonly descriptor: Descriptor;
  readonly bytes: Buffer;
}

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

/** A blob's descriptor from its bytes. */
export function blobOf(mediaType: string, bytes: Buffer, annotations?: Record<string, string>): ArtifactBlob {
  const descriptor: Descriptor = {
    mediaType,
    digest: digestBytes(bytes),
    size: bytes.length,
    ...(annotations && Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
  return { descriptor, bytes };
}

/** A manifest's bytes are its JSON as written here: what is written is what its digest names. */
export function artifactOf(manifest: object, blobs: readonly ArtifactBlob[]): OciArtifact {
  const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const mediaType = (manifest as { mediaType?: string }).mediaType ?? OCI_MANIFEST;
  return { mediaType, digest: digestBytes(bytes), bytes, blobs };
}

/** `sha256:<hex>` → `sha256-<hex>`: the tag form of a digest, as cosign and the referrers tag schema name them. */
export function digestTag(digest: string, suffix = ''): string {
  return `${digest.replace(':', '-')}${suffix}`;
}
