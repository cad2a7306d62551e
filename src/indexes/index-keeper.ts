import { UserError } from '../util/errors.js';
import type { RepositoryStore } from '../stores/object-store.js';
import { StaleRead } from './compare-and-swap.js';
import type { IndexFormat } from './index-format.js';
import { updateIndex, type IndexUpdate, type IndexUpdateResult, type KnownState } from './index-update.js';
import { readState } from './read-state.js';
import type { IndexedPackage } from './indexed-package.js';
import type { Pruning } from './retention.js';

/** What an update needs beside the format's own entries and state. */
export type UpdateSettings = Omit<IndexUpdate<never, never>, 'added' | 'known'>;

/**
 * One index format with its entry and state types closed over, so the updater drives APT and YUM
 * alike: it remembers the state `check` read of each repository, and the update starts from it if
 * nothing changed since.
 */
export interface IndexKeeper {
  /**
   * The current indexes must parse (else the update would fail after the packages are out), and a
   * signed repository must not be republished unsigned: a missing `signing-key` secret would otherwise
   * leave a stale InRelease that apt prefers, or a repomd.xml that no longer matches its signature.
   */
  check(
    target: RepositoryStore,
    root: string,
    signed: boolean,
    packages: readonly IndexedPackage[],
  ): Promise<void>;
  /**
   * The host paths of the packages retention would take out, proposed on the state `check` read with
   * the run's packages added; undefined when the repository kept being rewritten while it was read.
   */
  foresee(
    target: RepositoryStore,
    root: string,
    packages: readonly IndexedPackage[],
    pruning: Pruning,
  ): Promise<string[] | undefined>;
  /**
   * The host paths of the packages the state `check` read lists; undefined when the repository kept
   * being rewritten while it was read.
   */
  listed(target: RepositoryStore, root: string): Promise<string[] | undefined>;
  update(settings: UpdateSettings, packages: readonly IndexedPackage[]): Promise<IndexUpdateResult>;
}

/** Reads of a state being rewritten before the plan gives up foreseeing what retention deletes. */
const FORESIGHT_READS = 3;

export function indexKeeper<Entry, State>(format: IndexFormat<Entry, State>): IndexKeeper {
  const known = new Map<string, KnownState<State>>();
  /** Repositories `check` found without a state: new, so empty. */
  const absent = new Set<string>();
  const entriesOf = (packages: readonly IndexedPackage[]): Entry[] =>
    packages.flatMap((pkg) => {
      const entry = format.entryOf(pkg);
      return entry === undefined ? [] : [entry];
    });
  /** The state read again: `check` met it being rewritten. */
  const reread = async (target: RepositoryStore, root: string): Promise<State | undefined> => {
    for (let read = 1; read <= FORESIGHT_READS; read++) {
      const current = await target.store.get(`${root}/${format.stateKey}`);
      if (current === undefined) return format.empty;
      try {
        return await readState(format, target, root, current.bytes);
      } catch (error) {
        if (!(error instanceof StaleRead)) throw error;
      }
    }
    return undefined;
  };
  /** The state `check` read, or read again if it was being rewritten then. */
  const stateOf = async (target: RepositoryStore, root: string): Promise<State | undefined> =>
    known.get(root)?.state ?? (absent.has(root) ? format.empty : await reread(target, root));
  return {
    async check(target, root, signed, packages) {
      // The run's own packages must fit in one index (two files that are one package cannot): proposing
      // them on an empty repository refuses them now, before any of them is uploaded.
      format.propose(format.empty, entriesOf(packages), undefined, new Date(0));
      const { store } = target;
      const current = await store.get(`${root}/${format.stateKey}`);
      if (current === undefined) {
        absent.add(root);
        return;
      }
      try {
        known.set(root, {
          etag: current.info.etag,
          state: await readState(format, target, root, current.bytes),
        });
      } catch (error) {
        // Being rewritten by another publisher right now: the update reads it again anyway.
        if (error instanceof StaleRead) return;
        throw error;
      }
      if (signed) return;
      for (const file of format.signatureFiles) {
        const key = `${root}/${file}`;
        if ((await store.head(key)) !== undefined) {
          throw new UserError(
            'signing-key',
            `is empty, but ${root} is a signed repository (${key} exists): publishing unsigned would break apt and dnf clients`,
            'pass the repository key, e.g. signing-key: ${{ secrets.SIGNING_KEY }} (check the secret is available to this workflow)',
          );
        }
      }
    },
    async foresee(target, root, packages, pruning) {
      const state = await stateOf(target, root);
      if (state === undefined) return undefined;
      const change = format.propose(state, entriesOf(packages), pruning, new Date(0));
      return (change?.removed ?? []).map((entry) => `${root}/${format.pathOf(entry)}`).sort();
    },
    async listed(target, root) {
      const state = await stateOf(target, root);
      return state && format.packages(state).map((path) => `${root}/${path}`);
    },
    update(settings, packages) {
      const state = known.get(settings.root);
      return updateIndex(
        { ...settings, added: entriesOf(packages), ...(state ? { known: state } : {}) },
        format,
      );
    },
  };
}
