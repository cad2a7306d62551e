import { describe, expect, it } from 'vitest';
import { RequestError } from 'got';
import {
  isRetryableStatus,
  RetryableReply,
  retryVerdict,
  SessionLost,
} from '../../src/registry/retry-policy.js';
import type { Reply } from '../../src/registry/transport.js';
import { UserError } from '../../src/util/errors.js';

const reply = (statusCode: number, headers: Record<string, string> = {}): Reply => ({
  statusCode,
  headers,
  url: 'http://127.0.0.1:5000/v2/',
  body: Buffer.alloc(0),
});

/** A got error as a refused connection produces it. */
function networkError(code: string): RequestError {
  return new RequestError(
    'connect failed',
    Object.assign(new Error('connect failed'), { code }),
    undefined as never,
  );
}

describe('the registry retry policy', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });

  it.each([400, 401, 403, 404, 405, 409, 413, 416])('does not retry HTTP %i', (status) => {
    expect(isRetryableStatus(status)).toBe(false);
  });

  it('waits what Retry-After says (seconds or an HTTP-date)', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(retryVerdict(new RetryableReply(reply(429, { 'retry-after': '7' }), now))).toEqual({
      afterMs: 7000,
    });
    expect(
      retryVerdict(new RetryableReply(reply(503, { 'retry-after': 'Sun, 01 Mar 2026 12:00:02 GMT' }), now)),
    ).toEqual({ afterMs: 2000 });
    expect(retryVerdict(new RetryableReply(reply(503)))).toBe(true);
  });

  it.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ERR_STREAM_PREMATURE_CLOSE'])(
    'retries the network failure %s',
    (code) => {
      expect(retryVerdict(networkError(code))).toBe(true);
    },
  );

  it('does not retry a name that does not resolve, a user error or a bug', () => {
    expect(retryVerdict(networkError('ENOTFOUND'))).toBe(false);
    expect(retryVerdict(new UserError('x', 'bad digest'))).toBe(false);
    expect(retryVerdict(new TypeError('bug'))).toBe(false);
  });

  it('restarts an upload whose session was lost', () => {
    expect(retryVerdict(new SessionLost('HTTP 404 for the chunk at 0'))).toBe(true);
  });
});
