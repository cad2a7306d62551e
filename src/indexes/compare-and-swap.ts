import { backoffDelay, realSleep } from '../util/retry.js';
import {
  NO_CACHE,
  PreconditionFailed,
  WriteOutcomeUnknown,
  type RepositoryStore,
} from '../stores/object-store.js';
import { allInOrder } from '../util/all-in-order.js';
import { UserError } from '../util/errors.js';
import { putContentAddressed, type StoreFile } from './store-file.js';

/** The state key as read: its bytes and the ETag a conditional write must match. */
export interface Current {
  readonly bytes: Buffer;
  readonly etag: string;
}

/** What an attempt wants to write, computed from the state it read. */
export interface Proposal<T> {
  /** Content-addressed files the new state refers to: written first, never overwritten. */
  readonly files: readonly StoreFile[];
  /** The new state, or undefined when the current one already holds everything. */
  readonly next: Buffer | undefined;
  readonly contentType: string;
  readonly result: T;
}

/** Thrown by a proposal that read a state changing under it (an index not matching its Release). */
export class StaleRead extends Error {
  override readonly name = 'StaleRead';
}

export interface SwapOptions {
  readonly attempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onConflict?: (attempt: number) => void;
}

const ATTEMPTS = 30;

/** What a swap did. */
export interface Swapped<T> {
  readonly result: T;
  readonly changed: boolean;
  readonly etag: string | undefined;
  /**
   * Results of attempts whose state write failed ambiguously (a 500, a broken connection): it may
   * have landed, and a later read that finds everything there then changes nothing itself.
   */
  readonly unknown: readonly T[];
}

/**
 * Read → propose → write the referenced files → replace the state key only if it is still what was
 * read (If-Match, or If-None-Match when creating it). When another publisher got there first, its state
 * is read again and the proposal made anew on top of it, so neither loses the other's packages; so
 * too when the store's answer leaves open whether the write landed (409 conflicts, 500s): the next
 * read tells.
 */
export async function compareAndSwap<T>(
  target: RepositoryStore,
  key: string,
  propose: (current: Current | undefined) => Promise<Proposal<T>>,
  options: SwapOptions = {},
): Promise<Swapped<T>> {
  const attempts = options.attempts ?? ATTEMPTS;
  const sleep = options.sleep ?? realSleep;
  const unknown: T[] = [];
  for (let attempt = 1; ; attempt++) {
    let proposed: Proposal<T> | undefined;
    try {
      const read = await target.store.get(key);
      const current = read && { bytes: read.bytes, etag: read.info.etag };
      const proposal = await propose(current);
      if (proposal.next === undefined)
        return { result: proposal.result, changed: false, etag: current?.etag, unknown };
      // Every file the state names is verified there before the state is written; they go together,
      // as each is a round trip or two of its own.
      await allInOrder(proposal.files.map((file) => () => putContentAddressed(target, file, sleep)));
      proposed = proposal;
      const condition = !target.conditional
        ? {}
        : current
          ? { ifMatch: current.etag }
          : { ifNoneMatch: true };
      const etag = await target.store.put(key, proposal.next, {
        ...condition,
        cacheControl: NO_CACHE,
        contentType: proposal.contentType,
      });
      await restoreDeleted(target, proposal.files, sleep);
      return { result: proposal.result, changed: true, etag, unknown };
    } catch (error) {
      if (error instanceof WriteOutcomeUnknown && proposed !== undefined) unknown.push(proposed.result);
      else if (!(error instanceof PreconditionFailed || error instanceof StaleRead)) throw error;
      if (attempt >= attempts) {
        throw error instanceof WriteOutcomeUnknown
          ? new UserError(
              `package-host: ${key}`,
              `the store failed the last of ${attempts} attempts to update it (${error.message})`,
              'check the store is healthy, then run again',
            )
          : new UserError(
              `package-host: ${key}`,
              `changed under each of ${attempts} attempts to update it: too many publishers at once`,
              'run again; if it keeps happening, let one publisher at a time update it (e.g. a workflow concurrency group)',
            );
      }
      options.onConflict?.(attempt);
      await sleep(50 + backoffDelay(attempt, 100, 3_000));
    }
  }
}

/**
 * After the commit, the files the state names are looked at once more: a file reused (same content,
 * same name as an old one no state listed) may have been deleted past its grace period by a publisher
 * that read the state before this commit. Such a file is written again.
 */
async function restoreDeleted(
  target: RepositoryStore,
  files: readonly StoreFile[],
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  await allInOrder(
    files.map((file) => async () => {
      if ((await target.store.head(file.key)) === undefined) await putContentAddressed(target, file, sleep);
    }),
  );
}
