import type { RepositoryReport } from '../indexes/repository-updater.js';
import type { SignatureRecord } from '../signing/signature-record.js';
import type { CdnInvalidationRecord } from './cdn-invalidation.js';

/** What an execution of the plan published: the outputs and the summary are made of it. */
export interface PublishedImage {
  readonly ref: string;
  readonly digest: string;
}

/** One tag this run pushed: the digest it held before (undefined: it did not exist) and the one it holds now. */
export interface TagChange {
  readonly ref: string;
  readonly before: string | undefined;
  readonly after: string;
}

export interface PublishedPackage {
  readonly file: string;
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

export interface Executed {
  readonly images: PublishedImage[];
  /** Full references of the tags this run created or moved to another digest (mirrors' too), in order. */
  readonly changedTags: string[];
  /** Every tag pushed, before → after, in order (the summary's table). */
  readonly tagChanges: TagChange[];
  readonly packages: PublishedPackage[];
  readonly repositories: RepositoryReport[];
  /** Every image signature, made by this run or already there (see SignatureRecord.state). */
  readonly signatures: SignatureRecord[];
  /** What the CDN was asked to invalidate (`cloudfront-distribution`), once its step ran. */
  cdnInvalidation?: CdnInvalidationRecord;
}

/** What a run that published nothing (a dry run, before execution) reports: every list empty. */
export function nothingExecuted(): Executed {
  return { images: [], changedTags: [], tagChanges: [], packages: [], repositories: [], signatures: [] };
}

/** Appends what one part of a run did to the whole run's record. */
export function mergeExecuted(into: Executed, part: Executed): void {
  into.images.push(...part.images);
  into.changedTags.push(...part.changedTags);
  into.tagChanges.push(...part.tagChanges);
  into.packages.push(...part.packages);
  into.repositories.push(...part.repositories);
  into.signatures.push(...part.signatures);
  if (part.cdnInvalidation !== undefined) into.cdnInvalidation = part.cdnInvalidation;
}
