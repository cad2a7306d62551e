import { posix } from 'node:path';
import { UserError } from '../../util/errors.js';
import type { AptEntry } from './apt-entry.js';
import { compareDebianVersions } from './debian-version.js';

/**
 * Adds packages to an index, replacing any stanza for the same package, version and architecture, or
 * for the same file (a file published again under another identity leaves no stanza pointing at it).
 * The result is sorted so the same set of packages always renders the same bytes.
 */
export function mergePackages(existing: readonly AptEntry[], added: readonly AptEntry[]): AptEntry[] {
  const addedIds = new Map<string, AptEntry>();
  for (const entry of added) {
    const id = identity(entry);
    const earlier = addedIds.get(id);
    // Two files of one run that say the same Package, Version and Architecture: APT could list one only.
    if (earlier !== undefined) {
      throw new UserError(
        `packages: ${posix.basename(entry.filename)}`,
        `two added packages are ${describe(entry)} (${posix.basename(earlier.filename)} too)`,
        'publish only one of them, or give each its own Version',
      );
    }
    addedIds.set(id, entry);
  }
  const addedFiles = new Set(added.map((entry) => entry.filename));
  const kept = existing.filter((entry) => !addedIds.has(identity(entry)) && !addedFiles.has(entry.filename));
  return sortPackages([...kept, ...added]);
}

/** By name, then Debian version order (oldest first), then architecture and file name. */
export function sortPackages(entries: readonly AptEntry[]): AptEntry[] {
  return [...entries].sort(
    (a, b) =>
      compareBytes(a.package, b.package) ||
      compareDebianVersions(a.version, b.version) ||
      compareBytes(a.architecture, b.architecture) ||
      compareBytes(a.filename, b.filename),
  );
}

export interface Removal {
  readonly kept: AptEntry[];
  /** What left the index; its files are the ones to delete from the pool. */
  readonly removed: AptEntry[];
}

/** Retention: keeps the newest `keep` versions of each package (all architectures of a version count once). */
export function pruneVersions(entries: readonly AptEntry[], keep: number): Removal {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`cannot keep ${keep} versions: at least 1`);
  const versionsByPackage = new Map<string, Set<string>>();
  for (const entry of entries) {
    const versions = versionsByPackage.get(entry.package) ?? new Set<string>();
    versions.add(entry.version);
    versionsByPackage.set(entry.package, versions);
  }
  const doomed = new Set<string>();
  for (const [name, versions] of versionsByPackage) {
    const newestFirst = [...versions].sort((a, b) => compareDebianVersions(b, a));
    for (const version of newestFirst.slice(keep)) doomed.add(`${name}\n${version}`);
  }
  const isDoomed = (entry: AptEntry): boolean => doomed.has(`${entry.package}\n${entry.version}`);
  return { kept: entries.filter((e) => !isDoomed(e)), removed: entries.filter(isDoomed) };
}

const identity = (entry: AptEntry): string => `${entry.package}\n${entry.version}\n${entry.architecture}`;
const describe = (entry: AptEntry): string => `${entry.package} ${entry.version} ${entry.architecture}`;

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
