import type { RepodataEntry } from '../repos/yum/repodata-entry.js';
import { parseRepomd } from '../repos/yum/repomd-xml.js';
import { compareAndSwap } from './compare-and-swap.js';
import type { IndexUpdate, IndexUpdateResult } from './index-update.js';
import { deletePackages, deleteUnlisted } from './old-files.js';
import { settleDerived, type Derived } from './settle.js';
import { IMMUTABLE, NO_CACHE } from './store-file.js';
import { proposeYum } from './yum-proposal.js';
import { EMPTY_YUM_STATE, readYumState, REPOMD, type YumState } from './yum-state.js';

/** Where a YUM repository's state lives: repomd.xml, replaced only if still the one read. */
export const repomdKey = (root: string): string => `${root}/${REPOMD}`;

/**
 * Updates a YUM repository: repomd.xml by compare-and-swap (the hash-named documents it points at
 * written first), then repomd.xml.asc for whatever repomd.xml is current, then files retention removed
 * and documents past their grace period deleted.
 */
export async function updateYum(update: IndexUpdate<RepodataEntry, YumState>): Promise<IndexUpdateResult> {
  const { target, root } = update;
  const key = repomdKey(root);
  let conflicts = 0;
  const swap = await compareAndSwap(
    target,
    key,
    async (current) => {
      const state = !current
        ? EMPTY_YUM_STATE
        : current.etag === update.known?.etag
          ? update.known.state
          : await readYumState(target.store, root, current.bytes);
      const change = proposeYum(state, update.added, update.keep, update.date);
      return {
        files: (change?.documents ?? []).map((document) => ({
          key: `${root}/${document.path}`,
          bytes: Buffer.from(document.bytes),
          cacheControl: IMMUTABLE,
          contentType: 'application/gzip',
        })),
        next: change?.repomd,
        contentType: 'text/xml',
        result: change,
      };
    },
    { onConflict: () => conflicts++, ...(update.sleep ? { sleep: update.sleep } : {}) },
  );
  const derivedWritten = await settleDerived(target.store, key, async (current) =>
    signature(update, current.bytes),
  );
  const removed = (swap.changed ? (swap.result?.removed ?? []) : []).map(
    (entry) => `${root}/${entry.location}`,
  );
  await deletePackages(target.store, removed);
  const repomd = await target.store.get(key);
  const listed = new Set(
    repomd === undefined
      ? []
      : parseRepomd(repomd.bytes.toString('utf8')).records.map((record) => `${root}/${record.location}`),
  );
  const expired = await deleteUnlisted(
    target.store,
    { prefix: `${root}/repodata/`, pattern: /\/repodata\/[0-9a-f]{64}-[^/]+$/ },
    listed,
    update.graceMs,
    update.now(),
  );
  return { changed: swap.changed, conflicts, derivedWritten, removed, expired };
}

function signature(update: IndexUpdate<RepodataEntry, YumState>, repomd: Buffer): Derived[] {
  const { signing } = update;
  if (signing === undefined) return [];
  return [
    {
      key: `${update.root}/${REPOMD}.asc`,
      cacheControl: NO_CACHE,
      contentType: 'application/pgp-signature',
      matches: async (existing) =>
        existing !== undefined && signing.check.detached(existing.toString('utf8'), repomd),
      produce: async () => Buffer.from(await signing.signer.detachSign(repomd), 'utf8'),
    },
  ];
}
