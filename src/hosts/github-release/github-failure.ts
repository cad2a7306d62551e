import { UserError } from '../../util/errors.js';

/** What Octokit throws for a failed request (its RequestError), read by shape: status, message, response. */
interface RequestFailure extends Error {
  readonly status: number;
  readonly response?: { readonly headers: Readonly<Record<string, unknown>>; readonly data?: unknown };
}

function isRequestFailure(error: unknown): error is RequestFailure {
  return error instanceof Error && 'status' in error && typeof error.status === 'number';
}

/** The HTTP status of a failed request, or undefined for anything that is not a request's failure. */
export function statusOf(error: unknown): number | undefined {
  return isRequestFailure(error) ? error.status : undefined;
}

/** A 422 whose errors say `already_exists` (an asset or release of that name is there). */
export function isAlreadyExists(error: unknown): boolean {
  if (!isRequestFailure(error) || error.status !== 422) return false;
  const data: unknown = error.response?.data;
  const errors = typeof data === 'object' && data !== null && 'errors' in data ? data.errors : undefined;
  return Array.isArray(errors) && errors.some((entry: unknown) => hasCode(entry, 'already_exists'));
}

function hasCode(entry: unknown, code: string): boolean {
  return typeof entry === 'object' && entry !== null && 'code' in entry && entry.code === code;
}

/** 5xx, or a connection that broke (Octokit reports those as 500): worth asking again. */
export function isServerFailure(error: unknown): boolean {
  const status = statusOf(error);
  return status !== undefined && status >= 500;
}

/** A 403 or 429 GitHub gives for a rate limit (which the throttling plugin already waited out). */
function isRateLimit(error: RequestFailure): boolean {
  if (error.status === 429) return true;
  const remaining = error.response?.headers['x-ratelimit-remaining'];
  return error.status === 403 && (/rate limit/i.test(error.message) || remaining === '0');
}

/**
 * A failed request as the error a user reads: what the run was doing, what GitHub said, what to do.
 * A failure it cannot explain is returned as it is (a defect shows its stack). GitHub's messages never
 * carry the token, and neither does anything here.
 */
export function explainFailure(error: unknown, doing: string): unknown {
  if (!isRequestFailure(error)) return error;
  const said = `GitHub answered ${error.status}${error.message ? ` (${firstLine(error.message)})` : ''}`;
  if (error.status === 401) {
    return new UserError(
      'github-token',
      `GitHub refused the token while ${doing}: ${said}`,
      'pass a valid token, e.g. ${{ github.token }}',
    );
  }
  if (isRateLimit(error)) {
    return new UserError('package-host', `GitHub's rate limit stopped ${doing}: ${said}`, 'run again later');
  }
  if (error.status === 403) {
    return new UserError(
      'github-token',
      `may not be used for ${doing}: ${said}`,
      'give the job permissions: contents: write, or pass a token that may write the repository',
    );
  }
  if (error.status >= 500) {
    return new UserError(
      'package-host',
      `${doing} failed, also when asked again: ${said}`,
      'run again when GitHub answers',
    );
  }
  return error;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
