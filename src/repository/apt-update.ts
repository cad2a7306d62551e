import { createHash } from 'node:crypto';
import type { AptEntry } from '../repos/apt/apt-entry.js';
import { byHashPath } from '../repos/apt/apt-indexes.js';
import { parseRelease } from '../repos/apt/release-file.js';
import { compareAndSwap } from './compare-and-swap.js';
import { proposeApt } from './apt-proposal.js';
import { EMPTY_APT_STATE, readAptState, SUITE_DIR, type AptState } from './apt-state.js';
import { deletePackages, deleteUnlisted } from './old-files.js';
import { settleDerived, type Derived } from './settle.js';
import { IMMUTABLE, NO_CACHE } from './store-file.js';
import type { IndexUpdate, IndexUpdateResult, Signing } from './index-update.js';

const TEXT = 'text/plain; charset=utf-8';
const GZIP = 'application/gzip';
const SIGNATURE = 'application/pgp-signature';

/** Where an APT repository's state lives: its Release, replaced only if still the one read. */
export const releaseKey = (root: string): string => `${root}/${SUITE_DIR}/Release`;

/**
 * Updates an APT repository: Release by compare-and-swap (the by-hash indexes it lists written first),
 * then the plain-name indexes, Release.gpg and InRelease derived from whatever Release is current,
 * then files retention removed and old by-hash indexes past their grace period deleted.
 */
export async function updateApt(update: IndexUpdate<AptEntry, AptState>): Promise<IndexUpdateResult> {
  const { target, root } = update;
  const key = releaseKey(root);
  let conflicts = 0;
  const swap = await compareAndSwap(
    target,
    key,
    async (current) => {
      const state = !current
        ? EMPTY_APT_STATE
        : current.etag === update.known?.etag
          ? update.known.state
          : await readAptState(target.store, root, current.bytes);
      const change = proposeApt(state, update.added, update.keep, update.date);
      return {
        files: (change?.byHash ?? []).map((file) => ({
          key: `${root}/${file.path}`,
          bytes: Buffer.from(file.bytes),
          cacheControl: IMMUTABLE,
          contentType: file.path.endsWith('.gz') ? GZIP : TEXT,
        })),
        next: change?.release,
        contentType: TEXT,
        result: change,
      };
    },
    { onConflict: () => conflicts++, ...(update.sleep ? { sleep: update.sleep } : {}) },
  );
  const derivedWritten = await settleDerived(target.store, key, (current) =>
    aptDerived(update, current.bytes),
  );
  const removed = (swap.changed ? (swap.result?.removed ?? []) : []).map(
    (entry) => `${root}/${entry.filename}`,
  );
  await deletePackages(target.store, removed);
  const release = await target.store.get(key);
  const listed = new Set(
    release === undefined
      ? []
      : parseRelease(release.bytes.toString('utf8')).files.flatMap((file) =>
          file.sha256 ? [`${root}/${SUITE_DIR}/${byHashPath(file.path, file.sha256)}`] : [],
        ),
  );
  const expired = await deleteUnlisted(
    target.store,
    { prefix: `${root}/${SUITE_DIR}/`, pattern: /\/by-hash\/SHA256\/[0-9a-f]{64}$/ },
    listed,
    update.graceMs,
    update.now(),
  );
  return { changed: swap.changed, conflicts, derivedWritten, removed, expired };
}

/** The plain-name indexes, then Release.gpg and InRelease (last: apt reads it first). */
async function aptDerived(update: IndexUpdate<AptEntry, AptState>, release: Buffer): Promise<Derived[]> {
  const { root, target } = update;
  const derived: Derived[] = parseRelease(release.toString('utf8')).files.flatMap((file) => {
    const sha256 = file.sha256;
    if (sha256 === undefined) return [];
    return [
      {
        key: `${root}/${SUITE_DIR}/${file.path}`,
        cacheControl: NO_CACHE,
        contentType: file.path.endsWith('.gz') ? GZIP : TEXT,
        matches: async (existing) => existing !== undefined && hash(existing) === sha256,
        produce: async () => {
          const found = await target.store.get(`${root}/${SUITE_DIR}/${byHashPath(file.path, sha256)}`);
          if (found === undefined) throw new Error(`${root}: the by-hash copy of ${file.path} is missing`);
          return found.bytes;
        },
      },
    ];
  });
  return [...derived, ...signatures(update.signing, root, release)];
}

function signatures(signing: Signing | undefined, root: string, release: Buffer): Derived[] {
  if (signing === undefined) return [];
  const text = release.toString('utf8');
  return [
    {
      key: `${root}/${SUITE_DIR}/Release.gpg`,
      cacheControl: NO_CACHE,
      contentType: SIGNATURE,
      matches: async (existing) =>
        existing !== undefined && signing.check.detached(existing.toString('utf8'), release),
      produce: async () => Buffer.from(await signing.signer.detachSign(release), 'utf8'),
    },
    {
      key: `${root}/${SUITE_DIR}/InRelease`,
      cacheControl: NO_CACHE,
      contentType: TEXT,
      matches: async (existing) =>
        existing !== undefined && signing.check.clearSigned(existing.toString('utf8'), text),
      produce: async () => Buffer.from(await signing.signer.clearSign(text), 'utf8'),
    },
  ];
}

const hash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
