import { errnoCode } from '../util/errno.js';
import { UserError } from '../util/errors.js';
import {
  CREDENTIAL_CODES,
  CREDENTIALS,
  DENIED_CODES,
  MAY,
  REGION_CODES,
  UNREACHABLE_CODES,
} from './s3-error-codes.js';

/** The HTTP status and S3 error code of an SDK error that came from the server. */
export interface S3Failure {
  status?: number;
  code: string;
}

/** The HTTP status and S3 error code of an SDK error, when it came from the server. */
export function s3Failure(error: unknown): S3Failure | undefined {
  if (!(error instanceof Error) || !('$metadata' in error)) return undefined;
  const metadata = error.$metadata;
  const status =
    typeof metadata === 'object' && metadata !== null && 'httpStatusCode' in metadata
      ? metadata.httpStatusCode
      : undefined;
  return { status: typeof status === 'number' ? status : undefined, code: error.name };
}

/** The object is not there; a missing bucket (also a 404) is not this, but a mistake to report. */
export function isNotFound(error: unknown): boolean {
  const failure = s3Failure(error);
  if (failure === undefined || failure.code === 'NoSuchBucket') return false;
  return failure.status === 404 || failure.code === 'NoSuchKey' || failure.code === 'NotFound';
}

/** Where the store is, for the messages: its bucket, and the endpoint when it is not AWS. */
export interface S3Place {
  readonly bucket: string;
  readonly endpoint?: string;
}

/**
 * Turns a failure the user can fix (credentials, permissions, bucket, region, endpoint, clock) into a
 * UserError that names the bucket and says what to do; undefined for anything else. It says which
 * code the store gave, never what the SDK quoted from the request: no secret can leak into a workflow log.
 */
export function s3UserError(error: unknown, place: S3Place): UserError | undefined {
  const subject = `s3://${place.bucket}`;
  const local = unsentError(error, subject, place);
  if (local !== undefined) return local;
  const failure = s3Failure(error);
  return failure === undefined ? undefined : answerError(failure, subject, place);
}

/** A request that never reached the store: no credentials, no region, or no way to the endpoint. */
function unsentError(error: unknown, subject: string, place: S3Place): UserError | undefined {
  if (error instanceof Error && error.name === 'CredentialsProviderError') {
    return new UserError(
      subject,
      'no AWS credentials were found',
      `give the job ${CREDENTIALS}, e.g. with aws-actions/configure-aws-credentials`,
    );
  }
  if (error instanceof Error && error.message === 'Region is missing') {
    return new UserError(subject, 'no region is set', 'set s3-region, or AWS_REGION in the environment');
  }
  const unreachable = errnoCode(error);
  if (unreachable !== undefined && UNREACHABLE_CODES.has(unreachable)) {
    return new UserError(
      subject,
      `the store at ${place.endpoint === undefined ? 'AWS S3' : originOf(place.endpoint)} cannot be reached (${unreachable})`,
      place.endpoint === undefined
        ? "check the runner's network, or set s3-endpoint for an S3-compatible store"
        : 'check s3-endpoint (scheme, host, port, certificate) and that the runner can reach it',
    );
  }
  return undefined;
}

/** The store's answer, by its code and HTTP status, when it is one the user can fix. */
function answerError(failure: S3Failure, subject: string, place: S3Place): UserError | undefined {
  const answer = `(${failure.status ?? '?'} ${failure.code})`;
  if (failure.code === 'NoSuchBucket') {
    return new UserError(
      subject,
      `the bucket does not exist ${answer}`,
      place.endpoint === undefined
        ? 'create it, or fix the bucket in package-host'
        : 'create it, or fix the bucket in package-host or s3-endpoint',
    );
  }
  if (REGION_CODES.has(failure.code) || failure.status === 301) {
    return new UserError(
      subject,
      `the bucket is in another region than the one asked ${answer}`,
      "set s3-region (or AWS_REGION) to the bucket's region",
    );
  }
  if (failure.code === 'RequestTimeTooSkewed') {
    return new UserError(
      subject,
      `the store refused the request because the runner's clock is off ${answer}`,
      "set the runner's clock right (NTP)",
    );
  }
  if (CREDENTIAL_CODES.has(failure.code) || failure.status === 401) {
    return new UserError(
      subject,
      `the store rejected the AWS credentials ${answer}`,
      `check the ${CREDENTIALS}: right keys, not expired, for this store and region`,
    );
  }
  if (DENIED_CODES.has(failure.code)) {
    return new UserError(subject, `the store denied access ${answer}`, `let the ${CREDENTIALS} ${MAY}`);
  }
  if (failure.status === 403) {
    // A HEAD's answer has no body, so no code: wrong keys and missing permissions look the same.
    return new UserError(
      subject,
      `the store refused the request ${answer}`,
      `check the ${CREDENTIALS}, and that they may ${MAY}`,
    );
  }
  return undefined;
}

/** The endpoint as it may be shown: scheme, host and port, never user info. */
function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return 's3-endpoint';
  }
}
