import type { Logger } from '../util/logger.js';
import { realSleep } from '../util/retry.js';
import { Authenticator, type RegistryCredentials } from './auth.js';
import type { RegistryClientOptions } from './client-options.js';
import { Requester } from './requester.js';
import { untilAnswered } from './retrying.js';
import { exchange, http, type Reply } from './transport.js';

const silent: Logger = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  group: (_title, fn) => fn(),
};

const DEFAULT_RETRIES = 4;
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
    const once = async () => ({ reply: await exchange(client, { method: 'GET', url }, authorization) });
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
