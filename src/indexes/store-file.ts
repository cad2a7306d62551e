import {
  PreconditionFailed,
  WriteOutcomeUnknown,
  type ObjectStore,
  type RepositoryStore,
} from '../stores/object-store.js';
import { UserError } from '../util/errors.js';
import { backoffDelay, realSleep } from '../util/retry.js';

/** A file to write into the store, with how caches may keep it. */
export interface StoreFile {
  readonly key: string;
  readonly bytes: Buffer;
  readonly cacheControl: string;
  readonly contentType?: string;
}

/** Writes of one file whose outcome stayed unknown before the store is given up on. */
const ATTEMPTS = 6;

/**
 * Writes a file whose name is its content's hash, and returns only once the file is in the store with
 * exactly these bytes: the state that names it may then be committed. A file already there with the
 * same bytes is left alone (a racing publisher writing the same bytes is no conflict). A write refused
 * or failed ambiguously (a lost race, a 500, a broken connection) proves nothing either way, so the
 * store is looked at again: there with these bytes is done, absent is written again.
 */
export async function putContentAddressed(
  target: RepositoryStore,
  file: StoreFile,
  sleep: (ms: number) => Promise<void> = realSleep,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await isThere(target.store, file)) return;
    try {
      await target.store.put(file.key, file.bytes, {
        ...(target.conditional ? { ifNoneMatch: true } : {}),
        cacheControl: file.cacheControl,
        ...(file.contentType ? { contentType: file.contentType } : {}),
      });
      return;
    } catch (error) {
      if (!(error instanceof PreconditionFailed || error instanceof WriteOutcomeUnknown)) throw error;
      if (attempt >= ATTEMPTS) {
        throw new UserError(
          `package-host: ${file.key}`,
          `could not be written: each of ${ATTEMPTS} writes failed and it is not there (last: ${error.message})`,
          'check the store is healthy, then run again',
        );
      }
      await sleep(backoffDelay(attempt, 100, 2_000));
    }
  }
}

/**
 * Whether the file is there with exactly its bytes. Other bytes under a content-addressed name are a
 * damaged repository: an index naming it would have clients reject what they download.
 */
async function isThere(store: ObjectStore, file: StoreFile): Promise<boolean> {
  const there = await store.get(file.key);
  if (there === undefined) return false;
  if (there.bytes.equals(file.bytes)) return true;
  throw new UserError(
    `package-host: ${file.key}`,
    `holds other content than its name says (${there.bytes.length} bytes, expected ${file.bytes.length})`,
    'delete it (it will be written again with the right content), then run again',
  );
}
