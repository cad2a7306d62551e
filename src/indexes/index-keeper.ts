import { UserError } from '../util/errors.js';
import type { RepositoryStore } from '../stores/object-store.js';
import { StaleRead } from './compare-and-swap.js';
import type { IndexFormat } from './index-format.js';
import { updateIndex, type IndexUpdate, type IndexUpdateResult, type KnownState } from './index-update.js';
import { readState } from './read-state.js';
import type { IndexedPackage } from './indexed-package.js';

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
  update(settings: UpdateSettings, packages: readonly IndexedPackage[]): Promise<IndexUpdateResult>;
}

export function indexKeeper<Entry, State>(format: IndexFormat<Entry, State>): IndexKeeper {
  const known = new Map<string, KnownState<State>>();
  const entriesOf = (packages: readonly IndexedPackage[]): Entry[] =>
    packages.flatMap((pkg) => {
      const entry = format.entryOf(pkg);
      return entry === undefined ? [] : [entry];
    });
  return {
    async check(target, root, signed, packages) {
      // The run's own packages must fit in one index (two files that are one package cannot): proposing
      // them on an empty repository refuses them now, before any of them is uploaded.
      format.propose(format.empty, entriesOf(packages), undefined, new Date(0));
      const { store } = target;
      const current = await store.get(`${root}/${format.stateKey}`);
      if (current === undefined) return;
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
    update(settings, packages) {
      const state = known.get(settings.root);
      return updateIndex(
        { ...settings, added: entriesOf(packages), ...(state ? { known: state } : {}) },
        format,
      );
    },
  };
}
