import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryAndBackoff,
  type RetryOptions,
  type RetryVerdict,
} from '../../src/util/retry.js';

/** Options whose sleep records the wait and returns at once; the jitter is pinned to half the ceiling. */
function fakeOptions(retries: number): { options: RetryOptions; slept: number[]; told: string[] } {
  const slept: number[] = [];
  const told: string[] = [];
  const options: RetryOptions = {
    retries,
    baseMs: 1000,
    maxMs: 15_000,
    sleep: async (ms) => void slept.push(ms),
    random: () => 0.5,
    onRetry: (error, delayMs, retry) => void told.push(`${String(error)} ${delayMs} ${retry}`),
  };
  return { options, slept, told };
}

/** A function that fails with the given errors, one per call, then answers 'done'. */
function failing(...errors: unknown[]): { fn: (attempt: number) => Promise<string>; attempts: number[] } {
  const attempts: number[] = [];
  return {
    attempts,
    fn: async (attempt) => {
      attempts.push(attempt);
      const error = errors.shift();
      if (error !== undefined) throw error;
      return 'done';
    },
  };
}

const always = (): RetryVerdict => true;

describe('retryAndBackoff', () => {
  it('retries retryable failures with exponential backoff and full jitter, then succeeds', async () => {
    const { options, slept, told } = fakeOptions(4);
    const { fn, attempts } = failing('a', 'b', 'c');
    await expect(retryAndBackoff(fn, always, options)).resolves.toBe('done');
    expect(attempts).toEqual([0, 1, 2, 3]);
    // random() = 0.5 of a ceiling that doubles from baseMs: 1 s, 2 s, 4 s.
    expect(slept).toEqual([500, 1000, 2000]);
    expect(told).toEqual(['a 500 1', 'b 1000 2', 'c 2000 3']);
  });

  it('gives up after `retries` retries with the last error', async () => {
    const { options, slept } = fakeOptions(2);
    const { fn, attempts } = failing('first', 'second', 'third', 'fourth');
    await expect(retryAndBackoff(fn, always, options)).rejects.toBe('third');
    expect(attempts).toEqual([0, 1, 2]);
    expect(slept).toHaveLength(2);
  });

  it('throws a failure that is not retryable at once, without waiting', async () => {
    const { options, slept } = fakeOptions(4);
    const { fn, attempts } = failing(new Error('no'));
    await expect(retryAndBackoff(fn, () => false, options)).rejects.toThrow('no');
    expect(attempts).toEqual([0]);
    expect(slept).toEqual([]);
  });

  it('waits what the server asked (Retry-After) instead of the backoff, at most a minute', async () => {
    const { options, slept } = fakeOptions(4);
    const verdicts: RetryVerdict[] = [{ afterMs: 7000 }, { afterMs: 3_600_000 }, true];
    const { fn } = failing('429', '503', 'reset');
    await retryAndBackoff(fn, () => verdicts.shift() ?? false, options);
    expect(slept).toEqual([7000, MAX_RETRY_AFTER_MS, 2000]);
  });

  it('asks isRetryable about each failure in turn', async () => {
    const { options } = fakeOptions(4);
    const seen: unknown[] = [];
    const { fn } = failing('503', '404');
    const verdict = (error: unknown): RetryVerdict => {
      seen.push(error);
      return error === '503';
    };
    await expect(retryAndBackoff(fn, verdict, options)).rejects.toBe('404');
    expect(seen).toEqual(['503', '404']);
  });
});

describe('backoffDelay', () => {
  it('is uniform below a ceiling that doubles up to maxMs', () => {
    expect(backoffDelay(0, 1000, 15_000, () => 0.999)).toBe(999);
    expect(backoffDelay(3, 1000, 15_000, () => 0.999)).toBe(7992);
    expect(backoffDelay(4, 1000, 15_000, () => 0.999)).toBe(14_985); // 16 s capped at 15 s
    expect(backoffDelay(20, 1000, 15_000, () => 0)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it.each<[string | undefined, number | undefined]>([
    ['7', 7000],
    [' 0 ', 0],
    ['Sun, 01 Mar 2026 12:00:30 GMT', 30_000],
    ['Sun, 01 Mar 2026 11:59:00 GMT', 0], // in the past: no wait
    [undefined, undefined],
    ['', undefined],
    ['soon', undefined],
    ['1.5', undefined],
    ['-3', undefined],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
