import type { Signing } from './signing.js';
import { compareAndSwap } from './compare-and-swap.js';
import type { IndexFormat } from './index-format.js';
import { deletePackages, deleteUnlisted } from './old-files.js';
import { removedPackages } from './removed-packages.js';
import { readState } from './read-state.js';
import { settleDerived } from './settle.js';
import { IMMUTABLE, type RepositoryStore } from '../stores/object-store.js';
import type { Pruning } from './retention.js';

/** One repository's index update: what to add, what retention keeps, how to sign. */
export interface IndexUpdate<Entry, State> {
  readonly target: RepositoryStore;
  readonly root: string;
  readonly added: readonly Entry[];
  /** Packages taken out on purpose (`mode: unpublish`), by path relative to the root. */
  readonly withdrawn?: ReadonlySet<string>;
  /** What retention keeps (dev repositories); undefined keeps all. */
  readonly pruning: Pruning | undefined;
  readonly signing: Signing | undefined;
  /** The Release/repomd date: the run's start, so every repository of a run says the same. */
  readonly date: Date;
  /** How long content-addressed files stay after the state stops listing them. */
  readonly graceMs: number;
  readonly now: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  /** The state as read before the publish (its ETag and content): reused while the ETag still matches. */
  readonly known?: KnownState<State>;
}

export interface KnownState<State> {
  readonly etag: string;
  readonly state: State;
}

export interface IndexUpdateResult {
  /** Whether the state (Release, repomd.xml) was replaced; false when it already listed everything. */
  readonly changed: boolean;
  /** Times another publisher changed the state between our read and our write. */
  readonly conflicts: number;
  /** Plain-name indexes and signatures (re)written. */
  readonly derivedWritten: number;
  /** Host paths of packages retention deleted. */
  readonly removed: readonly string[];
  /** Old content-addressed index files deleted after their grace period. */
  readonly expired: readonly string[];
  /**
   * Files at fixed names (the state, plain-name indexes, signatures) whose earlier content this update
   * replaced or deleted: what a cache in front of the host may still serve. Content-addressed files are
   * new names, never among them.
   */
  readonly rewritten: readonly string[];
}

/**
 * Updates one repository: its state file by compare-and-swap (the content-addressed indexes it lists
 * written first, proposed again on top of whatever another publisher committed meanwhile), then the
 * plain-name indexes and signatures derived from whatever state is current, then the packages
 * retention removed, then content-addressed files no state lists past their grace period.
 */
export async function updateIndex<Entry, State>(
  update: IndexUpdate<Entry, State>,
  format: IndexFormat<Entry, State>,
): Promise<IndexUpdateResult> {
  const { target, root } = update;
  const key = `${root}/${format.stateKey}`;
  let conflicts = 0;
  // Set by each attempt: the one whose write went through says whether a state was there before it.
  let stateExisted = false;
  const swap = await compareAndSwap(
    target,
    key,
    async (current) => {
      stateExisted = current !== undefined;
      const state = !current
        ? format.empty
        : current.etag === update.known?.etag
          ? update.known.state
          : await readState(format, target, root, current.bytes);
      const change = format.propose(state, update.added, update.pruning, update.date, update.withdrawn);
      return {
        files: (change?.files ?? []).map((file) => ({
          key: `${root}/${file.path}`,
          bytes: Buffer.from(file.bytes),
          cacheControl: IMMUTABLE,
          contentType: format.contentTypeOf(file.path),
        })),
        next: change?.next,
        contentType: format.stateContentType,
        result: change,
      };
    },
    { onConflict: () => conflicts++, ...(update.sleep ? { sleep: update.sleep } : {}) },
  );
  const derived = await settleDerived(target.store, key, async (current) =>
    format.derived(target.store, root, current.bytes, update.signing),
  );
  const removed = await removedPackages(target, root, format, swap);
  await deletePackages(target.store, removed);
  const listed = async (): Promise<ReadonlySet<string>> => {
    const state = await target.store.get(key);
    return new Set(state === undefined ? [] : format.listed(state.bytes).map((path) => `${root}/${path}`));
  };
  const expired = await deleteUnlisted(
    target.store,
    {
      prefix: `${root}/${format.oldFiles.directory}/`,
      pattern: format.oldFiles.pattern,
      contentTypeOf: (path) => format.contentTypeOf(path.slice(root.length + 1)),
    },
    listed,
    update.graceMs,
    update.now(),
  );
  const rewritten = [...(swap.changed && stateExisted ? [key] : []), ...derived.replaced];
  return {
    changed: swap.changed,
    conflicts,
    derivedWritten: derived.written,
    removed,
    expired,
    rewritten,
  };
}
