import type { Logger } from '../util/logger.js';
import { realSleep } from '../util/retry.js';
import { Authenticator, type RegistryCredentials } from './auth.js';
import type { RegistryClientOptions } from './client-options.js';
import { Requester } from './requester.js';
import { untilAnswered } from './retrying.js';
import { exchange } from './exchange.js';
import { http, type BodyLimit, type Reply } from './transport.js';
import { UserError } from '../util/errors.js';

const silent: Logger = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  group: (_title, fn) => fn(),
};

const DEFAULT_RETRIES = 4;

/** A token answer is a few KiB of JSON; a megabyte is already none. */
const MAX_TOKEN_BYTES = 1024 * 1024;

function tokenLimit(registry: string): BodyLimit {
  return {
    bytes: MAX_TOKEN_BYTES,
    refusal: () =>
      new UserError(
        registry,
        `the token service answered with more than ${MAX_TOKEN_BYTES} bytes`,
        'check the registry and its token service',
      ),
  };
}
const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 15_000;

/**
 * The requester of a registry client: its HTTP client, our retry policy (with the options' overrides)
 * and the authentication the registry asks for.
 */
export function clientRequester(
  registry: string,
  /** The registry's API base URL: its credentials go to this origin only. */
  base: string,
  credentials: RegistryCredentials | undefined,
  options: RegistryClientOptions,
): Requester {
  const client = options.http ?? http;
  const retry = {
    retries: options.retries ?? DEFAULT_RETRIES,
    baseMs: BACKOFF_BASE_MS,
    maxMs: BACKOFF_MAX_MS,
    sleep: options.sleep ?? realSleep,
  };
  // Token requests get the same retries (and need no authentication of their own), logged as redacted.
  const tokenRequest = async (url: string, authorization: string | undefined): Promise<Reply> => {
    const call = { method: 'GET' as const, url, bodyLimit: tokenLimit(registry) };
    const once = async () => ({ reply: await exchange(client, call, authorization) });
    return (await untilAnswered('asking for a token', once, retry, requester.logger)).reply;
  };
  const auth = new Authenticator(
    registry,
    credentials,
    tokenRequest,
    options.now ?? Date.now,
    options.insecure ?? false,
    options.loginHint,
  );
  // Built last: the token requests above log through it, and are only made once it exists.
  const requester = new Requester({
    registry,
    origin: new URL(base).origin,
    http: client,
    auth,
    logger: options.logger ?? silent,
    retry,
  });
  return requester;
}
