import { randomBytes } from 'node:crypto';
import {
  CloudFrontClient,
  CreateInvalidationCommand,
  GetInvalidationCommand,
} from '@aws-sdk/client-cloudfront';
import { UserError } from '../util/errors.js';
import { realSleep, retryAndBackoff } from '../util/retry.js';
import { cloudFrontCode, cloudFrontUserError } from './cloudfront-errors.js';
import type { CdnInvalidator, Invalidation } from './invalidator.js';

export interface CloudFrontOptions {
  readonly distribution: string;
  /** Another CloudFront API endpoint (a stand-in in tests); the real one when absent. */
  readonly endpoint?: string;
  /** Explicit keys; otherwise the SDK's default chain (environment, profile, web identity, instance role). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Injectable so tests never wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

/**
 * Another publisher's invalidations may hold the distribution's quota for a few minutes: the request is
 * asked again, backing off, for about this long at most.
 */
const BUSY_RETRIES = 6;
const BUSY_BASE_MS = 5_000;
const BUSY_MAX_MS = 60_000;
/** Invalidations take from seconds to a few minutes; one still in progress after this is reported. */
export const WAIT_LIMIT_MS = 15 * 60_000;
const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 20_000;

/**
 * Invalidates paths of a CloudFront distribution (CreateInvalidation, GetInvalidation). Every attempt of
 * one invalidation carries the same CallerReference: CloudFront answers a repeated one with the
 * invalidation it already made, so a retry after a lost answer never invalidates twice.
 */
export class CloudFrontInvalidator implements CdnInvalidator {
  readonly description: string;
  private readonly client: CloudFrontClient;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly subject: string;

  constructor(private readonly options: CloudFrontOptions) {
    this.description = `CloudFront distribution ${options.distribution}`;
    this.subject = `cloudfront-distribution: ${options.distribution}`;
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.client = new CloudFrontClient({
      // CloudFront is global; its API signs for us-east-1 (and a stand-in endpoint is asked the same way).
      region: 'us-east-1',
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      // AWS_ENDPOINT_URL may point the job's S3 client at an S3-compatible store: CloudFront is not there.
      ignoreConfiguredEndpointUrls: true,
      credentials: options.credentials,
      requestHandler: { connectionTimeout: 10_000, socketTimeout: 60_000 },
      logger: QUIET,
    });
  }

  async invalidate(paths: readonly string[]): Promise<Invalidation> {
    const reference = `falco-publisher-${new Date(this.now()).toISOString()}-${randomBytes(4).toString('hex')}`;
    const request = new CreateInvalidationCommand({
      DistributionId: this.options.distribution,
      InvalidationBatch: { CallerReference: reference, Paths: { Quantity: paths.length, Items: [...paths] } },
    });
    const byHand = byHandCommand(this.options.distribution, paths);
    try {
      const answer = await retryAndBackoff(
        () => this.client.send(request),
        (error) => cloudFrontCode(error) === 'TooManyInvalidationsInProgress',
        { retries: BUSY_RETRIES, baseMs: BUSY_BASE_MS, maxMs: BUSY_MAX_MS, sleep: this.sleep },
      );
      const id = answer.Invalidation?.Id;
      if (id === undefined)
        throw new Error('CloudFront answered CreateInvalidation without an invalidation ID');
      return { id, status: answer.Invalidation?.Status ?? 'InProgress' };
    } catch (error) {
      if (cloudFrontCode(error) === 'TooManyInvalidationsInProgress') {
        throw new UserError(
          this.subject,
          `other invalidations in progress still hold the distribution's quota (TooManyInvalidationsInProgress), after ${BUSY_RETRIES + 1} attempts`,
          `wait for them to complete, then ${byHand}`,
        );
      }
      throw cloudFrontUserError(error, { subject: this.subject, byHand }) ?? error;
    }
  }

  async waitUntilCompleted(id: string): Promise<void> {
    const deadline = this.now() + WAIT_LIMIT_MS;
    const check = `see it with: aws cloudfront get-invalidation --distribution-id ${this.options.distribution} --id ${id}`;
    for (let pause = FIRST_POLL_MS; ; pause = Math.min(pause * 2, MAX_POLL_MS)) {
      let status: string | undefined;
      try {
        const answer = await this.client.send(
          new GetInvalidationCommand({ DistributionId: this.options.distribution, Id: id }),
        );
        status = answer.Invalidation?.Status;
      } catch (error) {
        throw cloudFrontUserError(error, { subject: this.subject, byHand: check }) ?? error;
      }
      if (status === 'Completed') return;
      if (this.now() + pause > deadline) {
        throw new UserError(
          this.subject,
          `invalidation ${id} is still ${status ?? 'not reported'} after ${WAIT_LIMIT_MS / 60_000} minutes`,
          `it goes on without this run: ${check}; set cloudfront-wait: false not to wait for it`,
        );
      }
      await this.sleep(pause);
    }
  }
}

/** How to invalidate the same paths without this run: the command itself, or where the paths are listed. */
function byHandCommand(distribution: string, paths: readonly string[]): string {
  const command = `aws cloudfront create-invalidation --distribution-id ${distribution} --paths`;
  return paths.length <= LISTED_PATHS
    ? `invalidate by hand: ${command} ${paths.map(shellWord).join(' ')}`
    : `invalidate by hand the ${paths.length} paths the log lists above: ${command} <paths>`;
}

/** A message lists the paths up to this many: it stays one readable line. */
const LISTED_PATHS = 10;

/** A path as one shell word: quoted, since `*` would otherwise be expanded by the shell. */
function shellWord(path: string): string {
  return `'${path.replace(/'/g, `'\\''`)}'`;
}

const ignore = (): void => undefined;
const QUIET = { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore };
