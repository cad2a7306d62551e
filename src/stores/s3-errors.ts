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

export function isNotFound(error: unknown): boolean {
  const failure = s3Failure(error);
  return failure?.status === 404 || failure?.code === 'NoSuchKey' || failure?.code === 'NotFound';
}

// What S3 and its look-alikes answer to keys that are wrong, expired or not allowed here.
const CREDENTIAL_CODES = new Set([
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'InvalidToken',
  'ExpiredToken',
  'TokenRefreshRequired',
  'AccessDenied',
  'AllAccessDisabled',
]);

/**
 * Turns a failure the user can fix into a UserError that names the bucket. It says which code the
 * store gave, never what the SDK quoted from the request: no secret can leak into a workflow log.
 */
export function credentialsError(error: unknown, bucket: string): UserError | undefined {
  const subject = `s3://${bucket}`;
  const remedy =
    'check the AWS credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the role that ' +
    'aws-actions/configure-aws-credentials assumed), the region and s3-endpoint, and that they may write to the bucket';
  if (error instanceof Error && error.name === 'CredentialsProviderError') {
    return new UserError(subject, 'no AWS credentials were found', remedy);
  }
  const failure = s3Failure(error);
  if (failure === undefined) return undefined;
  if (CREDENTIAL_CODES.has(failure.code) || failure.status === 401 || failure.status === 403) {
    return new UserError(
      subject,
      `the store refused the request (${failure.status ?? '?'} ${failure.code})`,
      remedy,
    );
  }
  if (failure.code === 'NoSuchBucket') {
    return new UserError(
      subject,
      'the bucket does not exist',
      'create it, or fix the bucket in package-host',
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
  if (failure.status === 412 || (ifMatch && failure.status === 404)) {
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
