import type { RepositoryStore } from '../stores/object-store.js';
import { UserError } from '../util/errors.js';
import type { IndexKeeper } from './index-keeper.js';

/**
 * The host paths of the packages a repository's index lists, read through its keeper's check (which
 * refuses unreadable indexes, and a signed repository when `signed` is false): what unpublishing and
 * re-signing start from.
 */
export async function listedPackages(
  keeper: IndexKeeper,
  target: RepositoryStore,
  root: string,
  signed: boolean,
): Promise<string[]> {
  await keeper.check(target, root, signed, []);
  const listed = await keeper.listed(target, root);
  if (listed === undefined) {
    throw new UserError(
      `package-host: ${root}`,
      'kept being rewritten by another publisher while it was read',
      'run again once the other publish is done (a workflow concurrency group keeps them apart)',
    );
  }
  return listed;
}
