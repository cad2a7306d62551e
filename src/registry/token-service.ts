import { UserError } from '../util/errors.js';
import type { Challenge } from './challenge.js';
import { isLoopback } from './endpoint.js';
import { mergeScopes } from './scopes.js';
import type { IssuedToken } from './token-cache.js';
import type { Reply } from './transport.js';

/** Docker's token protocol: a token without `expires_in` lives 60 s. */
const DEFAULT_TOKEN_LIFETIME_SECONDS = 60;

/** What asking a registry's token service for a token takes. */
export interface TokenService {
  /** The registry as the user named it, for messages. */
  readonly registry: string;
  /** Plain http to a token service that is not on loopback is allowed (`registry-insecure: true`). */
  readonly insecure: boolean;
  /** The Basic Authorization of the credentials, sent to the token service; undefined without them. */
  readonly basic: string | undefined;
  /** Whether credentials were given: a refusal names them, or the anonymous request. */
  readonly hasCredentials: boolean;
  /** What to tell the user when the token service refuses. */
  readonly remedy: string;
  /** GETs a token URL (retried like any request), with the Basic credentials if any. */
  readonly get: (url: string, authorization: string | undefined) => Promise<Reply>;
}

/** A token for `scopes` from the service the Bearer challenge names (realm, service). */
export async function issueToken(
  service: TokenService,
  challenge: Challenge,
  scopes: readonly string[],
): Promise<IssuedToken> {
  const realm = challenge.params.realm;
  if (!realm)
    throw new UserError(service.registry, 'the registry asks for a token but names no token service');
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    throw new UserError(service.registry, `the registry names an invalid token service '${realm}'`);
  }
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && (isLoopback(url.host) || service.insecure))
  ) {
    throw new UserError(
      service.registry,
      `the registry sends clients to ${url.origin} for tokens, which is not https`,
      'set registry-insecure: true if that is intended',
    );
  }
  if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
  for (const scope of mergeScopes(scopes)) url.searchParams.append('scope', scope);
  const answer = await service.get(url.toString(), service.basic);
  if (answer.statusCode !== 200) throw tokenRefusal(service, answer.statusCode);
  const body = parseJson(answer.body);
  const token = stringField(body, 'token') ?? stringField(body, 'access_token');
  if (!token) throw new UserError(service.registry, 'the token service answered without a token');
  const expiresIn = body?.['expires_in'];
  const lifetimeSeconds =
    typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : DEFAULT_TOKEN_LIFETIME_SECONDS;
  return { token, lifetimeSeconds };
}

function tokenRefusal(service: TokenService, status: number): UserError {
  if (status === 401 || status === 403) {
    return new UserError(
      service.registry,
      `the token service refused the ${service.hasCredentials ? 'credentials' : 'anonymous request'} (HTTP ${status})`,
      service.remedy,
    );
  }
  return new UserError(
    service.registry,
    `the token service failed (HTTP ${status})`,
    'retry the workflow; if it persists, check the registry',
  );
}

function parseJson(bytes: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringField(body: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = body?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
