import { IMMUTABLE, type ObjectStore } from '../stores/object-store.js';
import { BESIDE_PACKAGE } from './repository-files.js';

/** Where content-addressed files live and how they are named, with the Content-Type each is served as. */
export interface OldFileCandidates {
  readonly prefix: string;
  readonly pattern: RegExp;
  readonly contentTypeOf: (key: string) => string;
}

/**
 * Deletes content-addressed files (by-hash indexes, hash-named repodata) that the current state no
 * longer lists, once they are older than the grace period: a client that read the previous Release or
 * repomd.xml moments ago can still fetch what it lists, and a publisher that has written the files of
 * its next state but not yet committed it never has them deleted under it. A publisher may also reuse
 * an old file (same content, same name) and commit a state naming it while it is being deleted: the
 * state is read again after the deletions, and what it names again is put back.
 */
export async function deleteUnlisted(
  store: ObjectStore,
  candidates: OldFileCandidates,
  listed: () => Promise<ReadonlySet<string>>,
  graceMs: number,
  now: Date,
): Promise<string[]> {
  const before = await listed();
  const deleted = new Map<string, Buffer>();
  for (const object of await store.entries(candidates.prefix)) {
    if (!candidates.pattern.test(object.key) || before.has(object.key)) continue;
    if (now.getTime() - object.lastModified.getTime() < graceMs) continue;
    // Kept until the state is read again: the bytes to put back if it names the file once more.
    const kept = await store.get(object.key);
    if (kept === undefined) continue;
    await store.delete(object.key);
    deleted.set(object.key, kept.bytes);
  }
  if (deleted.size === 0) return [];
  const after = await listed();
  for (const [key, bytes] of deleted) {
    if (!after.has(key)) continue;
    await store.put(key, bytes, { cacheControl: IMMUTABLE, contentType: candidates.contentTypeOf(key) });
  }
  return [...deleted.keys()].filter((key) => !after.has(key));
}

/** Deletes packages that retention took out of the indexes, with their signatures and provenance bundles. */
export async function deletePackages(store: ObjectStore, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    await store.delete(path);
    for (const suffix of BESIDE_PACKAGE) await store.delete(`${path}${suffix}`);
  }
}
