import type { Readable } from 'node:stream';
import type { PartDigests } from '../util/part-digests.js';

/** What a store says about an object without reading it. */
export interface ObjectInfo {
  /** The store's version tag of the object (S3 ETag, unquoted), for conditional writes. */
  readonly etag: string;
  readonly size: number;
  /** User metadata (S3 `x-amz-meta-*`), e.g. `sha256`. */
  readonly metadata: Readonly<Record<string, string>>;
}

export interface PutOptions {
  /** Replace only if the object still has this ETag (compare-and-swap). */
  readonly ifMatch?: string;
  /** Create only: fail if the object exists. */
  readonly ifNoneMatch?: boolean;
  readonly contentType?: string;
  readonly cacheControl?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** A key found by listing, with when it was last written (for grace periods before deleting). */
export interface ListedObject {
  readonly key: string;
  readonly lastModified: Date;
}

/**
 * The body of a put: bytes (indexes) or a local file streamed from disk (packages, any size), with
 * the sha256 of each of its upload parts when they were taken as the file was validated.
 */
export type PutBody =
  Buffer | { readonly file: string; readonly size: number; readonly parts?: PartDigests | undefined };

/** A conditional write lost: someone else changed (or created) the object since it was read. */
export class PreconditionFailed extends Error {
  override readonly name = 'PreconditionFailed';
}

/**
 * A write whose outcome is not known: the store answered 500 (radosgw's answer to a race's loser, AWS's
 * occasional InternalError) or the connection broke before the answer. It may have landed or not: the
 * writer looks at the object before going on, never takes it for either.
 */
export class WriteOutcomeUnknown extends Error {
  override readonly name = 'WriteOutcomeUnknown';
}

/** The store refused a conditional write as not implemented (Swift's s3api answers 501). */
export class ConditionalWritesUnsupported extends Error {
  override readonly name = 'ConditionalWritesUnsupported';
}

/**
 * The port repositories are kept through: a flat key → object store (a directory, an S3 bucket). Keys
 * are `/`-separated paths relative to the store's root (`deb/dists/stable/Release`).
 */
export interface ObjectStore {
  readonly description: string;
  /**
   * True when the store's conditional writes hold by construction (a local directory: O_EXCL locks
   * and atomic renames), so a host never probes them; absent when they must be found out (S3 look-alikes).
   */
  readonly conditionalWritesGuaranteed?: boolean;
  head(key: string): Promise<ObjectInfo | undefined>;
  get(key: string): Promise<{ readonly bytes: Buffer; readonly info: ObjectInfo } | undefined>;
  open(key: string): Promise<Readable | undefined>;
  /**
   * The part size a file of `size` bytes is uploaded in, if the store takes it in parts checked by
   * their sha256 (S3 multipart); absent or undefined when it takes files whole.
   */
  uploadPartSize?(size: number): number | undefined;
  /** Writes and returns the new ETag; throws PreconditionFailed or ConditionalWritesUnsupported. */
  put(key: string, body: PutBody, options?: PutOptions): Promise<string>;
  delete(key: string): Promise<void>;
  /** Every key under `prefix`, sorted. */
  list(prefix: string): Promise<string[]>;
  /** Every object under `prefix` with its last-modified time, sorted by key. */
  entries(prefix: string): Promise<ListedObject[]>;
}

/** Indexes and signatures change under their name: clients must ask again every time. */
export const NO_CACHE = 'no-cache';
/** Content-addressed files (by-hash indexes, hash-named repodata) and packages never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A store with what the publish learnt about it: whether it keeps conditional-write promises. */
export interface RepositoryStore {
  readonly store: ObjectStore;
  /** False on a store without If-Match/If-None-Match (Swift), used only when publishers are serialized. */
  readonly conditional: boolean;
}
