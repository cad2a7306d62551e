import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request that went through the proxy, and what became of it. */
export interface ProxyExchange {
  /** When the request arrived (performance.now(), ms): for timelines of who waited on what. */
  readonly at: number;
  readonly method: string;
  /** Path and query, as the client sent them. */
  readonly url: string;
  readonly requestHeaders: IncomingHttpHeaders;
  /** The answer's status; 0 while there is none (or when the client gave up first). */
  status: number;
  /** The answer's headers as the client got them. */
  responseHeaders: OutgoingHttpHeaders;
  /** Body bytes the client sent, and the registry's answer carried back. */
  requestBytes: number;
  responseBytes: number;
  /** True when the proxy answered itself instead of passing the request on. */
  injected: boolean;
  /** True when the client broke the request off before sending its whole body. */
  aborted: boolean;
  /** True when the client closed the connection before it had the whole answer (e.g. its timeout). */
  abandoned: boolean;
}

/** An answer the proxy gives itself. */
export interface CannedAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** The request passes on, but the connection drops once this many body bytes went through (a mid-upload reset). */
export interface ResetAfterBytes {
  readonly resetAfterBytes: number;
}

/**
 * The request passes on, but the proxy stops reading its body once this many bytes went through: an
 * upload that stops moving, still open (e.g. for a client to be killed in the middle of it).
 */
export interface StallAfterBytes {
  readonly stallAfterBytes: number;
}

/** The request passes on after this long (an answer slower than the client's timeout). */
export interface Delayed {
  readonly delayMs: number;
}

/** What the proxy does with one request instead of passing it straight on. */
export type Fault = CannedAnswer | 'reset' | ResetAfterBytes | StallAfterBytes | Delayed;

export interface ProxyRules {
  /**
   * An answer instead of the registry's (e.g. 503 for the first requests), 'reset' to drop the
   * connection (ECONNRESET at the client), a reset after some body bytes, or a delay; undefined passes
   * the request on.
   */
  answer?(exchange: ProxyExchange, earlier: readonly ProxyExchange[]): Fault | undefined;
  /** Changes the headers of the registry's answer (e.g. adds `OCI-Chunk-Min-Length`). */
  headers?(exchange: ProxyExchange, headers: OutgoingHttpHeaders): void;
  /**
   * Changes the headers of the request passed on (e.g. the credentials a CDN's signed URL stands
   * for); `exchange.requestHeaders` keeps what the client sent.
   */
  requestHeaders?(exchange: ProxyExchange, headers: OutgoingHttpHeaders): void;
  /** Holds the registry's answer this many ms before passing it on (e.g. one slow to complete an upload). */
  delay?(exchange: ProxyExchange): number | undefined;
  /**
   * An answer given instead of the server's once the request went through to it (a write that landed
   * whose answer is lost); undefined passes the server's answer on.
   */
  afterForward?(exchange: ProxyExchange, earlier: readonly ProxyExchange[]): CannedAnswer | undefined;
}

export interface CountingProxy {
  /** "127.0.0.1:PORT": use it as the registry. */
  readonly address: string;
  /** Every request so far, oldest first. */
  readonly exchanges: ProxyExchange[];
  stop(): Promise<void>;
}

/** How long a connection to the upstream may stay idle in the proxy's pool. */
const IDLE_UPSTREAM_MS = 10_000;

/**
 * A loopback HTTP proxy in front of a real registry: it passes requests and answers through as they
 * are (streamed, Host kept, so the registry's Locations point back at the proxy), counts them and
 * their body bytes, and can answer or change answers by `rules` — the faults real registries and
 * CDNs produce that docker-registry will not produce on demand: canned answers (429, 503, redirects),
 * resets before or in the middle of a body, answers held back. It serves any HTTP upstream alike
 * (the token server, S3).
 */
