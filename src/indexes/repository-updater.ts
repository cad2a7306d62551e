import { allInOrder } from '../util/all-in-order.js';
import { stat } from 'node:fs/promises';
import type { RepositoryFormat } from '../package-layout/host-layout.js';
import type { RepositoryStore } from '../stores/object-store.js';
import { APT_FORMAT } from './apt-format.js';
import { pruneTarballs, tarballsPastLimit, type PublishedTarball } from './bin-retention.js';
import type { IndexUpdateResult } from './index-update.js';
import { indexKeeper, type IndexKeeper } from './index-keeper.js';
import { indexPackage, type IndexedPackage, type PackageToIndex } from './indexed-package.js';
import { signPackages } from './package-signatures.js';
import { RepositoryFiles } from './repository-files.js';
import { limitFor, type Pruning, type Retention, type RetentionLimit } from './retention.js';
import type { Signing } from './signing.js';
import { YUM_FORMAT } from './yum-format.js';

/** A repository this run adds packages to, with everything its update needs, checked before any write. */
export interface PlannedRepository {
  readonly root: string;
  readonly format: RepositoryFormat;
  readonly packages: readonly IndexedPackage[];
  /** Retention of a dev tree named in `dev-retention`; undefined keeps all. */
  readonly retention: PlannedRetention | undefined;
}

/** What retention keeps of a repository, and what it would delete of it as the host stands before the run. */
export interface PlannedRetention {
  readonly limit: RetentionLimit;
  /**
   * Every file it would delete (packages, their signatures and provenance bundles), by host path;
   * undefined when the repository kept being rewritten by another publisher while it was read.
   */
  readonly deletes: readonly string[] | undefined;
}

export interface RepositoryReport extends Partial<IndexUpdateResult> {
  readonly root: string;
  readonly signatures: number;
  /** The `<package>.asc` files written (host paths). */
  readonly packageSignatures: readonly string[];
  /** Packages taken out: by retention, or by `mode: unpublish`. */
  readonly removed: readonly string[];
  /** The .rpm files signed again in their header and put back (`mode: resign`). */
  readonly headersSigned?: readonly string[];
}

export interface RepositoryOptions {
  /**
   * Reads the signing key (a UserError when it cannot sign) with the check of existing signatures;
   * absent for unsigned repositories, whose runs then never load the OpenPGP code.
   */
  readonly loadSigning: (() => Promise<Signing>) | undefined;
  readonly retention: Retention;
  /** The run's start: the Date of every Release and the revision of every repomd.xml it writes. */
  readonly date: Date;
  /** How long old by-hash indexes and repodata documents stay after the state stops listing them. */
  readonly graceMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A day: far longer than any client takes between reading a Release and fetching what it lists. */
export const DEFAULT_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps the APT, YUM and tarball repositories of a package host: indexes the packages of the run,
 * checks before anything is written that every repository can be read and signed as it is, then
 * updates each one after its packages are published.
 */
export class RepositoryUpdater {
  private signing: Signing | undefined;
  /** The indexed formats; tarball trees (`bin`) have no index, only retention. */
  private readonly keepers: Readonly<Record<Exclude<RepositoryFormat, 'bin'>, IndexKeeper>> = {
    apt: indexKeeper(APT_FORMAT),
    yum: indexKeeper(YUM_FORMAT),
  };

  constructor(
    /** The host's store, asked after the host's own checks (they tell whether conditional writes work). */
    private readonly target: () => RepositoryStore,
    private readonly options: RepositoryOptions,
  ) {}

  get fingerprint(): string | undefined {
    return this.signing?.signer.fingerprint;
  }

