import { ConditionalWritesUnsupported, PreconditionFailed } from './object-store.js';
import { s3Failure } from './s3-errors.js';

/**
 * What a failed conditional PUT means. 412: someone else wrote first. 404 on If-Match: the object we
 * read is gone (AWS; radosgw says 412). 500: radosgw's answer to the loser of a real race, so re-read
 * and merge rather than fail. 501: the store has no conditional writes at all (Swift).
 */
export function conditionalPutError(error: unknown, key: string, ifMatch: boolean): Error | undefined {
  const failure = s3Failure(error);
  if (failure === undefined) return undefined;
  if (failure.status === 412 || (ifMatch && failure.status === 404 && failure.code !== 'NoSuchBucket')) {
    return new PreconditionFailed(`${key} changed since it was read (${failure.status})`);
  }
  if (failure.status === 500) {
    return new PreconditionFailed(
      `${key}: the store failed a conditional write (500), as radosgw does to a race's loser`,
    );
  }
  if (failure.status === 501 || failure.code === 'NotImplemented') {
    return new ConditionalWritesUnsupported(
      `${key}: the store does not implement conditional writes (If-Match / If-None-Match)`,
    );
  }
  return undefined;
}
