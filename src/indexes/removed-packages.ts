import type { RepositoryStore } from '../stores/object-store.js';
import type { Swapped } from './compare-and-swap.js';
import type { IndexFormat, Proposal } from './index-format.js';
import { readState } from './read-state.js';

/**
 * The host paths of the packages retention took out of the state, to delete now that it is committed.
 * A state write whose answer was lost may have landed, its removals with it, while the attempt that
 * followed found nothing left to change: those removals are deleted too, unless the current state
 * lists them (the write did not land, or another publisher added them back).
 */
export async function removedPackages<Entry, State>(
  target: RepositoryStore,
  root: string,
  format: IndexFormat<Entry, State>,
  swap: Swapped<Proposal<Entry> | undefined>,
): Promise<string[]> {
  const pathOf = (entry: Entry): string => `${root}/${format.pathOf(entry)}`;
  const committed = swap.changed ? (swap.result?.removed ?? []) : [];
  const maybe = swap.unknown.flatMap((result) => result?.removed ?? []);
  if (maybe.length === 0) return committed.map(pathOf);
  const current = await target.store.get(`${root}/${format.stateKey}`);
  const state = current === undefined ? format.empty : await readState(format, target, root, current.bytes);
  const listed = new Set(format.packages(state).map((path) => `${root}/${path}`));
  const paths = new Set([...committed, ...maybe].map(pathOf));
  return [...paths].filter((path) => !listed.has(path)).sort();
}
