import { decodeJwt } from 'jose';
import { UserError } from '../util/errors.js';

/** What a job with `permissions: id-token: write` gets from its runner to ask for OIDC tokens. */
export interface RunnerOidc {
  readonly requestUrl: string;
  readonly requestToken: string;
}

/**
 * An OIDC token for Sigstore (`audience=sigstore`) from the runner, masked before anything can print
 * it: with it, anyone could get a certificate in the workflow's name for its few minutes of life.
 */
export async function runnerOidcToken(oidc: RunnerOidc, mask: (secret: string) => void): Promise<string> {
  const url = new URL(oidc.requestUrl);
  url.searchParams.append('audience', 'sigstore');
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json', authorization: `Bearer ${oidc.requestToken}` },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new UserError(
      'image-signing',
      `could not reach the runner's OIDC token service (${error instanceof Error ? error.message : String(error)})`,
      'run again; keyless signing needs the token service of the GitHub runner',
    );
  }
  if (!response.ok) {
    throw new UserError(
      'image-signing',
      `the runner refused an OIDC token (HTTP ${response.status})`,
      'give the job `permissions: id-token: write`',
    );
  }
  const value = ((await response.json()) as { value?: unknown }).value;
  if (typeof value !== 'string' || value.split('.').length !== 3) {
    throw new UserError('image-signing', 'the runner answered without an OIDC token', 'run again');
  }
  mask(value);
  return value;
}

/** The claim Fulcio signs to prove the key is ours: `email` when the issuer gives one, else `sub`. */
export function tokenSubject(token: string): string {
  const claims = decodeJwt(token);
  const email = claims['email'];
  if (typeof email === 'string') return email;
  if (typeof claims.sub === 'string') return claims.sub;
  throw new UserError('image-signing', 'the OIDC token names no subject', 'check the OIDC token service');
}
