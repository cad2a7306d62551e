import { covers, mergeScopes } from './scopes.js';

/** A bearer token as the token service gave it, and how long it said the token lives. */
export interface IssuedToken {
  readonly token: string;
  /** `expires_in` of the answer, in seconds. */
  readonly lifetimeSeconds: number;
}

interface Entry {
  readonly scopes: readonly string[];
  readonly authorization: string;
  /** When we stop using it: a little before it expires, so it never expires in flight. */
  readonly renewAt: number;
}

/** Renew when this share of the lifetime is left (at most 30 s before expiry). */
const RENEW_MARGIN = 0.1;
const MAX_RENEW_MARGIN_MS = 30_000;

/**
 * Bearer tokens per scope set, with our own expiry bookkeeping (`now` is injectable so a test can
 * let time pass). One token asked for more (`pull,push`) serves requests that need less (`pull`);
 * concurrent requests for the same scopes share one token request.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<string>>();
  private readonly issued = new Set<string>();

  constructor(private readonly now: () => number) {}

  /** A live token that covers `scopes`, as an Authorization value; undefined when there is none. */
  find(scopes: readonly string[]): string | undefined {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.renewAt <= now) this.entries.delete(key);
      else if (covers(entry.scopes, scopes)) return entry.authorization;
    }
    return undefined;
  }

  /** A new token for `scopes` (joining a request already under way for the same scopes). */
  fetch(scopes: readonly string[], issue: () => Promise<IssuedToken>): Promise<string> {
    const merged = mergeScopes(scopes);
    const key = merged.join(' ');
    const under = this.pending.get(key);
    if (under) return under;
    const requestedAt = this.now();
    const request = issue()
      .then(({ token, lifetimeSeconds }) => {
        const lifetimeMs = lifetimeSeconds * 1000;
        const margin = Math.min(lifetimeMs * RENEW_MARGIN, MAX_RENEW_MARGIN_MS);
        const authorization = `Bearer ${token}`;
        this.issued.add(token);
        this.entries.set(key, { scopes: merged, authorization, renewAt: requestedAt + lifetimeMs - margin });
        return authorization;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, request);
    return request;
  }

  /** Forgets a token the registry refused. */
  drop(authorization: string): void {
    for (const [key, entry] of this.entries)
      if (entry.authorization === authorization) this.entries.delete(key);
  }

  /** Every token handed out so far (dropped ones too), to keep them out of error messages. */
  tokens(): string[] {
    return [...this.issued];
  }
}
