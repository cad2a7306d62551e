import { errnoCode } from '../util/errno.js';
import { ConditionalWritesUnsupported, PreconditionFailed, WriteOutcomeUnknown } from './object-store.js';
import { s3Failure } from './s3-errors.js';

/** AWS's answers to a conditional write that overlapped another one: nothing was written, re-read and retry. */
const CONFLICT_CODES: ReadonlySet<string> = new Set(['ConditionalRequestConflict', 'OperationAborted']);
/** Connections broken after the request may have reached the store: the write may have landed. */
const BROKEN_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);

/**
 * What a failed conditional PUT means. 412: someone else wrote first. 404 on If-Match: the object we
 * read is gone (AWS; radosgw says 412). 409 ConditionalRequestConflict: another conditional write
 * overlapped ours (AWS), which did not land. 500 and other server errors, or a broken connection: the
 * write may or may not have landed (radosgw answers 500 to a race's loser, AWS sometimes InternalError),
 * so the writer must look before it goes on. 501: the store has no conditional writes at all (Swift).
 */
export function conditionalPutError(error: unknown, key: string, ifMatch: boolean): Error | undefined {
  const failure = s3Failure(error);
  if (failure === undefined) {
    const broken = errnoCode(error) ?? (error instanceof Error ? error.name : undefined);
    if (broken !== undefined && (BROKEN_CODES.has(broken) || broken === 'TimeoutError')) {
      return new WriteOutcomeUnknown(`${key}: the connection broke during a conditional write (${broken})`);
    }
    return undefined;
  }
  const answer = `${failure.status ?? '?'} ${failure.code}`;
  if (failure.status === 412 || (ifMatch && failure.status === 404 && failure.code !== 'NoSuchBucket')) {
    return new PreconditionFailed(`${key} changed since it was read (${answer})`);
  }
  if (failure.status === 409 && CONFLICT_CODES.has(failure.code)) {
    return new PreconditionFailed(`${key}: another conditional write overlapped this one (${answer})`);
  }
  if (failure.status === 501 || failure.code === 'NotImplemented') {
    return new ConditionalWritesUnsupported(
      `${key}: the store does not implement conditional writes (If-Match / If-None-Match)`,
    );
  }
  if (failure.status !== undefined && failure.status >= 500) {
    return new WriteOutcomeUnknown(
      `${key}: the store failed a conditional write (${answer}); it may have landed`,
    );
  }
  return undefined;
}
