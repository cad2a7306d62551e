import type { OciArtifact } from './oci-artifact.js';

/** A manifest as a store holds it: enough to name it as a referrer's subject. */
export interface StoredManifestContent {
  readonly mediaType: string;
  readonly bytes: Buffer;
}

/**
 * Where an image's signatures go: the repository of the image on a registry, or its name inside an
 * OCI layout. The signing logic knows nothing else of either.
 */
export interface SignatureStore {
  /** `registry/repository`, or the layout's directory and name: for logs and the `signatures` output. */
  readonly name: string;
  /** The manifest a tag or digest names, or undefined. */
  manifest(reference: string): Promise<StoredManifestContent | undefined>;
  /** A small blob's bytes (a bundle), checked against its digest; an error when the store lacks it. */
  blob(digest: string): Promise<Buffer>;
  /**
   * Writes the artifact's blobs (those missing), then its manifest under `reference` (a tag, or its own
   * digest). True when the store itself lists the manifest among its subject's referrers.
   */
  write(artifact: OciArtifact, reference: string): Promise<{ readonly indexesReferrers: boolean }>;
}
