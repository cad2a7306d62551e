import type { Got } from 'got';
import type { UserError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import type { Authenticator } from './auth.js';
import { downgradeRefusal, isDowngrade } from './origin-guard.js';
import { refusal } from './refusal.js';
import { untilAnswered, withRetries, type RetrySettings } from './retrying.js';
import { exchange } from './exchange.js';
import { openStream, type Call, type Reply, type StreamingReply } from './transport.js';
import { parseWarnings } from './warnings.js';

export interface RequesterSettings {
  /** The registry as the user named it, for messages. */
  readonly registry: string;
  /** Where its API lives (scheme, host, port): the one place its credentials go. */
  readonly origin: string;
  readonly http: Got;
  readonly auth: Authenticator;
  readonly logger: Logger;
  readonly retry: RetrySettings;
}

/**
 * Requests to one registry: authenticated as it asks, retried by our policy, its `Warning`s logged
 * (once each), and its refusals turned into clear errors.
 */
export class Requester {
  private readonly warned = new Set<string>();
  /** Everything about this registry is logged through this: no password, Basic header or token gets out. */
  readonly logger: Logger;

  constructor(private readonly settings: RequesterSettings) {
    this.logger = redacting(settings.logger, (text) => settings.auth.redact(text));
  }

  /** One attempt: a 401 is answered once with what the registry asks for (a stream body cannot be sent twice). */
  async send(call: Call, scopes: readonly string[]): Promise<Reply> {
    return (await this.authorized(call, scopes, (authorization) => this.buffered(call, authorization))).reply;
  }

  /** `send`, retried; when the retries run out on a retryable status, that last answer is returned. */
  async request(call: Call, scopes: readonly string[]): Promise<Reply> {
    return (await this.retried(call, scopes, (authorization) => this.buffered(call, authorization))).reply;
  }

  /** Like `request`, with a 2xx body left to stream (blobs). */
  openStream(call: Call, scopes: readonly string[]): Promise<StreamingReply> {
    return this.retried(call, scopes, (authorization) => openStream(this.settings.http, call, authorization));
  }

  /** Runs `attempt` under the retry policy (see withRetries). */
  retrying<T>(what: string, attempt: (attempt: number) => Promise<T>): Promise<T> {
    return withRetries(what, attempt, this.settings.retry, this.logger);
  }

  /** The error for an answer that is not the one wanted. */
  refusal(reply: Reply, subject: string, doing: string): UserError {
    const { auth } = this.settings;
    return refusal(reply, {
      subject,
      doing,
      remedy: auth.remedy,
      redact: (t) => auth.redact(t),
    });
  }

  private retried(
    call: Call,
    scopes: readonly string[],
    transmit: (authorization: string | undefined) => Promise<StreamingReply>,
  ): Promise<StreamingReply> {
    const what = `${call.method} ${new URL(call.url).pathname}`;
    return untilAnswered(
      what,
      () => this.authorized(call, scopes, transmit),
      this.settings.retry,
      this.logger,
    );
  }

  private async buffered(call: Call, authorization: string | undefined): Promise<StreamingReply> {
    return { reply: await exchange(this.settings.http, call, authorization) };
  }

  private async authorized(
    call: Call,
    scopes: readonly string[],
    transmit: (authorization: string | undefined) => Promise<StreamingReply>,
  ): Promise<StreamingReply> {
    const { auth, origin } = this.settings;
    const to = new URL(call.url);
    if (to.origin !== origin) {
      // A Location or Link of the registry's that points elsewhere (a storage host, a CDN): no credentials.
      if (isDowngrade(new URL(origin), to)) throw downgradeRefusal(new URL(origin), to);
      return this.heard(await transmit(undefined));
    }
    const sent = await auth.before(scopes);
    const first = this.heard(await transmit(sent));
    if (first.reply.statusCode !== 401) return first;
    if (call.body !== undefined && !Buffer.isBuffer(call.body)) {
      // The stream is spent: forget the token, so the caller's next attempt starts with a fresh one.
      auth.forget(sent);
      return first;
    }
    const next = await auth.after401(first.reply, scopes, sent);
    return next === undefined ? first : this.heard(await transmit(next));
  }

  /** Shows each distinct `Warning` of the registry once. */
  private heard(answer: StreamingReply): StreamingReply {
    for (const text of parseWarnings(answer.reply.headers.warning)) {
      if (this.warned.has(text)) continue;
      this.warned.add(text);
      this.logger.warning(`${this.settings.registry}: ${text}`);
    }
    return answer;
  }
}

/** `logger` with `redact` applied to every line (a registry may echo what it was sent in a `Warning`). */
function redacting(logger: Logger, redact: (text: string) => string): Logger {
  return {
    info: (message) => logger.info(redact(message)),
    warning: (message) => logger.warning(redact(message)),
    debug: (message) => logger.debug(redact(message)),
    group: (title, fn) => logger.group(redact(title), fn),
  };
}
