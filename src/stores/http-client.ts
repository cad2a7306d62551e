import type { Readable } from 'node:stream';
import got, { RequestError, type Got, type Method, type Response } from 'got';
import { UserError } from '../util/errors.js';
import { backoffDelay, MAX_RETRY_AFTER_MS, realSleep, retryAndBackoff } from '../util/retry.js';
import { answerError, unansweredError, type HttpPlace } from './http-errors.js';
import { WriteOutcomeUnknown } from './object-store.js';

/** How often and how long a request that met a 5xx or a broken connection is tried again. */
export interface HttpRetry {
  /** Attempts after the first one. */
  readonly limit: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

/** About 8 s of retries at most (plus what a `Retry-After` asks): a short outage, not a dead server. */
export const DEFAULT_HTTP_RETRY: HttpRetry = { limit: 4, baseMs: 250, maxMs: 4_000 };

/** Answers worth asking again: the server or a gateway in front of it is busy or briefly broken. */
export const RETRIED_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504, 521, 522, 524];

/**
 * WebDAV's listing method: got's type names only the methods of RFC 9110, but sends any name as given
 * (Node's HTTP client knows PROPFIND).
 */
export const PROPFIND = 'PROPFIND' as Method;

/** The methods the store sends, PROPFIND with them. */
export type StoreMethod = 'GET' | 'HEAD' | 'PUT' | 'DELETE' | typeof PROPFIND;

/** One request to the store. */
export interface HttpRequest {
  readonly method: StoreMethod;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Bytes, or a way to open the body again for each attempt (a file streamed from disk). */
  readonly body?: Buffer | (() => Readable);
  /**
   * Sent once, never repeated by the retries: a conditional write is one step of a read-merge-write
   * loop, and a repeat after a lost answer could fail against its own first attempt. A broken
   * connection is then WriteOutcomeUnknown, for the loop to look at the store.
   */
  readonly once?: boolean;
}

/**
 * The store's HTTP exchanges, through got: the credentials on every request (the server's own host
 * only: redirects are not followed, so no Authorization ever goes elsewhere or over a downgraded
 * scheme), got's retries with jittered backoff for 5xx answers and broken connections, and answers
 * as they are for the store to read (404 is not an error to it).
 */
export class HttpClient {
  private readonly got: Got;

  constructor(
    private readonly place: HttpPlace,
    authorization: string | undefined,
    private readonly retry: HttpRetry = DEFAULT_HTTP_RETRY,
  ) {
    this.got = got.extend({
      headers: {
        'user-agent': 'falco-release-publisher',
        ...(authorization === undefined ? {} : { authorization }),
      },
      followRedirect: false,
      throwHttpErrors: false,
      responseType: 'buffer',
      // Idle limits, not a total: a large package may take long to send, but a silent server is dead.
      timeout: { connect: 30_000, socket: 300_000, response: 300_000 },
      retry: {
        limit: retry.limit,
        methods: ['GET', 'HEAD', 'PUT', 'DELETE', PROPFIND],
        statusCodes: [...RETRIED_STATUSES],
        calculateDelay: ({ attemptCount, computedValue, retryAfter }) => {
          if (computedValue === 0) return 0;
          if (retryAfter !== undefined) return Math.min(retryAfter, MAX_RETRY_AFTER_MS);
          return 1 + backoffDelay(attemptCount, retry.baseMs, retry.maxMs);
        },
      },
    });
  }

  /** Sends a request and returns the answer, whatever its status, once retries are over. */
  async send(request: HttpRequest): Promise<Response<Buffer>> {
    const { body } = request;
    try {
      return await this.got(request.url, {
        method: request.method,
        responseType: 'buffer',
        headers: { ...request.headers },
        body: typeof body === 'function' ? body() : body,
        ...(request.once === true ? { retry: { limit: 0 } } : {}),
        hooks: {
          // A streamed body was used up by the failed attempt: the retry gets the file opened again.
          beforeRetry:
            typeof body === 'function'
              ? [
                  (error) => {
                    error.options.body = body();
                  },
                ]
              : [],
        },
      });
    } catch (error) {
      throw this.unanswered(error, request);
    }
  }

  /**
   * Opens a GET's body as a stream: 200 gives the stream, 404 undefined, anything else an error.
   * Retried as `send` is, until the answer's headers are in (nothing of the body is read before).
   */
  async open(url: string): Promise<Readable | undefined> {
    return retryAndBackoff(
      async () => {
        const stream = this.got.stream(url, { retry: { limit: 0 } });
        const response = await new Promise<Response>((resolve, reject) => {
          stream.once('response', resolve);
          stream.once('error', reject);
        }).catch((error: unknown) => {
          throw this.unanswered(error, { method: 'GET', url });
        });
        if (response.statusCode === 200) return stream;
        stream.destroy();
        if (response.statusCode === 404 || response.statusCode === 410) return undefined;
        throw new RetriableAnswer(response.statusCode, response.headers.location);
      },
      (error) => error instanceof RetriableAnswer && RETRIED_STATUSES.includes(error.status),
      { retries: this.retry.limit, baseMs: this.retry.baseMs, maxMs: this.retry.maxMs, sleep: realSleep },
    ).catch((error: unknown) => {
      if (!(error instanceof RetriableAnswer)) throw error;
      throw answerError(error.status, 'GET', url, this.place, 1, error.location);
    });
  }

  /** The error of an answer the store cannot use, counting the attempts got made. */
  answerError(response: Response, method: StoreMethod, url: string): UserError {
    return answerError(
      response.statusCode,
      method,
      url,
      this.place,
      response.retryCount + 1,
      response.headers.location,
    );
  }

  /**
   * A request without an answer. A file that changed while it was sent is the user's to fix, as it
   * said; a conditional write may or may not have landed; anything else names the URL and the cause.
   */
  private unanswered(error: unknown, request: Pick<HttpRequest, 'method' | 'url' | 'once'>): Error {
    if (error instanceof RequestError && error.cause instanceof UserError) return error.cause;
    if (error instanceof UserError) return error;
    const code = error instanceof RequestError ? error.code : error instanceof Error ? error.message : '';
    if (request.once === true) {
      return new WriteOutcomeUnknown(`${request.method} ${request.url} got no answer (${code})`);
    }
    const attempts = error instanceof RequestError ? (error.request?.retryCount ?? 0) + 1 : 1;
    return unansweredError(request.method, request.url, code, attempts);
  }
}

/** An answer `open` may ask again for (a 5xx), or must report. */
class RetriableAnswer extends Error {
  constructor(
    readonly status: number,
    readonly location: string | undefined,
  ) {
    super(`answered ${status}`);
  }
}
