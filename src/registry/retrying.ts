import { UserError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { retryAndBackoff, type RetryOptions } from '../util/retry.js';
import { describeFailure, isRetryableStatus, RetryableReply, retryVerdict } from './retry-policy.js';
import { networkErrorCode, type Reply } from './transport.js';

export type RetrySettings = Omit<RetryOptions, 'onRetry' | 'random'>;

/**
 * Runs `attempt` under the registry retry policy (408, 429, 5xx, network failures; `Retry-After`
 * honoured), telling each retry in the log. A network failure that outlasts the retries becomes an
 * error that names the server.
 */
export async function withRetries<T>(
  what: string,
  attempt: (attempt: number) => Promise<T>,
  retry: RetrySettings,
  logger: Logger,
): Promise<T> {
  try {
    return await retryAndBackoff(attempt, retryVerdict, {
      ...retry,
      onRetry: (error, delayMs, n) =>
        logger.info(
          `${what}: ${describeFailure(error)}; retry ${n} of ${retry.retries} in ${(delayMs / 1000).toFixed(1)} s`,
        ),
    });
  } catch (error) {
    const code = networkErrorCode(error);
    if (code === undefined) throw error;
    throw new UserError(
      'registry',
      `cannot reach ${originOf(error) ?? 'the registry'} (${code})`,
      'check the registry input and that the registry is up',
    );
  }
}

/**
 * Sends with `once` until the answer is not a retryable status (408, 429, 5xx) or the retries run
 * out; then that last answer is returned, for the caller to turn into a clear error.
 */
export async function untilAnswered<T extends { readonly reply: Reply }>(
  what: string,
  once: () => Promise<T>,
  retry: RetrySettings,
  logger: Logger,
): Promise<T | { readonly reply: Reply }> {
  try {
    return await withRetries(
      what,
      async () => {
        const answer = await once();
        if (isRetryableStatus(answer.reply.statusCode)) throw new RetryableReply(answer.reply);
        return answer;
      },
      retry,
      logger,
    );
  } catch (error) {
    if (error instanceof RetryableReply) return { reply: error.reply };
    throw error;
  }
}

/** The server a got error was about. */
function originOf(error: unknown): string | undefined {
  const url = (error as { options?: { url?: unknown } }).options?.url;
  if (url instanceof URL) return url.origin;
  return typeof url === 'string' ? new URL(url).origin : undefined;
}
