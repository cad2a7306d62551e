import type { CannedAnswer, Fault, ProxyExchange, ProxyRules } from '../services/proxy.js';

/** Path without the query. */
export const pathOf = (exchange: ProxyExchange): string => exchange.url.split('?')[0] ?? '';

/** A request matcher: method and path. */
export type Match = (exchange: ProxyExchange) => boolean;

export const manifestPut: Match = (e) => e.method === 'PUT' && /\/manifests\/[^/]+$/.test(pathOf(e));
/** A blob's body: the PATCH or PUT of an upload session. */
export const blobUpload: Match = (e) =>
  (e.method === 'PATCH' || e.method === 'PUT') && /\/blobs\/uploads\//.test(pathOf(e));
/** An S3 PUT that only writes when the object is unchanged (or absent): how index files are swapped. */
export const conditionalPut =
  (key: RegExp): Match =>
  (e) =>
    e.method === 'PUT' &&
    key.test(decodeURIComponent(pathOf(e))) &&
    (e.requestHeaders['if-match'] !== undefined || e.requestHeaders['if-none-match'] !== undefined);
/** An S3 PUT of a key (a whole object or a part of a multipart upload). */
export const objectPut =
  (key: RegExp): Match =>
  (e) =>
    e.method === 'PUT' && key.test(decodeURIComponent(pathOf(e)));

/**
 * The fault for the first `times` requests that match (all of them when `times` is Infinity); the
 * exchanges the fault was given are marked `injected`, so a test can count them.
 */
export function firstMatches(
  match: Match,
  times: number,
  fault: Fault | ((e: ProxyExchange) => Fault),
): ProxyRules {
  let given = 0;
  return {
    answer: (exchange) => {
      if (given >= times || !match(exchange)) return undefined;
      given++;
      return typeof fault === 'function' ? fault(exchange) : fault;
    },
  };
}

/** A burst: the `length` requests that follow the first `after` requests (of any kind) get the fault. */
export function burst(after: number, length: number, fault: Fault): ProxyRules {
  let seen = 0;
  return {
    answer: () => {
      seen++;
      return seen > after && seen <= after + length ? fault : undefined;
    },
  };
}

export const status = (code: number, headers: Record<string, string> = {}, body = ''): CannedAnswer => ({
  status: code,
  headers,
  body,
});

/** S3's answer to a conditional write another writer got in first with (radosgw, AWS). */
export const s3Error = (code: number, name: string, message: string): CannedAnswer => ({
  status: code,
  headers: { 'content-type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${name}</Code><Message>${message}</Message><RequestId>fault-1</RequestId></Error>`,
});

/** How many exchanges a rule answered itself. */
export const injected = (exchanges: readonly ProxyExchange[]): number =>
  exchanges.filter((e) => e.injected).length;

/** The faults in turn, one to each of the first requests that match. */
export function inTurn(match: Match, faults: readonly Fault[]): ProxyRules {
  let next = 0;
  return firstMatches(match, faults.length, () => faults[next++] ?? 'reset');
}

/** Several rules on one proxy: the first that has a fault for a request gives it. */
export function anyOf(...rules: readonly ProxyRules[]): ProxyRules {
  return {
    answer: (exchange, earlier) =>
      rules.reduce<Fault | undefined>((fault, rule) => fault ?? rule.answer?.(exchange, earlier), undefined),
  };
}
