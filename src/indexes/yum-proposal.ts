import { buildRepodata } from '../formats/yum/repodata.js';
import type { RepodataEntry } from '../formats/yum/repodata-entry.js';
import { mergeRepodata, pruneVersions } from '../formats/yum/merge-repodata.js';
import type { YumState } from './yum-state.js';
import type { Proposal } from './index-format.js';
import { sha256Hex } from '../util/sha256-hex.js';

/**
 * The next state of a YUM repository: current entries, new packages added (replacing the same NEVRA),
 * oldest versions beyond `keep` taken out. Undefined when the documents would not change.
 */
export function proposeYum(
  state: YumState,
  added: readonly RepodataEntry[],
  keep: number | undefined,
  date: Date,
): Proposal<RepodataEntry> | undefined {
  const merged = mergeRepodata(state.entries, added);
  const { kept, removed } = keep === undefined ? { kept: merged, removed: [] } : pruneVersions(merged, keep);
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
