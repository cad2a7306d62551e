import { stat } from 'node:fs/promises';
import { errnoCode } from '../util/errno.js';
import { isRetryableNetworkCode, realSleep, retryAndBackoff } from '../util/retry.js';
import { changedSincePlanned } from './s3-digest.js';
import { s3Failure } from './s3-errors.js';
import { isDigestRefusal } from './s3-payload-sha256.js';

/** What S3 and its look-alikes answer when the same request may well succeed a little later. */
const BUSY_CODES: ReadonlySet<string> = new Set([
  'SlowDown',
  'RequestTimeout',
  'Throttling',
  'ThrottlingException',
  'ServiceUnavailable',
  'InternalError',
]);

/**
 * Sends a request whose body is streamed from a local file, and sends it again after a failure that
 * another attempt may not meet (a 5xx, throttling, a broken connection, a timeout): the SDK never sends
 * a stream twice, and only this side can open the file again. A body the store refused for its digest,
 * or a file whose size is no longer the one planned, means the file changed since it was validated:
 * that is said at once, never tried again.
 */
export async function sendAgainOnFailure<T>(
  file: { readonly file: string; readonly size: number },
  send: () => Promise<T>,
): Promise<T> {
  return retryAndBackoff(
    async () => {
      try {
        return await send();
      } catch (error) {
        throw await saidOfTheFile(error, file);
      }
    },
    worthAnotherTry,
    { retries: 3, baseMs: 250, maxMs: 4_000, sleep: realSleep },
  );
}

/**
 * What to say of a failed send of a file: that the file changed since it was validated, when the store
 * refused the body for its digest or the file's size is no longer the one planned; else the error.
 */
export async function saidOfTheFile(
  error: unknown,
  file: { readonly file: string; readonly size: number },
): Promise<unknown> {
  const changed = isDigestRefusal(error) || (await sizeNow(file.file)) !== file.size;
  return changed ? changedSincePlanned(file.file) : error;
}

function worthAnotherTry(error: unknown): boolean {
  const failure = s3Failure(error);
  // Any answer has its status here, even one whose body is no S3 error document (a front's plain-text 502).
  if (failure?.status !== undefined) return failure.status >= 500 || BUSY_CODES.has(failure.code);
  // No answer: the connection broke, or the store said nothing for the client's socket timeout.
  return (
    isRetryableNetworkCode(errnoCode(error)) || (error instanceof Error && error.name === 'TimeoutError')
  );
}

async function sizeNow(file: string): Promise<number | undefined> {
  return stat(file).then(
    ({ size }) => size,
    () => undefined,
  );
}
