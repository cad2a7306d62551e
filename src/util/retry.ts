import { setTimeout as delay } from 'node:timers/promises';

/**
 * What to do after a failure: give up (false), back off (true), or wait as long as the server asked
 * (`Retry-After`, in milliseconds).
 */
export type RetryVerdict = boolean | { readonly afterMs: number };

export interface RetryOptions {
  /** Attempts after the first one. */
  readonly retries: number;
  /** The backoff ceiling of the first retry; it doubles with each retry... */
  readonly baseMs: number;
  /** ...up to this. */
  readonly maxMs: number;
  /** Injectable so tests never wait. */
  readonly sleep: (ms: number) => Promise<void>;
  /** [0, 1), injectable so tests can pin the jitter. */
  readonly random?: () => number;
  /** Told before each wait, e.g. to log what is retried. */
  readonly onRetry?: (error: unknown, delayMs: number, retry: number) => void;
}

/** A server that asks for longer than this is waited for this long, then asked again. */
export const MAX_RETRY_AFTER_MS = 60_000;

export const realSleep = (ms: number): Promise<void> => delay(ms);

/**
 * Exponential backoff with full jitter (a uniform wait in [0, min(max, base·2^n)]): retries of many
 * clients spread out instead of hitting a recovering server together.
 */
export function backoffDelay(retry: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** A `Retry-After` value (delay-seconds or an HTTP-date) in milliseconds from `now`; undefined when unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  // Only an HTTP-date has a weekday or month name: Date.parse would also read "1.5" as a year.
  if (!/[a-z]/i.test(text) || Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Runs `fn` until it succeeds, `isRetryable` says no, or the retries are used up; the last error is
 * thrown. `fn` gets the attempt number (0 first), e.g. to restart what the failed attempt left.
 */
export async function retryAndBackoff<T>(
  fn: (attempt: number) => Promise<T>,
  isRetryable: (error: unknown) => RetryVerdict,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      const verdict = attempt < options.retries ? isRetryable(error) : false;
      if (verdict === false) throw error;
      const delayMs =
        verdict === true
          ? backoffDelay(attempt, options.baseMs, options.maxMs, options.random)
          : Math.min(verdict.afterMs, MAX_RETRY_AFTER_MS);
      options.onRetry?.(error, delayMs, attempt + 1);
      await options.sleep(delayMs);
    }
  }
}

/** Failures to connect, or of a connection that broke, which a new connection may not meet. */
const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ERR_SOCKET_CLOSED',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/** Whether a network error code says "try again on a new connection" rather than "no". */
export function isRetryableNetworkCode(code: string | undefined): code is string {
  return code !== undefined && RETRYABLE_NETWORK_CODES.has(code);
}
