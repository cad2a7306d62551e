/**
 * The S3 answers and connection failures the user can fix, by code, and the words the messages use for
 * what to do; s3-errors.ts classifies a failure by them.
 */

// What S3 and its look-alikes answer to keys that are wrong or expired.
export const CREDENTIAL_CODES: ReadonlySet<string> = new Set([
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'InvalidToken',
  'ExpiredToken',
  'TokenRefreshRequired',
]);
// ...to keys that are right but not allowed this.
export const DENIED_CODES: ReadonlySet<string> = new Set([
  'AccessDenied',
  'AllAccessDisabled',
  'AccountProblem',
]);
// ...to a request sent to the wrong region: AWS redirects (301) or names the region it expected.
export const REGION_CODES: ReadonlySet<string> = new Set([
  'PermanentRedirect',
  'AuthorizationHeaderMalformed',
  'IllegalLocationConstraintException',
]);
// Failures to reach the store at all that a wrong s3-endpoint (host, port, scheme, certificate) causes.
export const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
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

/** The credentials a message tells the user to check, named the ways a workflow gives them. */
export const CREDENTIALS =
  'AWS credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the role aws-actions/configure-aws-credentials assumed)';

/** What the credentials must be allowed, with the IAM actions that allow it. */
export const MAY =
  'read, write, list and delete objects in the bucket (s3:GetObject, s3:PutObject, s3:DeleteObject, s3:ListBucket)';
