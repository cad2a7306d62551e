import { UserError } from '../util/errors.js';
import type { Reply } from './transport.js';

/** The registry's own error codes and messages (`NAME_UNKNOWN: repository name not known to registry`). */
export function registryErrors(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: { code?: unknown; message?: unknown }[] };
    if (!Array.isArray(parsed.errors)) return '';
    return parsed.errors
      .map((e) => [e.code, e.message].filter((part) => typeof part === 'string' && part !== '').join(': '))
      .filter(Boolean)
      .join('; ');
  } catch {
    return '';
  }
}

export interface RefusalContext {
  /** The reference the request was about (`registry/name:tag`, `registry/name@sha256:…`). */
  readonly subject: string;
  /** What was being done, for "the registry refused <doing>". */
  readonly doing: string;
  /** What to do about a 401/403. */
  readonly remedy: string;
  /** Removes secrets from what the registry said. */
  readonly redact: (text: string) => string;
}

/** A clear error for an answer that is not the one wanted: the reference, the status, the registry's words. */
export function refusal(reply: Reply, context: RefusalContext): UserError {
  const { subject, doing } = context;
  const detail = context.redact(registryErrors(reply.body));
  const status = `HTTP ${reply.statusCode}${detail ? ` ${detail}` : ''}`;
  switch (reply.statusCode) {
    case 401:
    case 403:
      return new UserError(subject, `the registry refused ${doing} (${status})`, context.remedy);
    case 404:
      return new UserError(
        subject,
        `the registry does not know it: ${doing} failed (${status})`,
        'check the repository name and the reference',
      );
  }
  if (reply.statusCode >= 500 || reply.statusCode === 408 || reply.statusCode === 429) {
    return new UserError(
      subject,
      `the registry failed ${doing} (${status})`,
      'retry the workflow; if it persists, check the registry',
    );
  }
  return new UserError(subject, `the registry rejected ${doing} (${status})`);
}
