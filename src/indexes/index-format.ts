import type { ObjectStore } from '../stores/object-store.js';
import type { Signing } from './signing.js';
import type { Derived } from './settle.js';
import type { IndexedPackage } from './indexed-package.js';
import type { Pruning } from './retention.js';

/** A file of a proposed state, relative to the repository root. */
export interface FormatFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** What a format proposes on top of the current state. */
export interface Proposal<Entry> {
  /** Content-addressed index files the new state lists: written before it. */
  readonly files: readonly FormatFile[];
  /** The new state file. */
  readonly next: Buffer;
  /** What retention took out: their packages are deleted once the new state is in place. */
  readonly removed: readonly Entry[];
}

/**
 * What makes APT and YUM repositories different for an update: where the state lives, how it reads
 * and grows, what follows from it. The update itself (compare-and-swap, derived files, retention,
 * grace period) is the same for both.
 */
export interface IndexFormat<Entry, State> {
  /** How users call it, in messages: `APT`, `YUM`. */
  readonly label: string;
  /** The state file, relative to the root: `dists/stable/Release`, `repodata/repomd.xml`. */
  readonly stateKey: string;
  readonly stateContentType: string;
  /**
   * The signatures of the state, relative to the root: a repository that has one is a signed
   * repository, which must not be republished unsigned.
   */
  readonly signatureFiles: readonly string[];
  readonly empty: State;
  /** What the index lists of a package of the run (undefined: this format does not index it). */
  entryOf(pkg: IndexedPackage): Entry | undefined;
  /** Reads the current state and the indexes it lists (StaleRead when they are being rewritten). */
  read(store: ObjectStore, root: string, state: Buffer): Promise<State>;
  /**
   * The next state, or undefined when the current one already lists exactly this. Retention (dev
   * trees) prunes by `pruning`, and never a version of `added` by size. `withdrawn` names packages
   * (paths relative to the root) taken out on purpose (`mode: unpublish`): they leave the state and are
   * reported `removed`, so they are deleted once it is committed, as retention's are.
   */
  propose(
    state: State,
    added: readonly Entry[],
    pruning: Pruning | undefined,
    date: Date,
    withdrawn?: ReadonlySet<string>,
  ): Proposal<Entry> | undefined;
  /** The package paths a state lists, relative to the root (what retention must not delete). */
  packages(state: State): string[];
  /** An entry's package path, relative to the root (its `Filename`, its `location`). */
  pathOf(entry: Entry): string;
  /** The Content-Type of an index file the state lists. */
  contentTypeOf(path: string): string;
  /** Plain-name copies and signatures that follow from a state, in the order to write them. */
  derived(store: ObjectStore, root: string, state: Buffer, signing: Signing | undefined): Derived[];
  /** The content-addressed files a state lists, relative to the root (kept past the grace period). */
  listed(state: Buffer): string[];
  /** Where content-addressed files live, and how they are named, relative to the root. */
  readonly oldFiles: { readonly directory: string; readonly pattern: RegExp };
}
