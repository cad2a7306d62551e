import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

// AWS Signature Version 4, checked as the service checks it: the canonical request is rebuilt from what
// arrived, signed with the secret the checker knows, and compared. Written from the published
// specification, not from the SDK that signs, so the two cannot share a mistake.

export interface SignedRequest {
  readonly method: string;
  /** The path and query as sent (percent-encoded). */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface SignatureScope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

/** What was wrong with a signature (an AWS error code and why), or the scope it was made for. */
export type SignatureVerdict =
  | { readonly ok: true; readonly scope: SignatureScope }
  | { readonly ok: false; readonly code: string; readonly reason: string };

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

/** Requests signed more than this far from the server's clock are refused, as AWS does. */
const MAX_SKEW_MS = 15 * 60_000;

export function checkSignature(
  request: SignedRequest,
  secretOf: (accessKeyId: string) => string | undefined,
  now: Date = new Date(),
): SignatureVerdict {
  const authorization = single(request.headers.authorization);
  const match = AUTHORIZATION.exec(authorization ?? '');
  if (!match) return refuse('IncompleteSignature', `Authorization is not a SigV4 header: ${authorization}`);
  const [, accessKeyId = '', date = '', region = '', service = '', signedList = '', signature = ''] = match;
  const amzDate = single(request.headers['x-amz-date']);
  if (amzDate === undefined || !/^\d{8}T\d{6}Z$/.test(amzDate))
    return refuse('IncompleteSignature', 'no X-Amz-Date');
  if (!amzDate.startsWith(date)) return refuse('SignatureDoesNotMatch', 'the scope date is not X-Amz-Date');
  const signedAt = Date.parse(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  if (Math.abs(now.getTime() - signedAt) > MAX_SKEW_MS)
    return refuse('RequestTimeTooSkewed', 'signed too far from now');
  const signed = signedList.split(';');
  if (!signed.includes('host') || !signed.includes('x-amz-date'))
    return refuse('SignatureDoesNotMatch', `host and x-amz-date must be signed, got ${signedList}`);
  if ([...signed].sort().join(';') !== signedList)
    return refuse('SignatureDoesNotMatch', 'SignedHeaders not sorted');
  const secret = secretOf(accessKeyId);
  if (secret === undefined) return refuse('InvalidClientTokenId', `unknown access key ${accessKeyId}`);
  const payloadHash = sha256Hex(request.body);
  const declared = single(request.headers['x-amz-content-sha256']);
  if (declared !== undefined && declared !== payloadHash)
    return refuse('SignatureDoesNotMatch', 'x-amz-content-sha256 is not the body');
  const canonical = [
    request.method,
    canonicalPath(request.url),
    canonicalQuery(request.url),
    ...signed.map((name) => `${name}:${headerValue(request.headers[name])}`),
    '',
    signedList,
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(Buffer.from(canonical))].join('\n');
  const key = ['aws4_request'].reduce(
    (k, part) => hmac(k, part),
    hmac(hmac(hmac(`AWS4${secret}`, date), region), service),
  );
  if (hmac(key, toSign).toString('hex') !== signature)
    return refuse('SignatureDoesNotMatch', 'the signature does not match');
  return { ok: true, scope: { accessKeyId, date, region, service } };
}

/** Each segment encoded again (non-S3 services sign the path as sent, encoded once more). */
function canonicalPath(url: string): string {
  const path = url.split('?')[0] ?? '/';
  return path
    .split('/')
    .map((segment) => encodeRfc3986(segment))
    .join('/');
}

function canonicalQuery(url: string): string {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  if (query === '') return '';
  return query
    .split('&')
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=');
      return [encodeRfc3986(decodeURIComponent(name)), encodeRfc3986(decodeURIComponent(value))] as const;
    })
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function headerValue(value: string | string[] | undefined): string {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined.trim().replace(/\s+/g, ' ');
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function refuse(code: string, reason: string): SignatureVerdict {
  return { ok: false, code, reason };
}
