/** An invalidation the CDN accepted. */
export interface Invalidation {
  readonly id: string;
  /** `InProgress`, or `Completed`. */
  readonly status: string;
}

/**
 * A CDN in front of the package host: after a publish, its cached copies of the files the run replaced
 * are dropped, so clients get the new indexes now rather than when the cache expires.
 */
export interface CdnInvalidator {
  /** What is invalidated, for logs and messages: `CloudFront distribution E2QWRUHEXAMPLE`. */
  readonly description: string;
  /** One invalidation of these paths (wildcards allowed), asked again while the CDN is busy with others. */
  invalidate(paths: readonly string[]): Promise<Invalidation>;
  /** Returns once the invalidation is completed; gives up after a bounded wait. */
  waitUntilCompleted(id: string): Promise<void>;
}
