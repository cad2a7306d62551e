import type { CountingProxy, ProxyExchange } from '../__tests__/e2e/services/proxy.js';

/** What went through one or more proxies: requests, the registry blob requests among them, and body bytes both ways. */
export interface Traffic {
  readonly requests: number;
  readonly blobRequests: number;
  readonly bytes: number;
}

export const NO_TRAFFIC: Traffic = { requests: 0, blobRequests: 0, bytes: 0 };

// The `/v2/` ping is left out: a client asks it once per registry to learn the auth scheme, and skopeo also
// probes https first; neither says anything about how many round trips the work itself takes.
const isPing = (e: ProxyExchange): boolean => (e.url.split('?')[0] ?? '') === '/v2/';

export function trafficOf(...proxies: readonly CountingProxy[]): Traffic {
  const counted = proxies.flatMap((proxy) => proxy.exchanges).filter((e) => !isPing(e));
  return {
    requests: counted.length,
    blobRequests: counted.filter((e) => e.url.includes('/blobs/')).length,
    bytes: counted.reduce((sum, e) => sum + e.requestBytes + e.responseBytes, 0),
  };
}
