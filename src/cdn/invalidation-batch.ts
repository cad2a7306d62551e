/**
 * CloudFront's published quotas on the invalidations in progress on one distribution: a request over
 * them is refused (TooManyInvalidationsInProgress), and a longer path is not accepted at all.
 */
export interface InvalidationLimits {
  /** Paths naming one file each. */
  readonly files: number;
  /** Paths ending in the `*` wildcard (counted apart from files). */
  readonly wildcards: number;
  /** Characters in one path. */
  readonly pathLength: number;
}

export const CLOUDFRONT_LIMITS: InvalidationLimits = { files: 3000, wildcards: 15, pathLength: 4000 };

/** Paths under one folder, which `<folder>/*` can stand for (a repository: `/packages/deb-dev`). */
export interface PathGroup {
  readonly folder: string;
  readonly paths: readonly string[];
}

/** The paths of one invalidation request. */
export interface FittedInvalidation {
  readonly items: readonly string[];
  /** Folders named by a wildcard because their files did not fit: everything under them is invalidated. */
  readonly wildcarded: readonly string[];
}

/**
 * Fits the paths into one request under the limits: each file by its path while they fit, otherwise the
 * folders with the most files by their wildcard (one wildcard costs what one file does), and the whole
 * host (`<everything>/*`) when even that needs more wildcards than allowed. A wildcard invalidates more
 * than the run changed, so it is the fallback, never the rule.
 */
export function fitInvalidation(
  groups: readonly PathGroup[],
  everything: string,
  limits: InvalidationLimits = CLOUDFRONT_LIMITS,
): FittedInvalidation {
  const byFolder = new Map<string, Set<string>>();
  for (const group of groups) {
    const paths = byFolder.get(group.folder) ?? new Set<string>();
    for (const path of group.paths) paths.add(path);
    if (paths.size > 0) byFolder.set(group.folder, paths);
  }
  // A path too long to name goes under its folder's wildcard.
  const wildcarded = new Set(
    [...byFolder].filter(([, paths]) => [...paths].some((p) => p.length > limits.pathLength)).map(([f]) => f),
  );
  const named = (): number =>
    [...byFolder].reduce((sum, [folder, paths]) => sum + (wildcarded.has(folder) ? 0 : paths.size), 0);
  while (named() > limits.files) {
    const [largest] = [...byFolder]
      .filter(([folder]) => !wildcarded.has(folder))
      .sort(([a, x], [b, y]) => y.size - x.size || (a < b ? -1 : 1));
    if (largest === undefined) break;
    wildcarded.add(largest[0]);
  }
  if (wildcarded.size > limits.wildcards) return { items: [`${everything}/*`], wildcarded: [everything] };
  const folders = [...wildcarded].sort();
  const files = [...byFolder]
    .filter(([folder]) => !wildcarded.has(folder))
    .flatMap(([, paths]) => [...paths])
    .sort();
  return { items: [...folders.map((folder) => `${folder}/*`), ...files], wildcarded: folders };
}
