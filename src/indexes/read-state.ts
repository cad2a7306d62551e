import type { RepositoryStore } from '../stores/object-store.js';
import { errorMessage, UserError } from '../util/errors.js';
import { StaleRead } from './compare-and-swap.js';
import type { IndexFormat } from './index-format.js';

/**
 * Reads a repository's current state. Indexes that cannot be read are the repository's, and the user
 * repairs them: the same one line whether the check before the publish finds them so, or the update
 * finds them in a state another publisher committed since. StaleRead (being rewritten) passes through.
 */
export async function readState<Entry, State>(
  format: IndexFormat<Entry, State>,
  target: RepositoryStore,
  root: string,
  bytes: Buffer,
): Promise<State> {
  try {
    return await format.read(target.store, root, bytes);
  } catch (error) {
    if (error instanceof StaleRead || error instanceof UserError) throw error;
    throw new UserError(
      `package-host: ${root}`,
      `the current ${format.label} indexes cannot be read (${errorMessage(error)})`,
      'repair them (or move them away to start the repository afresh), then run again',
    );
  }
}
