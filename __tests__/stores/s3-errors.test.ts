import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conditionalPutError } from '../../src/stores/s3-conditional-errors.js';
import { isNotFound, s3UserError } from '../../src/stores/s3-errors.js';
import { PreconditionFailed, WriteOutcomeUnknown } from '../../src/stores/object-store.js';
import { S3Store } from '../../src/stores/s3-store.js';
import { UserError } from '../../src/util/errors.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

const CREDENTIALS =
  'AWS credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the role aws-actions/configure-aws-credentials assumed)';
const MAY =
  'read, write, list and delete objects in the bucket (s3:GetObject, s3:PutObject, s3:DeleteObject, s3:ListBucket)';

/** An error as the SDK throws it for a server's answer: the S3 code as its name, the status in $metadata. */
function answer(status: number, code: string): Error {
  const error = new Error(`the SDK's own text, which may quote the request: secret-1234`);
  error.name = code;
  return Object.assign(error, { $metadata: { httpStatusCode: status } });
}

const errno = (code: string): Error => Object.assign(new Error(`connect ${code} secret-1234`), { code });

describe('s3UserError', () => {
  const aws = { bucket: 'falco-distribution' };
  const swift = { bucket: 'falco-distribution', endpoint: 'https://user:pw@s3.example.com:8080/base' };

  it.each<[string, Error, { bucket: string; endpoint?: string }, string]>([
    [
      'no credentials at all',
      Object.assign(new Error('Could not load credentials from any providers'), {
        name: 'CredentialsProviderError',
      }),
      aws,
      `no AWS credentials were found — give the job ${CREDENTIALS}, e.g. with aws-actions/configure-aws-credentials`,
    ],
    [
      'no region',
      new Error('Region is missing'),
      aws,
      'no region is set — set s3-region, or AWS_REGION in the environment',
    ],
    [
      'a wrong secret',
      answer(403, 'SignatureDoesNotMatch'),
      aws,
      `the store rejected the AWS credentials (403 SignatureDoesNotMatch) — check the ${CREDENTIALS}: right keys, not expired, for this store and region`,
    ],
    [
      'an unknown key',
      answer(403, 'InvalidAccessKeyId'),
      aws,
      `the store rejected the AWS credentials (403 InvalidAccessKeyId) — check the ${CREDENTIALS}: right keys, not expired, for this store and region`,
    ],
    [
      'an expired session',
      answer(400, 'ExpiredToken'),
      aws,
      `the store rejected the AWS credentials (400 ExpiredToken) — check the ${CREDENTIALS}: right keys, not expired, for this store and region`,
    ],
    [
      'keys without the permission',
      answer(403, 'AccessDenied'),
      aws,
      `the store denied access (403 AccessDenied) — let the ${CREDENTIALS} ${MAY}`,
    ],
    [
      'a 403 without a code (HEAD)',
      answer(403, 'Unknown'),
      aws,
      `the store refused the request (403 Unknown) — check the ${CREDENTIALS}, and that they may ${MAY}`,
    ],
    [
      'a missing bucket on AWS',
      answer(404, 'NoSuchBucket'),
      aws,
      'the bucket does not exist (404 NoSuchBucket) — create it, or fix the bucket in package-host',
    ],
    [
      'a missing bucket on another store',
      answer(404, 'NoSuchBucket'),
      swift,
      'the bucket does not exist (404 NoSuchBucket) — create it, or fix the bucket in package-host or s3-endpoint',
    ],
    [
      'a bucket in another region (redirect)',
      answer(301, 'PermanentRedirect'),
      aws,
      "the bucket is in another region than the one asked (301 PermanentRedirect) — set s3-region (or AWS_REGION) to the bucket's region",
    ],
    [
      'a bucket in another region (HEAD: no code)',
      answer(301, 'Unknown'),
      aws,
      "the bucket is in another region than the one asked (301 Unknown) — set s3-region (or AWS_REGION) to the bucket's region",
    ],
    [
      'a request signed for another region',
      answer(400, 'AuthorizationHeaderMalformed'),
      aws,
      "the bucket is in another region than the one asked (400 AuthorizationHeaderMalformed) — set s3-region (or AWS_REGION) to the bucket's region",
    ],
    [
      "a runner's clock that is off",
      answer(403, 'RequestTimeTooSkewed'),
      aws,
      "the store refused the request because the runner's clock is off (403 RequestTimeTooSkewed) — set the runner's clock right (NTP)",
    ],
    [
      'an endpoint whose host does not exist',
      errno('ENOTFOUND'),
      swift,
      'the store at https://s3.example.com:8080 cannot be reached (ENOTFOUND) — check s3-endpoint (scheme, host, port, certificate) and that the runner can reach it',
    ],
    [
      'an endpoint with a certificate for another name',
      errno('ERR_TLS_CERT_ALTNAME_INVALID'),
      swift,
      'the store at https://s3.example.com:8080 cannot be reached (ERR_TLS_CERT_ALTNAME_INVALID) — check s3-endpoint (scheme, host, port, certificate) and that the runner can reach it',
    ],
    [
      'AWS out of reach',
      errno('EAI_AGAIN'),
      aws,
      "the store at AWS S3 cannot be reached (EAI_AGAIN) — check the runner's network, or set s3-endpoint for an S3-compatible store",
    ],
  ])('%s is one line naming the bucket and what to do, without the request', (_, error, place, problem) => {
    const explained = s3UserError(error, place);
    expect(explained).toBeInstanceOf(UserError);
    expect(explained?.message).toBe(`s3://falco-distribution: ${problem}`);
    expect(explained?.message).not.toContain('secret-1234');
    expect(explained?.message).not.toContain('pw');
  });

  it.each([
    ['a server error', answer(500, 'InternalError')],
    ['a conflict', answer(409, 'OperationAborted')],
    ['a lost conditional write', answer(412, 'PreconditionFailed')],
    ['a connection reset mid-way', errno('ECONNRESET')],
    ['a defect', new Error('something else')],
  ])('leaves %s as it is', (_, error) => {
    expect(s3UserError(error, { bucket: 'b' })).toBeUndefined();
  });

  it('a conditional write: 409 conflicts are lost races, 500s and broken connections of unknown outcome', () => {
    expect(conditionalPutError(answer(409, 'ConditionalRequestConflict'), 'k', true)).toBeInstanceOf(
      PreconditionFailed,
    );
    expect(conditionalPutError(answer(500, 'InternalError'), 'k', false)).toBeInstanceOf(WriteOutcomeUnknown);
    expect(conditionalPutError(answer(503, 'ServiceUnavailable'), 'k', true)).toBeInstanceOf(
      WriteOutcomeUnknown,
    );
    expect(conditionalPutError(errno('ECONNRESET'), 'k', true)).toBeInstanceOf(WriteOutcomeUnknown);
    expect(conditionalPutError(answer(409, 'BucketNotEmpty'), 'k', true)).toBeUndefined();
  });

  it('a missing bucket is neither a missing object nor a lost conditional write', () => {
    expect(isNotFound(answer(404, 'NoSuchBucket'))).toBe(false);
    expect(isNotFound(answer(404, 'NoSuchKey'))).toBe(true);
    expect(isNotFound(answer(404, 'NotFound'))).toBe(true);
    expect(conditionalPutError(answer(404, 'NoSuchBucket'), 'k', true)).toBeUndefined();
    expect(conditionalPutError(answer(404, 'NoSuchKey'), 'k', true)).toBeInstanceOf(PreconditionFailed);
  });
});

