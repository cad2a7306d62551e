import { startProxy, type CountingProxy } from '../__tests__/e2e/services/proxy.js';

/** The delay each request pays, from BENCH_DELAY_MS (default 50 ms): a registry or bucket that far away. */
export function benchDelayMs(): number {
  const raw = process.env.BENCH_DELAY_MS;
  if (raw === undefined || raw === '') return 50;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`BENCH_DELAY_MS=${raw} is not a number of ms ≥ 0`);
  return value;
}

/**
 * A counting loopback proxy in front of `upstream` that holds every answer `delayMs` before passing it on:
 * one round trip to a server at that distance. The answer is held, not the request, so an upload's body
 * still streams at loopback speed and only the number of sequential requests is what the delay multiplies.
 */
export function startDelayingProxy(upstream: string, delayMs: number): Promise<CountingProxy> {
  return startProxy(upstream, { delay: () => delayMs });
}
