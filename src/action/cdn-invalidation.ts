import { cdnPaths } from '../cdn/cdn-path.js';
import { fitInvalidation, type PathGroup } from '../cdn/invalidation-batch.js';
import type { CdnInvalidator } from '../cdn/invalidator.js';
import type { RepositoryReport } from '../indexes/repository-updater.js';
import type { SignatureRecord } from '../signing/signature-record.js';
import type { Logger } from '../util/logger.js';
import type { InvalidateCdnStep } from './plan/steps.js';

/** What the run wrote on the host, as the steps before the invalidation reported it. */
export interface HostWrites {
  /** Packages the run wrote over another build (`overwrite`). */
  readonly replacedPackages: ReadonlySet<string>;
  readonly repositories: readonly RepositoryReport[];
  readonly signatures: readonly SignatureRecord[];
}

/** The invalidation a run made, for the log and the summary. */
export interface CdnInvalidationRecord {
  readonly distribution: string;
  /** Host paths whose old content a cache may hold. */
  readonly hostPaths: readonly string[];
  /** The paths of the request (wildcards where the files did not fit); empty when nothing needed it. */
  readonly items: readonly string[];
  /** Undefined when no request was needed. */
  readonly id: string | undefined;
  readonly status: string | undefined;
}

/**
 * The host paths this run wrote over, whose earlier content a cache may still serve: the indexes, their
 * plain-name copies and signatures a repository update replaced, and each replaced package with the
 * `.asc` and provenance bundle written for it. A file created where there was none has nothing cached
 * (content-addressed indexes, a new version's packages), and a deleted one is listed by no index any more.
 * A replaced package's `.asc` counts as replaced even if the package had none before: one path too
 * many costs nothing, one too few serves a signature that no longer matches.
 */
export function replacedHostPaths(writes: HostWrites): string[] {
  const paths = new Set<string>();
  for (const report of writes.repositories) for (const path of report.rewritten ?? []) paths.add(path);
  const asc = new Set(writes.repositories.flatMap((report) => report.packageSignatures));
  const bundles = new Set(
    writes.signatures
      .filter((record) => record.kind === 'provenance' && record.state === 'signed')
      .map((record) => record.where),
  );
  for (const pkg of writes.replacedPackages) {
    paths.add(pkg);
    if (asc.has(`${pkg}.asc`)) paths.add(`${pkg}.asc`);
    if (bundles.has(`${pkg}.sigstore.json`)) paths.add(`${pkg}.sigstore.json`);
  }
  return [...paths].sort();
}

/**
 * The distribution's paths for host paths, in one request under CloudFront's limits: each file (both
 * spellings of a `+`), or where they do not fit, a repository's wildcard (`/packages/deb-dev/*`).
 */
export function invalidationItems(
  root: string,
  hostPaths: readonly string[],
): ReturnType<typeof fitInvalidation> {
  const groups = new Map<string, string[]>();
  for (const path of hostPaths) {
    const folder = `${root}/${path.split('/')[0] ?? ''}`;
    groups.set(folder, [...(groups.get(folder) ?? []), ...cdnPaths(root, path)]);
  }
  const pathGroups: PathGroup[] = [...groups].map(([folder, paths]) => ({ folder, paths }));
  return fitInvalidation(pathGroups, root);
}

/** Invalidates what the run replaced (nothing is asked when it replaced nothing), and waits if told to. */
export async function invalidateCdn(
  step: InvalidateCdnStep,
  invalidator: CdnInvalidator,
  writes: HostWrites,
  logger: Logger,
): Promise<CdnInvalidationRecord> {
  const hostPaths = replacedHostPaths(writes);
  if (hostPaths.length === 0) {
    logger.info(
      `${invalidator.description}: the run replaced no file a cache may hold, nothing to invalidate`,
    );
    return { distribution: step.distribution, hostPaths, items: [], id: undefined, status: undefined };
  }
  const { items, wildcarded } = invalidationItems(step.root, hostPaths);
  for (const folder of wildcarded) {
    logger.info(`${folder}/*: too many files to name each under CloudFront's limits, so the whole folder`);
  }
  logger.info(`invalidating ${items.length} path${items.length === 1 ? '' : 's'}:`);
  for (const item of items) logger.info(`  ${item}`);
  const made = await invalidator.invalidate(items);
  logger.info(`${invalidator.description}: invalidation ${made.id} ${made.status}`);
  if (!step.wait || made.status === 'Completed') {
    return { distribution: step.distribution, hostPaths, items, id: made.id, status: made.status };
  }
  await invalidator.waitUntilCompleted(made.id);
  logger.info(`invalidation ${made.id} completed`);
  return { distribution: step.distribution, hostPaths, items, id: made.id, status: 'Completed' };
}
