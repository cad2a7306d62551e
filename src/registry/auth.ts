import { basicAuthValue } from '../util/basic-auth.js';
import { parseChallenge, type Challenge } from './challenge.js';
import { TokenCache } from './token-cache.js';
import { issueToken, type TokenService } from './token-service.js';
import type { Reply } from './transport.js';

export interface RegistryCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * Authenticates the way the registry asks through `WWW-Authenticate`: nothing until it asks, then Basic
 * credentials or Bearer tokens from its token service (realm/service/scope). Once the scheme is known,
 * later requests carry it from the start, with no 401 round trip.
 */
export class Authenticator {
  private challenge: Challenge | undefined;
  private readonly tokens: TokenCache;
  private readonly basic: string | undefined;
  private readonly service: TokenService;

  constructor(
    registry: string,
    private readonly credentials: RegistryCredentials | undefined,
    /** GETs a token URL (retried like any request), with the Basic credentials if any. */
    tokenRequest: (url: string, authorization: string | undefined) => Promise<Reply>,
    now: () => number,
    insecure: boolean,
    /** What to tell the user when the registry refuses; where the credentials come from decides it. */
    private readonly loginHint?: string,
  ) {
    this.tokens = new TokenCache(now);
    this.basic = credentials
      ? `Basic ${basicAuthValue(credentials.username, credentials.password)}`
      : undefined;
    this.service = {
      registry,
      insecure,
      basic: this.basic,
      hasCredentials: credentials !== undefined,
      remedy: this.remedy,
      get: tokenRequest,
    };
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
    return (
      this.tokens.find(scopes) ?? this.tokens.fetch(scopes, () => issueToken(this.service, challenge, scopes))
    );
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
    return this.tokens.fetch(asked, () => issueToken(this.service, challenge, asked));
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
}
