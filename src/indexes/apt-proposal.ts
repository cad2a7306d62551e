import type { AptEntry } from '../formats/apt/apt-entry.js';
import { buildAptIndexes, type RepositoryFile } from '../formats/apt/apt-indexes.js';
import { mergePackages, pruneVersions } from '../formats/apt/merge-packages.js';
import type { AptState } from './apt-state.js';
import type { Proposal } from './index-format.js';
import type { Pruning } from './retention.js';
import { overSize } from './size-retention.js';
import { compareDebianVersions } from '../formats/apt/debian-version.js';
import { sha256Hex } from '../util/sha256-hex.js';

/** Falco publishes both; a suite lists them even before its first package of one arrives. */
const FALCO_ARCHITECTURES = ['amd64', 'arm64'];

/** The indexes go by hash (`files`) before the Release (`next`); plain names follow from the Release. */
export interface AptChange extends Proposal<AptEntry> {
  /** The same indexes under their plain names, for clients that do not fetch by hash. */
  readonly indexes: readonly RepositoryFile[];
}

/**
 * The next state of an APT repository: the current stanzas, the new packages added (replacing the
 * same package, version and architecture), then the oldest versions past the retention limit taken
 * out. Undefined when that is exactly what the repository already lists: nothing to write.
 */
export function proposeApt(
  state: AptState,
  added: readonly AptEntry[],
  pruning: Pruning | undefined,
  date: Date,
  withdrawn: ReadonlySet<string> = new Set(),
): AptChange | undefined {
  const architectures = [
    ...new Set([
      ...state.architectures,
      ...FALCO_ARCHITECTURES,
      ...added.map((entry) => entry.architecture).filter((a) => a !== 'all'),
    ]),
  ].sort();
  const taken: AptEntry[] = [];
  const merged = new Map(
    architectures.map((architecture) => {
      const entries = mergePackages(
        state.entries.get(architecture) ?? [],
        added.filter((entry) => entry.architecture === architecture || entry.architecture === 'all'),
      );
      taken.push(...entries.filter((entry) => withdrawn.has(entry.filename)));
      return [architecture, entries.filter((entry) => !withdrawn.has(entry.filename))];
    }),
  );
  const pruned = prune(merged, pruning, new Set(added.map((entry) => entry.version)));
  const { packages } = pruned;
  // An `all` package sits in every architecture's index: each file is reported once.
  const removed = [
    ...new Map([...taken, ...pruned.removed].map((entry) => [entry.filename, entry])).values(),
  ];
  const built = buildAptIndexes({ packages, architectures, date, acquireByHash: true });
  const unchanged =
    removed.length === 0 &&
    architectures.length === state.architectures.length &&
    built.indexes
      .filter((file) => file.path.endsWith('/Packages'))
      .every((file) => state.listed.get(file.path.replace(/^dists\/[^/]+\//, '')) === sha256Hex(file.bytes));
  if (unchanged) return undefined;
  return { files: built.byHash, indexes: built.indexes, next: Buffer.from(built.release.bytes), removed };
}

/** Retention over all architectures at once: the architectures of one version count as one version. */
function prune(
  merged: ReadonlyMap<string, AptEntry[]>,
  pruning: Pruning | undefined,
  publishing: ReadonlySet<string>,
): { packages: Map<string, AptEntry[]>; removed: AptEntry[] } {
  if (pruning === undefined) return { packages: new Map(merged), removed: [] };
  const all = [...merged.values()].flat();
  const keptSet = new Set(
    'versions' in pruning.limit
      ? pruneVersions(all, pruning.limit.versions).kept
      : withinSize(all, pruning.limit.bytes, pruning.besideBytes, publishing),
  );
  const packages = new Map(
    [...merged].map(([arch, entries]) => [arch, entries.filter((e) => keptSet.has(e))]),
  );
  // An `all` package sits in every architecture's index: report each removed file once.
  const removedFiles = new Map(
    all.filter((entry) => !keptSet.has(entry)).map((entry) => [entry.filename, entry]),
  );
  return { packages, removed: [...removedFiles.values()] };
}

/** The entries whose versions fit in `bytes`; an `all` package, listed once per architecture, weighs once. */
function withinSize(
  all: readonly AptEntry[],
  bytes: number,
  besideBytes: ReadonlyMap<string, number>,
  publishing: ReadonlySet<string>,
): AptEntry[] {
  const files = new Map(
    all.map((entry) => [
      entry.filename,
      {
        path: entry.filename,
        version: entry.version,
        bytes: sizeOf(entry) + (besideBytes.get(entry.filename) ?? 0),
      },
    ]),
  );
  const doomed = overSize([...files.values()], bytes, publishing, compareDebianVersions);
  return all.filter((entry) => !doomed.has(entry.filename));
}

/** The `Size` the stanza gives its .deb (every Packages stanza has one; 0 weighs nothing if not). */
function sizeOf(entry: AptEntry): number {
  const size = Number(entry.fields.find(([name]) => name.toLowerCase() === 'size')?.[1]);
  return Number.isSafeInteger(size) && size > 0 ? size : 0;
}
