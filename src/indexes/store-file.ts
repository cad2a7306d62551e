import { PreconditionFailed, type RepositoryStore } from '../stores/object-store.js';

/** A file to write into the store, with how caches may keep it. */
export interface StoreFile {
  readonly key: string;
  readonly bytes: Buffer;
  readonly cacheControl: string;
  readonly contentType?: string;
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
