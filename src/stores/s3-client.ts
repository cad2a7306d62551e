import { S3Client } from '@aws-sdk/client-s3';
import type { ProgressReporting } from '../util/progress.js';

/** Where an S3Store lives and how to reach it. */
export interface S3StoreOptions {
  readonly bucket: string;
  /** The store's root inside the bucket (`falco/packages`); empty for the whole bucket. */
  readonly prefix: string;
  /** An S3-compatible store's URL (Swift, radosgw, MinIO); AWS S3 when absent. */
  readonly endpoint?: string;
  /** Taken from the AWS environment (AWS_REGION...) when absent; us-east-1 for a custom endpoint. */
  readonly region?: string;
  /** Bucket in the path instead of the host name; the default when an endpoint is given. */
  readonly forcePathStyle?: boolean;
  /** Explicit keys; otherwise the SDK's default chain (environment, profile, web identity, instance role). */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
  /** Where the progress of uploads over 64 MiB is told; nowhere when absent. */
  readonly progress?: ProgressReporting;
}

/**
 * A client that works on S3-compatible stores as well as on AWS: the SDK's default checksums stream
 * the body as aws-chunked with a trailing CRC, which Swift answers with 501, so checksums are only
 * sent where an operation requires them. `retries: false` gives a client that tries once, for requests
 * that must not be repeated blindly (a conditional PUT whose first attempt may have landed).
 */
export function createS3Client(options: S3StoreOptions, retries: boolean): S3Client {
  return new S3Client({
    region: options.region ?? (options.endpoint === undefined ? undefined : 'us-east-1'),
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? options.endpoint !== undefined,
    credentials: options.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(retries ? {} : { maxAttempts: 1 }),
    // The SDK waits forever by default: a store that stops answering would hold the job until the
    // workflow's own timeout. A request may take long while bytes move; 60 s of silence ends it (and a
    // retrying client asks again), as the registry client does.
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, socketTimeout: SILENCE_TIMEOUT_MS },
    // The SDK warns on the console when a streamed PUT fails, e.g. the 412 a create-only write gets when
    // another publisher was first: an expected answer this store turns into its own error, not news.
    logger: QUIET,
  });
}

const CONNECT_TIMEOUT_MS = 10_000;
const SILENCE_TIMEOUT_MS = 60_000;

const ignore = (): void => undefined;
const QUIET = { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore };
