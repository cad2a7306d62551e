import { buildRepodata } from '../formats/yum/repodata.js';
import type { RepodataEntry } from '../formats/yum/repodata-entry.js';
import { mergeRepodata, pruneVersions } from '../formats/yum/merge-repodata.js';
import type { YumState } from './yum-state.js';
import type { Proposal } from './index-format.js';
import type { Pruning } from './retention.js';
import { overSize } from './size-retention.js';
import { compareEvr, evrString, type Evr } from '../formats/rpm/rpm-version.js';
import { sha256Hex } from '../util/sha256-hex.js';

/**
 * The next state of a YUM repository: current entries, new packages added (replacing the same NEVRA),
 * oldest versions past the retention limit taken out. Undefined when the documents would not change.
 */
export function proposeYum(
  state: YumState,
  added: readonly RepodataEntry[],
  pruning: Pruning | undefined,
  date: Date,
  withdrawn: ReadonlySet<string> = new Set(),
): Proposal<RepodataEntry> | undefined {
  const all = mergeRepodata(state.entries, added);
  const merged = all.filter((entry) => !withdrawn.has(entry.location));
  const pruned = prune(merged, pruning, added);
  const { kept } = pruned;
  const removed = [...all.filter((entry) => withdrawn.has(entry.location)), ...pruned.removed];
  // createrepo_c's revision is the time of the run in seconds; so is each document's timestamp.
  const timestamp = Math.floor(date.getTime() / 1000);
  const built = buildRepodata(kept, { revision: String(timestamp), timestamp });
  const unchanged =
    removed.length === 0 &&
    built.documents.every((document) => {
      const type = /-(primary|filelists|other)\.xml\.gz$/.exec(document.path)?.[1] ?? '';
      return state.checksums.get(type) === sha256Hex(document.bytes);
    });
  if (unchanged) return undefined;
  // The hash-named documents go before the repomd.xml that points at them.
  return { files: built.documents, next: Buffer.from(built.repomd.bytes), removed };
}

function prune(
  merged: RepodataEntry[],
  pruning: Pruning | undefined,
  added: readonly RepodataEntry[],
): { kept: RepodataEntry[]; removed: RepodataEntry[] } {
  if (pruning === undefined) return { kept: merged, removed: [] };
  const { limit, besideBytes } = pruning;
  if ('versions' in limit) return pruneVersions(merged, limit.versions);
  // Versions as dnf orders them (epoch, version, release), all arches of one together.
  const evrs = new Map(merged.map((entry) => [evrString(entry.evr), entry.evr]));
  const evrOf = (version: string): Evr => {
    const evr = evrs.get(version);
    if (evr === undefined) throw new Error(`${version} is not a version of the repository`);
    return evr;
  };
  const doomed = overSize(
    merged.map((entry) => ({
      path: entry.location,
      version: evrString(entry.evr),
      bytes: sizeOf(entry) + (besideBytes.get(entry.location) ?? 0),
    })),
    limit.bytes,
    new Set(added.map((entry) => evrString(entry.evr))),
    (a, b) => compareEvr(evrOf(a), evrOf(b)),
  );
  return {
    kept: merged.filter((entry) => !doomed.has(entry.location)),
    removed: merged.filter((entry) => doomed.has(entry.location)),
  };
}

/** The package size primary.xml gives (`<size package="…">`); 0 weighs nothing if it has none. */
function sizeOf(entry: RepodataEntry): number {
  const size = Number(/<size\b[^>]*?\bpackage="(\d+)"/.exec(entry.primary)?.[1]);
  return Number.isSafeInteger(size) ? size : 0;
}
