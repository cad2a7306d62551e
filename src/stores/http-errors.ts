import { UserError } from '../util/errors.js';

/** What a message needs to know of the store: where it is and which inputs hold its credentials. */
export interface HttpPlace {
  /** The base URL (no credentials: the location refuses them). */
  readonly baseUrl: string;
  /** `package-host-username / package-host-password`, `package-host-token`, or both forms when none is set. */
  readonly credentialInputs: string;
  readonly hasCredentials: boolean;
}

/** The request as a message may show it: the method and the URL, which never holds a secret. */
export function requestLabel(method: string, url: string): string {
  return `${method} ${url}`;
}

/**
 * The error of an answer that is not what the store expected, as the user can act on it: 401 and 403
 * name the credential inputs; an answer still failing after the retries names the URL and how often.
 * The server's own words are not quoted: a misconfigured proxy may echo request headers back.
 */
export function answerError(
  status: number,
  method: string,
  url: string,
  place: HttpPlace,
  attempts: number,
  location?: string,
): UserError {
  const request = requestLabel(method, url);
  if (status === 401) {
    return place.hasCredentials
      ? new UserError(
          'package-host',
          `${place.baseUrl} refused the credentials (401 on ${request})`,
          `check ${place.credentialInputs}: the right ones for this server, not expired`,
        )
      : new UserError(
          'package-host',
          `${place.baseUrl} asks for credentials (401 on ${request})`,
          `set ${place.credentialInputs} from secrets`,
        );
  }
  if (status === 403) {
    return new UserError(
      'package-host',
      `${place.baseUrl} denied ${request} (403)`,
      `let the account of ${place.credentialInputs} read and deploy under ${place.baseUrl}, or check that they are that account's`,
    );
  }
  if (status >= 300 && status < 400) {
    return new UserError(
      'package-host',
      `${request} was redirected (${status}${location === undefined ? '' : ` to ${shown(location, url)}`}); credentials are never sent after a redirect`,
      'set package-host to the URL the server redirects to',
    );
  }
  if (status === 405 || status === 501) {
    return new UserError(
      'package-host',
      `${place.baseUrl} does not take ${method} (${status} on ${url})`,
      'point package-host at a location that accepts uploads (WebDAV PUT, an Artifactory or Nexus raw repository)',
    );
  }
  const times = attempts > 1 ? `, ${attempts} times` : '';
  return new UserError(
    'package-host',
    `${request} failed: the server answered ${status}${times}`,
    status >= 500 ? 'check the server is healthy, then run again' : 'check package-host and the server',
  );
}

/** A request that got no answer at all (refused, reset, timed out), after its retries. */
export function unansweredError(method: string, url: string, code: string, attempts: number): UserError {
  const times = attempts > 1 ? ` (${attempts} attempts)` : '';
  return new UserError(
    'package-host',
    `${requestLabel(method, url)} got no answer: ${code}${times}`,
    'check package-host (scheme, host, port, certificate) and that the runner can reach it, then run again',
  );
}

/** A redirect's target as a message may show it: origin and path only, resolved against the request. */
function shown(location: string, url: string): string {
  try {
    const target = new URL(location, url);
    return `${target.origin}${target.pathname}`;
  } catch {
    return 'an unreadable location';
  }
}
