import { UserError } from '../util/errors.js';
import { basicAuthValue } from '../util/basic-auth.js';
import { parseChallenge, type Challenge } from './challenge.js';
import { isLoopback } from './endpoint.js';
import { mergeScopes } from './scopes.js';
import { TokenCache, type IssuedToken } from './token-cache.js';
import type { Reply } from './transport.js';

export interface RegistryCredentials {
  readonly username: string;
  readonly password: string;
}

/** Docker's token protocol: a token without `expires_in` lives 60 s. */
const DEFAULT_TOKEN_LIFETIME_SECONDS = 60;

/**
 * Authenticates the way the registry asks through `WWW-Authenticate`: nothing until it asks, then Basic
 * credentials or Bearer tokens from its token service (realm/service/scope). Once the scheme is known,
 * later requests carry it from the start, with no 401 round trip.
 */
export class Authenticator {
  private challenge: Challenge | undefined;
  private readonly tokens: TokenCache;
  private readonly basic: string | undefined;

  constructor(
    private readonly registry: string,
    private readonly credentials: RegistryCredentials | undefined,
    /** GETs a token URL (retried like any request), with the Basic credentials if any. */
    private readonly tokenRequest: (url: string, authorization: string | undefined) => Promise<Reply>,
    now: () => number,
    private readonly insecure: boolean,
    /** What to tell the user when the registry refuses; where the credentials come from decides it. */
    private readonly loginHint?: string,
  ) {
    this.tokens = new TokenCache(now);
    this.basic = credentials
      ? `Basic ${basicAuthValue(credentials.username, credentials.password)}`
      : undefined;
  }

  /** The remedy for a refusal: fix the inputs' credentials, or the login the hint names. */
  get remedy(): string {
    if (this.loginHint) return this.loginHint;
    return this.credentials
      ? 'check registry-username, registry-password and their permissions'
      : 'set registry-username and registry-password';
  }

  /** What to send with a request that needs `scopes`, as far as the registry's earlier answers tell. */
  async before(scopes: readonly string[]): Promise<string | undefined> {
    const challenge = this.challenge;
    if (challenge?.scheme === 'basic') return this.basic;
    if (challenge?.scheme !== 'bearer') return undefined;
    return this.tokens.find(scopes) ?? this.tokens.fetch(scopes, () => this.issue(challenge, scopes));
  }

  /**
   * Answers a 401 to a request sent with `sent`: the Authorization to send it once more with, or
   * undefined when there is nothing new to try (no credentials, or they were what was refused).
   */
  async after401(
    reply: Reply,
    scopes: readonly string[],
    sent: string | undefined,
  ): Promise<string | undefined> {
    const header = reply.headers['www-authenticate'];
    const challenge = parseChallenge(Array.isArray(header) ? header.join(', ') : header);
    if (!challenge) return undefined;
    this.challenge = challenge;
    if (challenge.scheme === 'basic') return sent === this.basic ? undefined : this.basic;
    // The first challenge, an expired token (`invalid_token`) or one short of a scope
    // (`insufficient_scope`): a new token, asking for what the challenge names too.
    this.forget(sent);
    const asked = [...scopes, ...(challenge.params.scope ?? '').split(' ').filter(Boolean)];
    return this.tokens.fetch(asked, () => this.issue(challenge, asked));
  }

  /** Forgets an Authorization the registry refused where the request could not be sent again. */
  forget(authorization: string | undefined): void {
    if (authorization) this.tokens.drop(authorization);
  }

  /** `text` without the password, the Basic header or any token: for error messages. */
  redact(text: string): string {
    const secrets = [this.credentials?.password, this.basic?.slice('Basic '.length), ...this.tokens.tokens()];
    let clean = text;
    for (const secret of secrets) if (secret) clean = clean.split(secret).join('***');
    return clean;
  }

  private async issue(challenge: Challenge, scopes: readonly string[]): Promise<IssuedToken> {
    const realm = challenge.params.realm;
    if (!realm)
      throw new UserError(this.registry, 'the registry asks for a token but names no token service');
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new UserError(this.registry, `the registry names an invalid token service '${realm}'`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (isLoopback(url.host) || this.insecure))) {
      throw new UserError(
        this.registry,
        `the registry sends clients to ${url.origin} for tokens, which is not https`,
        'set registry-insecure: true if that is intended',
      );
    }
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
    for (const scope of mergeScopes(scopes)) url.searchParams.append('scope', scope);
    const answer = await this.tokenRequest(url.toString(), this.basic);
    if (answer.statusCode !== 200) throw this.tokenRefusal(answer.statusCode);
    const body = parseJson(answer.body);
    const token = stringField(body, 'token') ?? stringField(body, 'access_token');
    if (!token) throw new UserError(this.registry, 'the token service answered without a token');
    const expiresIn = body?.['expires_in'];
    const lifetimeSeconds =
      typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : DEFAULT_TOKEN_LIFETIME_SECONDS;
    return { token, lifetimeSeconds };
  }

  private tokenRefusal(status: number): UserError {
    if (status === 401 || status === 403) {
      return new UserError(
        this.registry,
        `the token service refused the ${this.credentials ? 'credentials' : 'anonymous request'} (HTTP ${status})`,
        this.remedy,
      );
    }
    return new UserError(
      this.registry,
      `the token service failed (HTTP ${status})`,
      'retry the workflow; if it persists, check the registry',
    );
  }
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
