import type { ObjectStore } from '../stores/object-store.js';
import { allInOrder } from '../util/all-in-order.js';
import { UserError } from '../util/errors.js';
import type { Current } from './compare-and-swap.js';

/**
 * A file that follows from the state key (a signature of it, a plain-name copy of an index it lists):
 * any publisher can write it from the state alone, and it is rewritten only when it does not match.
 */
export interface Derived {
  readonly key: string;
  readonly cacheControl: string;
  readonly contentType: string;
  /** Whether what is there (undefined: nothing) already matches the state. */
  matches(existing: Buffer | undefined): Promise<boolean>;
  /** The content for the state; `undefined` means the file must not exist (e.g. an old signature). */
  produce(): Promise<Buffer | undefined>;
}

const ROUNDS = 30;

/** What settling wrote. */
export interface Settled {
  /** Files written or deleted. */
  readonly written: number;
  /**
   * Keys whose earlier content this replaced or deleted: a cache in front of the store (a CDN) may still
   * serve that content. A file created where there was none is not among them.
   */
  readonly replaced: readonly string[];
}

/**
 * Brings the derived files in line with the state key, then checks the state did not change meanwhile.
 * If it did, another publisher committed after us and our files may describe the older state: they are
 * derived again from the newer one. The last publisher to finish thus always leaves a consistent set.
 */
export async function settleDerived(
  store: ObjectStore,
  key: string,
  derive: (current: Current) => Promise<readonly Derived[]>,
): Promise<Settled> {
  let written = 0;
  const replaced = new Set<string>();
  const settled = (): Settled => ({ written, replaced: [...replaced] });
  for (let round = 1; round <= ROUNDS; round++) {
    const read = await store.get(key);
    if (read === undefined) return settled();
    // Each file follows from the state alone, not from the others: they are checked and written
    // together, and counted in their own order, whichever finished first.
    const files = await derive({ bytes: read.bytes, etag: read.info.etag });
    const outcomes = await allInOrder(files.map((file) => () => settleOne(store, file)));
    files.forEach((file, i) => {
      const outcome = outcomes[i];
      if (outcome === 'kept') return;
      written++;
      if (outcome === 'replaced') replaced.add(file.key);
    });
    if ((await store.head(key))?.etag === read.info.etag) return settled();
  }
  // Another publisher committed in each of the rounds: the user resolves it by running again, alone.
  throw new UserError(
    `package-host: ${key}`,
    `kept changing while its signatures and plain-name indexes were written (${ROUNDS} rounds): other publishers are updating this repository at the same time`,
    'run again; if it keeps happening, let one publisher at a time update it (e.g. a workflow concurrency group)',
  );
}

/** Writes (or deletes) one derived file unless what is there already matches the state. */
async function settleOne(store: ObjectStore, file: Derived): Promise<'kept' | 'created' | 'replaced'> {
  const existing = await store.get(file.key);
  if (await file.matches(existing?.bytes)) return 'kept';
  const bytes = await file.produce();
  if (bytes === undefined) await store.delete(file.key);
  else await store.put(file.key, bytes, { cacheControl: file.cacheControl, contentType: file.contentType });
  return existing === undefined ? 'created' : 'replaced';
}