describe('S3Store reports what the user must fix as a UserError', () => {
  // A stand-in that answers every request with one S3 error, as AWS would.
  let server: Server;
  let endpoint = '';
  let reply: { status: number; code: string } = { status: 404, code: 'NoSuchBucket' };
  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(reply.status, { 'content-type': 'application/xml' });
        // Answers to HEAD have no body: the SDK knows only the status.
        response.end(
          request.method === 'HEAD'
            ? undefined
            : `<?xml version="1.0"?><Error><Code>${reply.code}</Code><Message>quoted request</Message></Error>`,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise((resolve) => server.close(resolve)));

  const store = (): S3Store =>
    new S3Store({
      bucket: 'falco-distribution',
      prefix: 'packages',
      endpoint,
      credentials: { accessKeyId: 'key', secretAccessKey: 'not-the-secret-5e1f' },
    });

  it.each([
    [404, 'NoSuchBucket', 'the bucket does not exist (404 NoSuchBucket)'],
    [403, 'AccessDenied', 'the store denied access (403 AccessDenied)'],
    [403, 'SignatureDoesNotMatch', 'the store rejected the AWS credentials (403 SignatureDoesNotMatch)'],
    [301, 'PermanentRedirect', 'the bucket is in another region than the one asked (301 PermanentRedirect)'],
  ])('%i %s', async (status, code, problem) => {
    reply = { status, code };
    for (const attempt of [
      () => store().get('deb/dists/stable/Release'),
      () => store().put('deb/stable/falco.deb', Buffer.from('x')),
      () => store().put('deb/stable/falco.deb', Buffer.from('x'), { ifNoneMatch: true }),
      () => store().list('deb/'),
    ]) {
      const error = await asyncUserErrorOf(attempt());
      expect(error.message).toContain(`s3://falco-distribution: ${problem} — `);
      expect(error.message).not.toContain('not-the-secret-5e1f');
    }
  });

  it('an endpoint nothing listens on', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = new S3Store({
      bucket: 'falco-distribution',
      prefix: 'packages',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
    });
    const error = await asyncUserErrorOf(unreachable.head('deb/stable/falco.deb'));
    expect(error.message).toBe(
      `s3://falco-distribution: the store at http://127.0.0.1:${port} cannot be reached (ECONNREFUSED) — check s3-endpoint (scheme, host, port, certificate) and that the runner can reach it`,
    );
  });
});
