import type { ClientRequest, IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import got, { ReadError, RequestError, UploadError, type Got, type PlainResponse } from 'got';
import { errnoCode } from '../util/errno.js';
import type { UserError } from '../util/errors.js';
import { guardRedirect, unwrapRefusal } from './origin-guard.js';

/**
 * The HTTP client of every registry request. Our own retry policy (util/retry.ts) decides what is
 * retried, so got's is off; statuses are answers, not exceptions; bodies arrive as sent (no
 * decompression: a manifest's digest is the digest of its exact bytes).
 */
export const http: Got = got.extend({
  throwHttpErrors: false,
  followRedirect: true,
  decompress: false,
  retry: { limit: 0 },
  headers: { 'user-agent': 'falco-release-publisher' },
  // No limit on a whole request (a blob may take minutes), only on silence.
  timeout: { lookup: 10_000, connect: 10_000, secureConnect: 10_000, socket: 60_000, response: 60_000 },
});

export type Method = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/**
 * One HTTP request. A streamed body (a stream, or chunks got writes out one at a time) can be sent
 * once only: such a call is never re-sent.
 */
export interface Call {
  readonly method: Method;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer | Readable | AsyncIterable<Buffer>;
  /**
   * How long the server may take to answer once the body is sent, instead of the usual minute: a
   * registry completing a blob upload may move or check gigabytes before it answers.
   */
  readonly answerWithinMs?: number;
  /** The longest answer read into memory (blobs are streamed, not read); a default for the rest. */
  readonly bodyLimit?: BodyLimit;
}

/** How long an answer may be, and the error for one that is longer. */
export interface BodyLimit {
  readonly bytes: number;
  readonly refusal: () => UserError;
}

/** An answer, with its body read (registry answers other than blobs are small). */
export interface Reply {
  readonly statusCode: number;
  readonly headers: IncomingHttpHeaders;
  /** Where the answer came from, after redirects: relative `Location`s resolve against it. */
  readonly url: string;
  readonly body: Buffer;
}

/** The first value of a header of an answer. */
export function headerOf(reply: Reply, name: string): string | undefined {
  const value = reply.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** An answer whose body is still to be read: a blob. `stream` is set only for a 2xx answer. */
export interface StreamingReply {
  readonly reply: Reply;
  readonly stream?: Readable;
}

export function optionsOf(call: Call, authorization: string | undefined) {
  const headers = { ...call.headers, ...(authorization ? { authorization } : {}) };
  return {
    method: call.method,
    headers,
    hooks: { beforeRedirect: [guardRedirect] },
    ...(call.body === undefined ? {} : { body: call.body }),
    ...(call.answerWithinMs === undefined ? {} : { timeout: { response: call.answerWithinMs } }),
  };
}

/**
 * For a call that gives the server longer to answer: once its body is sent, the socket's idle limit
 * becomes that time too (while the body goes out, the usual limit still catches a stalled connection).
 */
export function waitLongerOnceSent(call: Call): ((request: ClientRequest) => void) | undefined {
  const wait = call.answerWithinMs;
  if (wait === undefined) return undefined;
  return (request) => request.once('finish', () => request.setTimeout(wait));
}

/** Error answers are read in full, up to this: enough for the registry's error codes. */
const ERROR_BODY_LIMIT = 64 * 1024;

/** Sends one request and hands a 2xx body over unread; any other answer is read for its error. */
export async function openStream(
  client: Got,
  call: Call,
  authorization: string | undefined,
): Promise<StreamingReply> {
  const stream = client.stream(call.url, optionsOf(call, authorization));
  let fail: (error: Error) => void = () => undefined;
  const response = await new Promise<PlainResponse>((resolve, reject) => {
    fail = reject;
    stream.once('response', resolve);
    stream.once('error', (error) => fail(unwrapRefusal(error)));
  });
  // From here on, errors belong to whoever reads the body.
  stream.off('error', fail);
  const head = { statusCode: response.statusCode, headers: response.headers, url: response.url };
  if (response.statusCode >= 200 && response.statusCode < 300) {
    return { reply: { ...head, body: Buffer.alloc(0) }, stream };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= ERROR_BODY_LIMIT) break;
    }
  } finally {
    stream.destroy();
  }
  return { reply: { ...head, body: Buffer.concat(chunks) } };
}

/** Socket failures that may reach us unwrapped (from a stream that got does not own). */
const SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ERR_SOCKET_CLOSED',
]);

/**
 * The code of a failure to talk to a server (no HTTP answer); undefined for anything else, including
 * a request body that failed (the reader of a file, a digest check): that is not the network's doing.
 */
export function networkErrorCode(error: unknown): string | undefined {
  if (error instanceof UploadError) return undefined;
  // A ReadError broke off an answer already under way (e.g. a blob streamed from another registry).
  if (error instanceof RequestError && (error.response === undefined || error instanceof ReadError)) {
    return error.code || error.message;
  }
  const code = errnoCode(error);
  return code !== undefined && SOCKET_CODES.has(code) ? code : undefined;
}
