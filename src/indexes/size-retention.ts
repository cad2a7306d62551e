/** A package file as size retention weighs it. */
export interface WeighedFile {
  /** Its path, the identity retention answers with. */
  readonly path: string;
  readonly version: string;
  /** The package and what the host keeps beside it (signature, provenance bundle). */
  readonly bytes: number;
}

/**
 * The paths size retention takes out: versions leave oldest first, each with all its packages and
 * architectures, until what stays fits in `limit` bytes. A version in `publishing` (what the run
 * publishes) never leaves, even when it alone is over the limit: a run must not delete what it has
 * just published.
 */
export function overSize(
  files: readonly WeighedFile[],
  limit: number,
  publishing: ReadonlySet<string>,
  compareVersions: (a: string, b: string) => number,
): Set<string> {
  const byVersion = new Map<string, { bytes: number; paths: string[] }>();
  for (const file of files) {
    const version = byVersion.get(file.version) ?? { bytes: 0, paths: [] };
    version.bytes += file.bytes;
    version.paths.push(file.path);
    byVersion.set(file.version, version);
  }
  let total = [...byVersion.values()].reduce((sum, version) => sum + version.bytes, 0);
  const doomed = new Set<string>();
  const oldestFirst = [...byVersion.keys()].sort(compareVersions);
  for (const version of oldestFirst) {
    if (total <= limit) break;
    if (publishing.has(version)) continue;
    const { bytes, paths } = byVersion.get(version) ?? { bytes: 0, paths: [] };
    total -= bytes;
    for (const path of paths) doomed.add(path);
  }
  return doomed;
}
