import type { Readable } from 'node:stream';
import got, { RequestError, UploadError, type Got, type Response } from 'got';
import { basicAuthValue } from '../../util/basic-auth.js';
import { errnoCode } from '../../util/errno.js';
import { UserError } from '../../util/errors.js';
import type { Logger } from '../../util/logger.js';
import { isRetryableNetworkCode, parseRetryAfter, realSleep, retryAndBackoff } from '../../util/retry.js';
import type { BintrayInputs } from './bintray-inputs.js';

export type BintrayMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

/** An answer of the API, its body read (Bintray answers JSON, and `{"message": …}` when it refuses). */
export interface BintrayReply {
  readonly status: number;
  readonly body: Buffer;
}

export interface BintrayRequest {
  readonly headers?: Readonly<Record<string, string>>;
  /** Made anew for each attempt: a file stream can be sent once only. */
  readonly body?: () => Buffer | Readable;
}

export interface BintrayApiOptions extends BintrayInputs {
  /** Attempts after the first, for 5xx, 429 and broken connections. Default 4. */
  readonly retries?: number;
  /** The first retry waits up to this (full jitter), doubling each time. Default 500 ms. */
  readonly backoffMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Where retries are told. */
  readonly logger?: Logger;
}

/** Answers are JSON lists of files and versions; a package's whole file list fits in this many times over. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/** "Not now" rather than "no": rate limiting and server failures. */
function retryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** A retryable answer, thrown so the retry loop sees it. */
class RetryableAnswer extends Error {
  constructor(readonly reply: BintrayReply & { readonly retryAfter: string | undefined }) {
    super(`HTTP ${reply.status}`);
  }
}

/**
 * Bintray's REST API, with HTTP Basic authentication (user and API key) on every request. 5xx, 429 and
 * broken connections are asked again with exponential backoff (a `Retry-After` is honoured); when
 * they last, one UserError says what was asked and what the server answered. Other answers, refusals
 * included, go back to the caller, who knows what they mean there.
 */
export class BintrayApi {
  readonly url: string;
  private readonly authorization: string;
  private readonly http: Got;

  constructor(private readonly options: BintrayApiOptions) {
    this.url = options.apiUrl;
    this.authorization = `Basic ${basicAuthValue(options.username, options.apiKey)}`;
    this.http = got.extend({
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      headers: { 'user-agent': 'falco-release-publisher' },
      // A large package may take minutes to send: only silence is limited.
      timeout: { lookup: 10_000, connect: 10_000, secureConnect: 10_000, socket: 60_000, response: 120_000 },
    });
  }

  /** `path` is already encoded (see bintray-paths.ts), from the API's root: `/packages/…`. */
  async request(method: BintrayMethod, path: string, request: BintrayRequest = {}): Promise<BintrayReply> {
    const retries = this.options.retries ?? 4;
    const what = `${method} ${path.replace(/;.*$/, '')}`;
    try {
      return await retryAndBackoff(
        () => this.once(method, path, request),
        (error) => {
          if (error instanceof RetryableAnswer) {
            const afterMs = parseRetryAfter(error.reply.retryAfter);
            return afterMs === undefined ? true : { afterMs };
          }
          const code = networkCode(error);
          return isRetryableNetworkCode(code);
        },
        {
          retries,
          baseMs: this.options.backoffMs ?? 500,
          maxMs: 10_000,
          sleep: this.options.sleep ?? realSleep,
          onRetry: (error, delayMs, n) =>
            this.options.logger?.warning(
              `Bintray ${what}: ${describe(error)}; retry ${n} of ${retries} in ${(delayMs / 1000).toFixed(1)} s`,
            ),
        },
      );
    } catch (error) {
      if (error instanceof RetryableAnswer) {
        throw new UserError(
          `package-host (${this.url})`,
          `${what} was answered ${error.reply.status}${messageSuffix(error.reply)} ${retries + 1} times`,
          'the server is failing or overloaded: run again later (what is published stays, a re-run skips it)',
        );
      }
      const code = networkCode(error);
      if (code !== undefined) {
        throw new UserError(
          `package-host (${this.url})`,
          `${what} failed: ${code}${isRetryableNetworkCode(code) ? ` (${retries + 1} times)` : ''}`,
          'check that bintray-api-url is reachable from the runner, then run again',
        );
      }
      throw error;
    }
  }

  private async once(method: BintrayMethod, path: string, request: BintrayRequest): Promise<BintrayReply> {
    const body = request.body?.();
    const call = this.http(`${this.url}${path}`, {
      method,
      headers: { ...request.headers, authorization: this.authorization },
      ...(body === undefined ? {} : { body }),
      responseType: 'buffer',
    });
    let tooLarge = false;
    call.on('downloadProgress', ({ transferred }: { transferred: number }) => {
      if (tooLarge || transferred <= MAX_ANSWER_BYTES) return;
      tooLarge = true;
      call.cancel();
    });
    let response: Response<Buffer>;
    try {
      response = await call;
    } catch (error) {
      if (!tooLarge) throw error;
      throw new UserError(
        `package-host (${this.url})`,
        `the answer to ${method} ${path.replace(/;.*$/, '')} is over ${MAX_ANSWER_BYTES} bytes`,
        'check that bintray-api-url is a Bintray-compatible API',
      );
    }
    const reply = { status: response.statusCode, body: response.body };
    if (retryableStatus(reply.status)) {
      const header = response.headers['retry-after'];
      throw new RetryableAnswer({ ...reply, retryAfter: Array.isArray(header) ? header[0] : header });
    }
    return reply;
  }
}

/** Bintray's `message` of an answer, if it has one. */
export function messageOf(reply: BintrayReply): string | undefined {
  try {
    const parsed: unknown = JSON.parse(reply.body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'message' in parsed) {
      const { message } = parsed as { message: unknown };
      return typeof message === 'string' ? message.slice(0, 500) : undefined;
    }
  } catch {
    // Not JSON: a proxy's page, say nothing of it.
  }
  return undefined;
}

function messageSuffix(reply: BintrayReply): string {
  const message = messageOf(reply);
  return message === undefined ? '' : ` (${message})`;
}

/** The code of a failure to talk to the server; undefined when a request body (a file) failed instead. */
function networkCode(error: unknown): string | undefined {
  if (error instanceof UploadError) return undefined;
  if (error instanceof RequestError && error.response === undefined) return error.code || error.message;
  const code = errnoCode(error);
  return isRetryableNetworkCode(code) ? code : undefined;
}

function describe(error: unknown): string {
  if (error instanceof RetryableAnswer) return `HTTP ${error.reply.status}${messageSuffix(error.reply)}`;
  return networkCode(error) ?? String(error);
}
