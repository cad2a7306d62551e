import type { Descriptor } from '../oci/descriptor.js';
import type { BlobReader, ManifestNode, RegistryOrigin } from '../oci/image.js';

/**
 * Where the registry driver writes one repository's images: a repository on a registry, or a name
 * inside an OCI image layout. The copy logic knows nothing else of either.
 */
export interface CopyTarget {
  readonly name: string;
  /** The registry repository this is, when it is one: a source read from it needs no copy at all. */
  readonly origin?: RegistryOrigin;
  /** The digest `tag` points at now, or undefined. */
  tagDigest(tag: string): Promise<string | undefined>;
  hasManifest(digest: string): Promise<boolean>;
  hasBlob(digest: string): Promise<boolean>;
  /** Links a blob from another repository of the same store without moving bytes; false when it cannot. */
  mountBlob(digest: string, from: RegistryOrigin): Promise<boolean>;
  /** Stores a blob from `open()` (called again when a try starts over), taking it chunk by chunk (see BlobReader). */
  putBlob(descriptor: Descriptor, open: () => Promise<BlobReader>): Promise<void>;
  /** Stores the manifest's exact bytes under `reference` (a tag, or its own digest); returns its digest. */
  putManifest(reference: string, node: ManifestNode): Promise<string>;
}
