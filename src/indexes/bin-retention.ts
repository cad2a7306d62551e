import { compareDebianVersions } from '../formats/apt/debian-version.js';
import { placeOfPath } from '../package-layout/host-layout.js';
import type { PackageName } from '../package-layout/package-name.js';
import type { ObjectStore } from '../stores/object-store.js';
import { deletePackages } from './old-files.js';
import { RepositoryFiles } from './repository-files.js';
import type { RetentionLimit } from './retention.js';
import { overSize } from './size-retention.js';

/** The tarballs retention takes out of a tree, with the listing it read them from. */
export interface TarballsPastLimit {
  readonly tarballs: string[];
  readonly files: RepositoryFiles;
}

/** A tarball the run publishes: weighed, and never deleted by size, whether it is on the host yet or not. */
export interface PublishedTarball {
  readonly path: string;
  readonly bytes: number;
}

/**
 * Retention for tarball trees (`bin-dev/<arch>/falco-<version>-<arch>.tar.gz`), which have no index.
 * By count: per package, variant and architecture, the newest versions stay. By size: versions (every
 * tarball of one, with what lies beside them) leave oldest first until the rest fit, never a version
 * the run publishes. The run's tarballs count as there: the plan asks before they are uploaded.
 * Architectures are `x86_64`, `aarch64` and `noarch`; `wasm-dev` has no retention setting, so it never
 * comes here (see `host-layout.ts`).
 */
export async function tarballsPastLimit(
  store: ObjectStore,
  root: string,
  limit: RetentionLimit,
  published: readonly PublishedTarball[],
): Promise<TarballsPastLimit> {
  const files = await RepositoryFiles.list(store, root);
  const keys = [...new Set([...files.keys, ...published.map((tarball) => tarball.path)])];
  const tarballs = keys.flatMap((key) => {
    const place = placeOfPath(key);
    // Not a tarball this layout puts here: someone else's file, left alone.
    return place === undefined || place.root !== root || place.kind !== 'tar.gz'
      ? []
      : [{ key, name: place.package }];
  });
  const doomed =
    'bytes' in limit
      ? await overTotal(files, tarballs, limit.bytes, published)
      : overCount(tarballs, limit.versions);
  return { tarballs: doomed.sort(), files };
}

type Tarball = { readonly key: string; readonly name: PackageName };

async function overTotal(
  files: RepositoryFiles,
  tarballs: readonly Tarball[],
  limit: number,
  published: readonly PublishedTarball[],
): Promise<string[]> {
  const own = new Map(published.map((tarball) => [tarball.path, tarball.bytes]));
  const sizes = await files.weigh(tarballs.map((t) => t.key).filter((key) => !own.has(key)));
  const beside = await files.besideBytes();
  const weighed = tarballs.map(({ key, name }) => ({
    path: key,
    version: name.version,
    bytes: (own.get(key) ?? sizes.get(key) ?? 0) + (beside.get(key) ?? 0),
  }));
  const publishing = new Set(tarballs.filter((t) => own.has(t.key)).map((t) => t.name.version));
  return [...overSize(weighed, limit, publishing, compareDebianVersions)];
}

function overCount(tarballs: readonly Tarball[], keep: number): string[] {
  const groups = new Map<string, Map<string, string[]>>();
  for (const { key, name } of tarballs) {
    const group = `${name.name}\n${name.variant}\n${name.arch}`;
    const versions = groups.get(group) ?? new Map<string, string[]>();
    versions.set(name.version, [...(versions.get(name.version) ?? []), key]);
    groups.set(group, versions);
  }
  const doomed: string[] = [];
  for (const versions of groups.values()) {
    const newestFirst = [...versions.keys()].sort((a, b) => compareDebianVersions(b, a));
    for (const version of newestFirst.slice(keep)) doomed.push(...(versions.get(version) ?? []));
  }
  return doomed;
}

/** Deletes the tarballs past the limit, with their signatures and provenance; returns their paths. */
export async function pruneTarballs(
  store: ObjectStore,
  root: string,
  limit: RetentionLimit,
  published: readonly PublishedTarball[],
): Promise<string[]> {
  const { tarballs } = await tarballsPastLimit(store, root, limit, published);
  await deletePackages(store, tarballs);
  return tarballs;
}
