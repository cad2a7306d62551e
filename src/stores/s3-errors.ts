import { errnoCode } from '../util/errno.js';
import { UserError } from '../util/errors.js';
import { ConditionalWritesUnsupported, PreconditionFailed } from './object-store.js';

/** The HTTP status and S3 error code of an SDK error, when it came from the server. */
export function s3Failure(error: unknown): { status?: number; code: string } | undefined {
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

// What S3 and its look-alikes answer to keys that are wrong or expired.
const CREDENTIAL_CODES = new Set([
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'InvalidToken',
  'ExpiredToken',
  'TokenRefreshRequired',
]);
// ...to keys that are right but not allowed this.
const DENIED_CODES = new Set(['AccessDenied', 'AllAccessDisabled', 'AccountProblem']);
// ...to a request sent to the wrong region: AWS redirects (301) or names the region it expected.
const REGION_CODES = new Set([
  'PermanentRedirect',
  'AuthorizationHeaderMalformed',
  'IllegalLocationConstraintException',
]);
// Failures to reach the store at all that a wrong s3-endpoint (host, port, scheme, certificate) causes.
const UNREACHABLE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const CREDENTIALS =
  'AWS credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the role aws-actions/configure-aws-credentials assumed)';

const MAY =
  'read, write, list and delete objects in the bucket (s3:GetObject, s3:PutObject, s3:DeleteObject, s3:ListBucket)';

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
  const failure = s3Failure(error);
  if (failure === undefined) return undefined;
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

/**
 * What a failed conditional PUT means. 412: someone else wrote first. 404 on If-Match: the object we
 * read is gone (AWS; radosgw says 412). 500: radosgw's answer to the loser of a real race, so re-read
 * and merge rather than fail. 501: the store has no conditional writes at all (Swift).
 */
export function conditionalPutError(error: unknown, key: string, ifMatch: boolean): Error | undefined {
  const failure = s3Failure(error);
  if (failure === undefined) return undefined;
  if (failure.status === 412 || (ifMatch && failure.status === 404 && failure.code !== 'NoSuchBucket')) {
    return new PreconditionFailed(`${key} changed since it was read (${failure.status})`);
  }
  if (failure.status === 500) {
    return new PreconditionFailed(
      `${key}: the store failed a conditional write (500), as radosgw does to a race's loser`,
    );
  }
  if (failure.status === 501 || failure.code === 'NotImplemented') {
    return new ConditionalWritesUnsupported(
      `${key}: the store does not implement conditional writes (If-Match / If-None-Match)`,
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
