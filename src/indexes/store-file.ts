import { PreconditionFailed, type ObjectStore } from '../stores/object-store.js';

/** Indexes and signatures change under their name: clients must ask again every time. */
export const NO_CACHE = 'no-cache';
/** Content-addressed files (by-hash indexes, hash-named repodata) and packages never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A file to write into the store, with how caches may keep it. */
export interface StoreFile {
  readonly key: string;
  readonly bytes: Buffer;
  readonly cacheControl: string;
  readonly contentType?: string;
}

/** The store with what the publish learnt about it: whether it keeps conditional-write promises. */
export interface RepositoryStore {
  readonly store: ObjectStore;
  /** False on a store without If-Match/If-None-Match (Swift), used only when publishers are serialized. */
  readonly conditional: boolean;
}

/**
 * Writes a file whose name is its content's hash: if the name exists, the content is the same, so it
 * is left alone (and a racing publisher writing the same bytes is no conflict).
 */
export async function putContentAddressed(target: RepositoryStore, file: StoreFile): Promise<void> {
  if ((await target.store.head(file.key)) !== undefined) return;
  try {
    await target.store.put(file.key, file.bytes, {
      ...(target.conditional ? { ifNoneMatch: true } : {}),
      cacheControl: file.cacheControl,
      ...(file.contentType ? { contentType: file.contentType } : {}),
    });
  } catch (error) {
    if (error instanceof PreconditionFailed) return;
    throw error;
  }
}
