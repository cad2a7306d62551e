import type { ObjectStore } from '../stores/object-store.js';
import type { Signing } from './signing.js';
import type { Derived } from './settle.js';
import type { IndexedPackage } from './indexed-package.js';

/** A file of a proposed state, relative to the repository root. */
export interface FormatFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** What a format proposes on top of the current state. */
export interface FormatChange {
  /** Content-addressed index files the new state lists. */
  readonly files: readonly FormatFile[];
  readonly next: Buffer;
  /** Package paths (relative to the root) that retention took out. */
  readonly removed: readonly string[];
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
  /** The next state, or undefined when the current one already lists exactly this. */
  propose(
    state: State,
    added: readonly Entry[],
    keep: number | undefined,
    date: Date,
  ): FormatChange | undefined;
  /** Plain-name copies and signatures that follow from a state, in the order to write them. */
  derived(store: ObjectStore, root: string, state: Buffer, signing: Signing | undefined): Derived[];
  /** The content-addressed files a state lists, relative to the root (kept past the grace period). */
  listed(state: Buffer): string[];
  /** Where content-addressed files live, and how they are named, relative to the root. */
  readonly oldFiles: { readonly directory: string; readonly pattern: RegExp };
}
