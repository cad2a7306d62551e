import { RequestError, type BeforeRedirectHook } from 'got';
import { UserError } from '../util/errors.js';

// Credentials are issued for one origin (scheme, host, port): the registry's. Answers may point
// elsewhere — an upload Location, a tag list Link, a redirect to a CDN — and what goes there gets no
// Authorization; what goes from https to plain http does not go at all.

/** True when `to` would take a request from https to plain http. */
export function isDowngrade(from: URL, to: URL): boolean {
  return from.protocol === 'https:' && to.protocol === 'http:';
}

/** The refusal of a request that an answer of `from` sends to plain http at `to`. */
export function downgradeRefusal(from: URL, to: URL): UserError {
  return new UserError(
    from.origin,
    `the registry sends the client on to ${to.origin}, which is plain http: refused, so nothing (credentials or content) travels in clear`,
    'check the registry and any proxy or CDN in front of it',
  );
}

/**
 * got's `beforeRedirect` hook: refuses https → http, and drops Authorization when the redirect
 * leaves the origin (got itself only drops it when the host or port changes, not the scheme).
 */
export const guardRedirect: BeforeRedirectHook = (next, response) => {
  const from = new URL(response.url);
  const to = next.url instanceof URL ? next.url : new URL(String(next.url));
  if (isDowngrade(from, to)) throw downgradeRefusal(from, to);
  if (from.origin !== to.origin) delete next.headers.authorization;
};

/** A refusal thrown by guardRedirect reaches the caller as itself, not wrapped as a failed request. */
export function unwrapRefusal(error: unknown): Error {
  if (error instanceof RequestError && error.cause instanceof UserError) return error.cause;
  return error instanceof Error ? error : new Error(String(error));
}
