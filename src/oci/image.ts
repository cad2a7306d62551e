import type { Readable } from 'node:stream';
import type { Descriptor } from './descriptor.js';

/**
 * A manifest exactly as stored (its bytes are what gets pushed, so its digest never changes), with what it
 * refers to: child manifests for an index, config + layers for an image manifest.
 */
export interface ManifestNode {
  readonly digest: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
  /** For an index: the child manifests, in the index's order. Empty for an image manifest. */
  readonly children: readonly ManifestNode[];
  /** For an image manifest: the config, then the layers. Empty for an index. */
  readonly blobs: readonly Descriptor[];
}

/** Where a source image's blobs come from when it lives in a registry: a target on the same registry can mount them. */
export interface RegistryOrigin {
  readonly registry: string;
  readonly repository: string;
}

/**
 * A blob's bytes, read chunk by chunk. The chunks may share one buffer (see FileChunks): a reader is
 * done with a chunk once it asks for the next, and keeps a copy of what it needs longer. `destroy`
 * lets go of what is behind it (a file, a connection), whether it was read or not. A Readable is one.
 */
export interface BlobReader extends AsyncIterable<Buffer> {
  destroy(): void;
}

/**
 * An image (or multi-arch index) read from a source, ready to copy: the manifest tree, and a way to stream
 * any of its blobs. Never holds a blob in memory.
 */
export interface SourceImage {
  /** The source as the user wrote it, for logs and errors. */
  readonly name: string;
  readonly root: ManifestNode;
  readonly origin?: RegistryOrigin;
  /** A blob as a stream whose chunks stay valid (to keep, or pipe anywhere). */
  openBlob(descriptor: Descriptor): Promise<Readable>;
  /** A blob for a reader that takes it chunk by chunk: as cheap as the source can give it (see BlobReader). */
  readBlob(descriptor: Descriptor): Promise<BlobReader>;
  /** Releases what reading the source set up (temporary files). */
  close(): Promise<void>;
}
