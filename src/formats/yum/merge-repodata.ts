import { posix } from 'node:path';
import { UserError } from '../../util/errors.js';
import type { RepodataEntry } from './repodata-entry.js';
import { compareEvr, evrString } from '../rpm/rpm-version.js';

/**
 * Adds packages to a repository's entries, replacing any entry with the same name, epoch, version,
 * release and arch (what dnf considers the same package) or the same location (a file published again
 * leaves no entry describing its old content). Sorted so the same packages always render the same bytes.
 */
export function mergeRepodata(
  existing: readonly RepodataEntry[],
  added: readonly RepodataEntry[],
): RepodataEntry[] {
  const addedIds = new Map<string, RepodataEntry>();
  for (const entry of added) {
    const id = nevra(entry);
    const earlier = addedIds.get(id);
    // Two files of one run with the same name, epoch, version, release and arch: dnf could see one only.
    if (earlier !== undefined) {
      throw new UserError(
        `packages: ${posix.basename(entry.location)}`,
        `two added packages are ${id} (${posix.basename(earlier.location)} too)`,
        'publish only one of them, or give each its own version or release',
      );
    }
    addedIds.set(id, entry);
  }
  const addedLocations = new Set(added.map((entry) => entry.location));
  const kept = existing.filter((entry) => !addedIds.has(nevra(entry)) && !addedLocations.has(entry.location));
  return sortRepodata([...kept, ...added]);
}

/** By name, then RPM version order (oldest first), then arch and location. */
export function sortRepodata(entries: readonly RepodataEntry[]): RepodataEntry[] {
  return [...entries].sort(
    (a, b) =>
      compareCodeUnits(a.name, b.name) ||
      compareEvr(a.evr, b.evr) ||
      compareCodeUnits(a.arch, b.arch) ||
      compareCodeUnits(a.location, b.location),
  );
}

export interface Removal {
  readonly kept: RepodataEntry[];
  /** What left the repodata; their locations are the files to delete. */
  readonly removed: RepodataEntry[];
}

/** Retention: keeps the newest `keep` versions of each package name (all arches of a version count once). */
export function pruneVersions(entries: readonly RepodataEntry[], keep: number): Removal {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`cannot keep ${keep} versions: at least 1`);
  const byName = new Map<string, RepodataEntry[]>();
  for (const entry of entries) byName.set(entry.name, [...(byName.get(entry.name) ?? []), entry]);
  const doomed = new Set<string>();
  for (const [name, group] of byName) {
    const distinct = new Map(group.map((entry) => [evrString(entry.evr), entry.evr]));
    const newestFirst = [...distinct.entries()].sort(([, a], [, b]) => compareEvr(b, a));
    for (const [evr] of newestFirst.slice(keep)) doomed.add(`${name}\n${evr}`);
  }
  const isDoomed = (entry: RepodataEntry): boolean => doomed.has(`${entry.name}\n${evrString(entry.evr)}`);
  return { kept: entries.filter((entry) => !isDoomed(entry)), removed: entries.filter(isDoomed) };
}

const nevra = (entry: RepodataEntry): string => `${entry.name}-${evrString(entry.evr)}.${entry.arch}`;

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