export async function startProxy(upstream: string, rules: ProxyRules = {}): Promise<CountingProxy> {
  const [host, port] = upstream.split(':');
  // Idle connections to the upstream close after a while: a server that closes them itself (radosgw
  // after 65 s) would otherwise break the next request the proxy sends on one.
  const agent = new Agent({ keepAlive: true, timeout: IDLE_UPSTREAM_MS });
  const exchanges: ProxyExchange[] = [];

  const server = createServer((request: IncomingMessage, response) => {
    const exchange: ProxyExchange = {
      at: performance.now(),
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      requestHeaders: request.headers,
      status: 0,
      responseHeaders: {},
      requestBytes: 0,
      responseBytes: 0,
      injected: false,
      aborted: false,
      abandoned: false,
    };
    const earlier = [...exchanges];
    exchanges.push(exchange);
    const count = (): void => {
      request.on('data', (chunk: Buffer) => (exchange.requestBytes += chunk.length));
    };
    request.on('close', () => {
      if (!request.complete) exchange.aborted = true;
    });
    response.on('close', () => {
      if (!response.writableFinished) exchange.abandoned = true;
    });

    const fault = rules.answer?.(exchange, earlier);
    if (fault === 'reset') {
      exchange.injected = true;
      request.socket.destroy();
      return;
    }
    if (fault !== undefined && 'status' in fault) {
      exchange.injected = true;
      count();
      // Read the body first, as a registry would, so the client sees the answer and not a broken pipe.
      request.resume();
      request.once('end', () => {
        exchange.status = fault.status;
        exchange.responseHeaders = { 'content-type': 'application/json', ...fault.headers };
        response.writeHead(fault.status, exchange.responseHeaders);
        response.end(fault.body ?? '');
      });
      return;
    }

    const pass = (): void => {
      if (request.destroyed) return;
      count();
      const headers: OutgoingHttpHeaders = { ...request.headers };
      rules.requestHeaders?.(exchange, headers);
      const forward = httpRequest({
        host,
        port: Number(port),
        method: request.method,
        path: request.url,
        headers,
        agent,
      });
      forward.on('response', (answer) => {
        const lost = rules.afterForward?.(exchange, earlier);
        if (lost) {
          answer.resume();
          exchange.injected = true;
          exchange.status = lost.status;
          exchange.responseHeaders = { 'content-type': 'application/xml', ...lost.headers };
          response.writeHead(lost.status, exchange.responseHeaders);
          response.end(lost.body ?? '');
          return;
        }
        const passAnswer = (): void => {
          exchange.status = answer.statusCode ?? 0;
          const headers: OutgoingHttpHeaders = { ...answer.headers };
          rules.headers?.(exchange, headers);
          exchange.responseHeaders = headers;
          response.writeHead(exchange.status, headers);
          answer.on('data', (chunk: Buffer) => (exchange.responseBytes += chunk.length));
          answer.pipe(response);
        };
        const wait = rules.delay?.(exchange);
        if (wait === undefined) passAnswer();
        else setTimeout(passAnswer, wait);
      });
      forward.on('error', () => response.destroy());
      // A client that breaks off (a failed digest check) must leave the registry with a broken request too.
      request.on('close', () => {
        if (!request.complete) forward.destroy();
      });
      if (fault !== undefined && 'resetAfterBytes' in fault) {
        exchange.injected = true;
        request.on('data', () => {
          if (exchange.requestBytes < fault.resetAfterBytes) return;
          request.socket.destroy();
          forward.destroy();
        });
      }
      if (fault !== undefined && 'stallAfterBytes' in fault) {
        exchange.injected = true;
        request.on('data', () => {
          if (exchange.requestBytes < fault.stallAfterBytes) return;
          request.unpipe(forward);
          request.pause();
        });
      }
      request.pipe(forward);
    };
    if (fault !== undefined && 'delayMs' in fault) {
      exchange.injected = true;
      const timer = setTimeout(pass, fault.delayMs);
      request.socket.once('close', () => clearTimeout(timer));
    } else {
      pass();
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${own}`,
    exchanges,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

/** The exchanges of one kind: `method` and a path that matches. */
export function exchangesOf(proxy: CountingProxy, method: string, path: RegExp): ProxyExchange[] {
  return proxy.exchanges.filter((e) => e.method === method && path.test(e.url.split('?')[0] ?? ''));
}
