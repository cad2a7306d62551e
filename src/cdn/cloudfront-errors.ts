import { errnoCode } from '../util/errno.js';
import { UserError } from '../util/errors.js';

/** The AWS credentials the job gives, as the messages name them. */
const CREDENTIALS = 'AWS credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a role)';

/** CloudFront's answers to keys that are wrong or expired. */
const CREDENTIAL_CODES: ReadonlySet<string> = new Set([
  'SignatureDoesNotMatch',
  'InvalidClientTokenId',
  'IncompleteSignature',
  'ExpiredToken',
  'UnrecognizedClientException',
]);

const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
]);

/** The code of an error CloudFront answered with (`AccessDenied`), undefined for anything else. */
export function cloudFrontCode(error: unknown): string | undefined {
  return error instanceof Error && '$metadata' in error ? error.name : undefined;
}

function httpStatus(error: unknown): number | undefined {
  if (!(error instanceof Error) || !('$metadata' in error)) return undefined;
  const metadata = error.$metadata;
  const status =
    typeof metadata === 'object' && metadata !== null && 'httpStatusCode' in metadata
      ? metadata.httpStatusCode
      : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** Where the failure happened, for the messages: the input's subject and the work it leaves to do. */
export interface FailurePlace {
  /** `cloudfront-distribution: E2QWRUHEXAMPLE` */
  readonly subject: string;
  /** What the user can run meanwhile, e.g. the aws CLI command that invalidates the same paths. */
  readonly byHand: string;
}

/**
 * Turns a failure the user can fix (credentials, permissions, the distribution's ID, the network) into a
 * UserError; undefined for anything else. The packages are already published when an invalidation
 * fails, so every message says how to invalidate by hand. Only the code CloudFront gave is quoted, never
 * the request: no secret can reach the log.
 */
export function cloudFrontUserError(error: unknown, place: FailurePlace): UserError | undefined {
  const { subject, byHand } = place;
  if (error instanceof Error && error.name === 'CredentialsProviderError') {
    return new UserError(subject, 'no AWS credentials were found', `give the job ${CREDENTIALS}; ${byHand}`);
  }
  const unreachable = errnoCode(error);
  if (unreachable !== undefined && UNREACHABLE_CODES.has(unreachable)) {
    return new UserError(
      subject,
      `CloudFront cannot be reached (${unreachable})`,
      `check the runner's network; ${byHand}`,
    );
  }
  const code = cloudFrontCode(error);
  if (code === undefined) return undefined;
  if (CREDENTIAL_CODES.has(code)) {
    return new UserError(
      subject,
      `CloudFront rejected the AWS credentials (${code})`,
      `check the ${CREDENTIALS}: right keys, not expired; ${byHand}`,
    );
  }
  if (code === 'AccessDenied') {
    return new UserError(
      subject,
      'the AWS credentials may not invalidate this distribution (AccessDenied)',
      `grant the job's role cloudfront:CreateInvalidation, and cloudfront:GetInvalidation for cloudfront-wait, on this distribution; ${byHand}`,
    );
  }
  const status = httpStatus(error);
  if (status !== undefined && status >= 500) {
    // The SDK has already asked again a few times: CloudFront itself is failing, not the request.
    return new UserError(
      subject,
      `CloudFront failed to answer (${status} ${code})`,
      `run again later; ${byHand}`,
    );
  }
  if (code === 'NoSuchDistribution') {
    return new UserError(
      subject,
      'no such distribution in the account of the AWS credentials (NoSuchDistribution)',
      `set cloudfront-distribution to the distribution's ID (E…, in the CloudFront console); ${byHand}`,
    );
  }
  return undefined;
}