  /**
   * Loads the signing key, reads every package's metadata and every touched repository's current
   * indexes: all that can fail does so here, before anything is written.
   */
  async prepare(packages: readonly PackageToIndex[]): Promise<PlannedRepository[]> {
    if (this.options.loadSigning && this.signing === undefined) {
      this.signing = await this.options.loadSigning();
    }
    const indexed = packages.map(indexPackage);
    const byRoot = new Map<string, IndexedPackage[]>();
    for (const pkg of indexed) byRoot.set(pkg.place.root, [...(byRoot.get(pkg.place.root) ?? []), pkg]);
    // Each repository is read on its own, all of them together.
    const planned = await allInOrder(
      [...byRoot.values()].map((rootPackages) => async (): Promise<PlannedRepository> => {
        const [{ place }] = rootPackages as [IndexedPackage];
        const { root, format } = place;
        if (format !== 'bin') {
          await this.keepers[format].check(this.target(), root, this.signing !== undefined, rootPackages);
        }
        const limit = limitFor(place, this.options.retention);
        const retention =
          limit === undefined
            ? undefined
            : { limit, deletes: await this.foresee(root, format, rootPackages, limit) };
        return { root, format, packages: rootPackages, retention };
      }),
    );
    return planned.sort((a, b) => (a.root < b.root ? -1 : 1));
  }

  /** Every file retention would delete of a repository, as the host stands now (for the plan). */
  private async foresee(
    root: string,
    format: RepositoryFormat,
    packages: readonly IndexedPackage[],
    limit: RetentionLimit,
  ): Promise<string[] | undefined> {
    const { store } = this.target();
    if (format === 'bin') {
      const { tarballs, files } = await tarballsPastLimit(store, root, limit, await weighed(packages));
      return tarballs.flatMap((tarball) => files.filesOf(tarball));
    }
    const files = await RepositoryFiles.list(store, root);
    const pruning = await pruningFor(root, limit, async () => files);
    const removed = await this.keepers[format].foresee(this.target(), root, packages, pruning);
    return removed?.flatMap((pkg) => files.filesOf(pkg));
  }

  async update(repository: PlannedRepository, written: ReadonlySet<string>): Promise<RepositoryReport> {
    const target = this.target();
    const { root, retention, packages } = repository;
    const limit = retention?.limit;
    const signing = this.signing;
    const packageSignatures = signing ? await signPackages(target, signing.signer, packages, written) : [];
    const signatures = packageSignatures.length;
    if (repository.format === 'bin') {
      const removed =
        limit === undefined ? [] : await pruneTarballs(target.store, root, limit, await weighed(packages));
      return { root, signatures, packageSignatures, removed };
    }
    // Weighed again now: the signatures just written, and whatever changed since the plan, count.
    const pruning =
      limit === undefined
        ? undefined
        : await pruningFor(root, limit, () => RepositoryFiles.list(target.store, root));
    const settings = {
      target,
      root,
      pruning,
      signing,
      date: this.options.date,
      graceMs: this.options.graceMs,
      now: () => new Date(),
      ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
    };
    const result = await this.keepers[repository.format].update(settings, packages);
    return { root, signatures, packageSignatures, ...result };
  }
}

/**
 * What an index update prunes by. A size limit weighs what lies beside each package too: the
 * repository is listed, and each signature and provenance bundle asked its size.
 */
async function pruningFor(
  root: string,
  limit: RetentionLimit,
  files: () => Promise<RepositoryFiles>,
): Promise<Pruning> {
  if ('versions' in limit) return { limit, besideBytes: new Map() };
  const prefix = `${root}/`;
  const beside = await (await files()).besideBytes();
  // The index names packages relative to the root (`stable/falco-….deb`).
  return {
    limit,
    besideBytes: new Map([...beside].map(([pkg, bytes]) => [pkg.slice(prefix.length), bytes])),
  };
}

/** The run's tarballs with their sizes, read from the runner's files: the plan weighs them before upload. */
async function weighed(packages: readonly IndexedPackage[]): Promise<PublishedTarball[]> {
  return Promise.all(
    packages.map(async (pkg) => ({ path: pkg.path, bytes: (await stat(pkg.localFile)).size })),
  );
}
