import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import type { Logger } from '../../util/logger.js';

/** Octokit with the retry plugin (5xx and network failures) and the throttling plugin (rate limits). */
const RetryingOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof RetryingOctokit>;

/**
 * How long the client waits. GitHub says how long in seconds (`retry-after`, and the retry plugin's
 * 1, 4, 9 s backoff); a second is `secondMs` milliseconds, which tests shorten so they never wait.
 */
export interface GitHubTiming {
  readonly secondMs: number;
  /**
   * The throttling plugin's pacing of writes (one at a time, a second apart, as GitHub asks of
   * integrations); tests pass unpaced groups. Absent: the plugin's own.
   */
  readonly pacing?: Pick<ThrottlingOptions, 'write' | 'notifications'>;
}

export const GITHUB_TIMING: GitHubTiming = { secondMs: 1000 };

/** Times a request that hit a secondary rate limit is asked again: GitHub says how long to wait first. */
const SECONDARY_LIMIT_RETRIES = 4;
/** A primary rate limit that resets within this many seconds is waited for, once; a later one fails the run. */
const PRIMARY_LIMIT_WAIT_S = 60;
/** Retries of a 5xx or a lost connection (the retry plugin waits 1, 4, 9 s before them). */
export const SERVER_ERROR_RETRIES = 3;

export interface GitHubClientOptions {
  readonly token: string;
  readonly apiUrl: string;
  readonly logger: Logger;
  readonly timing: GitHubTiming;
}

/** A client of the REST API the runner names; its token goes with every request, and nowhere in a log. */
export function gitHubClient({ token, apiUrl, logger, timing }: GitHubClientOptions): GitHubClient {
  return new RetryingOctokit({
    auth: token,
    baseUrl: apiUrl,
    userAgent: 'falco-release-publisher',
    // The request log says each failed request (a 404 is often an answer, not a failure): debug only.
    log: {
      debug: (message) => logger.debug(message),
      info: (message) => logger.debug(message),
      warn: (message) => logger.warning(message),
      error: (message) => logger.debug(message),
    },
    retry: { retryAfterBaseValue: timing.secondMs, retries: SERVER_ERROR_RETRIES },
    throttle: {
      retryAfterBaseValue: timing.secondMs,
      ...timing.pacing,
      onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
        logger.warning(
          `GitHub's secondary rate limit: ${options.method} ${options.url} is asked again in ${retryAfter} s`,
        );
        return retryCount < SECONDARY_LIMIT_RETRIES;
      },
      onRateLimit: (retryAfter, options, _octokit, retryCount) => {
        if (retryCount > 0 || retryAfter > PRIMARY_LIMIT_WAIT_S) return false;
        logger.warning(
          `GitHub's rate limit: ${options.method} ${options.url} is asked again in ${retryAfter} s`,
        );
        return true;
      },
    },
  });
}
