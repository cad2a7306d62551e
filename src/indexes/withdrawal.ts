import { placeOfPath, type PackagePlace, type RepositoryPlace } from '../package-layout/host-layout.js';
import type { RepositoryStore } from '../stores/object-store.js';
import type { UpdateSettings, IndexKeeper } from './index-keeper.js';
import { deletePackages } from './old-files.js';
import { listedPackages } from './listed-packages.js';
import { RepositoryFiles } from './repository-files.js';
import type { RepositoryReport } from './repository-updater.js';

/** What `mode: unpublish` takes out of one repository, as the host stands before the run. */
export interface PlannedWithdrawal {
  readonly root: string;
  readonly format: RepositoryPlace['format'];
  /** The packages taken out (host paths): listed by the index, found on the host, or both. */
  readonly packages: readonly string[];
  /** Every file deleted (host paths): those packages that are on the host and what lies beside them. */
  readonly deletes: readonly string[];
}

/**
 * The packages of one repository that `select` picks, from its index and from a listing of its files:
 * a package the index lists but whose file is gone still leaves the index, and a file left behind by a
 * run stopped between its index update and its deletions is still deleted. Undefined when nothing is
 * picked. The index must be readable (and signable: `check`) before anything is written.
 */
export async function planWithdrawal(
  target: RepositoryStore,
  place: RepositoryPlace,
  keeper: IndexKeeper | undefined,
  signed: boolean,
  select: (place: PackagePlace) => boolean,
): Promise<PlannedWithdrawal | undefined> {
  const { root, format } = place;
  const picked = (path: string): boolean => {
    const found = placeOfPath(path);
    return found !== undefined && found.root === root && select(found);
  };
  const files = await RepositoryFiles.list(target.store, root);
  const onHost = new Set(files.keys.filter(picked));
  const indexed = keeper === undefined ? [] : await listedPackages(keeper, target, root, signed);
  const packages = [...new Set([...onHost, ...indexed.filter(picked)])].sort();
  if (packages.length === 0) return undefined;
  const deletes = packages.flatMap((pkg) =>
    files.filesOf(pkg).filter((key) => key !== pkg || onHost.has(pkg)),
  );
  return { root, format, packages, deletes };
}

/**
 * Takes the packages out of the index (signed again) and only then deletes their files, so no index
 * ever names a file that is gone; a package the current index no longer lists is deleted directly.
 * Every deleted file is reported `rewritten` too: a cache in front of the host may still serve it.
 */
export async function withdraw(
  target: RepositoryStore,
  keeper: IndexKeeper | undefined,
  planned: PlannedWithdrawal,
  settings: Omit<UpdateSettings, 'target' | 'root' | 'pruning' | 'withdrawn'>,
): Promise<RepositoryReport> {
  const { root } = planned;
  const files = await RepositoryFiles.list(target.store, root);
  const deleted = (paths: readonly string[]): string[] => paths.flatMap((pkg) => files.filesOf(pkg));
  if (keeper === undefined) {
    await deletePackages(target.store, planned.packages);
    const gone = deleted(planned.packages);
    return { root, signatures: 0, packageSignatures: [], removed: [...planned.packages], rewritten: gone };
  }
  const withdrawn = new Set(planned.packages.map((path) => path.slice(root.length + 1)));
  const result = await keeper.update({ ...settings, target, root, pruning: undefined, withdrawn }, []);
  const removedByIndex = new Set(result.removed);
  const leftovers = planned.packages.filter((path) => !removedByIndex.has(path));
  await deletePackages(target.store, leftovers);
  const removed = [...new Set([...result.removed, ...leftovers])].sort();
  return {
    root,
    signatures: 0,
    packageSignatures: [],
    ...result,
    removed,
    rewritten: [...new Set([...result.rewritten, ...deleted(removed)])].sort(),
  };
}
