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
 * An image (or multi-arch index) read from a source, ready to copy: the manifest tree, and a way to stream
 * any of its blobs. Never holds a blob in memory.
 */
export interface SourceImage {
  /** The source as the user wrote it, for logs and errors. */
  readonly name: string;
  readonly root: ManifestNode;
  readonly origin?: RegistryOrigin;
  openBlob(descriptor: Descriptor): Promise<Readable>;
  /** Releases what reading the source set up (temporary files). */
  close(): Promise<void>;
}
