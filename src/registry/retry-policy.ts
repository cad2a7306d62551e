import { isRetryableNetworkCode, parseRetryAfter, type RetryVerdict } from '../util/retry.js';
import { networkErrorCode, type Reply } from './transport.js';

/** Statuses that say "not now" rather than "no": a timeout, rate limiting, a server failure. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** A retryable answer, thrown so the retry loop sees it; the last one is handed back when retries run out. */
export class RetryableReply extends Error {
  override readonly name = 'RetryableReply';
  constructor(
    readonly reply: Reply,
    readonly now = Date.now(),
  ) {
    super(`HTTP ${reply.statusCode}`);
  }

  /** What the server asked to wait, if it did. */
  get retryAfterMs(): number | undefined {
    const header = this.reply.headers['retry-after'];
    return parseRetryAfter(Array.isArray(header) ? header[0] : header, this.now);
  }
}

/**
 * An upload whose session cannot go on (its token expired mid-stream, its PATCH failed): the
 * upload starts again with a new session and a re-opened stream.
 */
export class SessionLost extends Error {
  override readonly name = 'SessionLost';
}

export function retryVerdict(error: unknown): RetryVerdict {
  if (error instanceof RetryableReply) {
    const afterMs = error.retryAfterMs;
    return afterMs === undefined ? true : { afterMs };
  }
  if (error instanceof SessionLost) return true;
  const code = networkErrorCode(error);
  return isRetryableNetworkCode(code);
}

/** A short account of a failure for the log line that announces a retry. */
export function describeFailure(error: unknown): string {
  if (error instanceof RetryableReply) return error.message;
  return networkErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
}
