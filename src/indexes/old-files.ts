import type { ObjectStore } from '../stores/object-store.js';

/**
 * Deletes content-addressed files (by-hash indexes, hash-named repodata) that the current state no
 * longer lists, once they are older than the grace period: a client that read the previous Release or
 * repomd.xml moments ago can still fetch what it lists, and a publisher that has written the files of
 * its next state but not yet committed it never has them deleted under it.
 */
export async function deleteUnlisted(
  store: ObjectStore,
  candidates: { readonly prefix: string; readonly pattern: RegExp },
  listed: ReadonlySet<string>,
  graceMs: number,
  now: Date,
): Promise<string[]> {
  const deleted: string[] = [];
  for (const object of await store.entries(candidates.prefix)) {
    if (!candidates.pattern.test(object.key) || listed.has(object.key)) continue;
    if (now.getTime() - object.lastModified.getTime() < graceMs) continue;
    await store.delete(object.key);
    deleted.push(object.key);
  }
  return deleted;
}

/** Deletes packages that retention took out of the indexes, with their signatures. */
export async function deletePackages(store: ObjectStore, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    await store.delete(path);
    await store.delete(`${path}.asc`);
  }
}
