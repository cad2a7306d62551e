import type { RepositoryFormat } from '../package-layout/host-layout.js';
import type { RepositoryStore } from '../stores/object-store.js';
import { APT_FORMAT } from './apt-format.js';
import { pruneTarballs } from './bin-retention.js';
import type { IndexUpdateResult } from './index-update.js';
import { indexKeeper, type IndexKeeper } from './index-keeper.js';
import { indexPackage, type IndexedPackage, type PackageToIndex } from './indexed-package.js';
import { signPackages } from './package-signatures.js';
import { keepFor, type Retention } from './retention.js';
import type { Signing } from './signing.js';
import { YUM_FORMAT } from './yum-format.js';

/** A repository this run adds packages to, with everything its update needs, checked before any write. */
export interface PlannedRepository {
  readonly root: string;
  readonly format: RepositoryFormat;
  readonly packages: readonly IndexedPackage[];
  /** Newest versions kept (dev trees); undefined keeps all. */
  readonly keep: number | undefined;
}

export interface RepositoryReport extends Partial<IndexUpdateResult> {
  readonly root: string;
  readonly signatures: number;
  /** The `<package>.asc` files written (host paths). */
  readonly packageSignatures: readonly string[];
  readonly removed: readonly string[];
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
    const planned: PlannedRepository[] = [];
    for (const rootPackages of byRoot.values()) {
      const [{ place }] = rootPackages as [IndexedPackage];
      const repository = {
        root: place.root,
        format: place.format,
        packages: rootPackages,
        keep: keepFor(place, this.options.retention),
      };
      if (repository.format !== 'bin') {
        await this.keepers[repository.format].check(
          this.target(),
          repository.root,
          this.signing !== undefined,
          rootPackages,
        );
      }
      planned.push(repository);
    }
    return planned.sort((a, b) => (a.root < b.root ? -1 : 1));
  }

  async update(repository: PlannedRepository, written: ReadonlySet<string>): Promise<RepositoryReport> {
    const target = this.target();
    const { root, keep } = repository;
    const signing = this.signing;
    const packageSignatures = signing
      ? await signPackages(target, signing.signer, repository.packages, written)
      : [];
    const signatures = packageSignatures.length;
    if (repository.format === 'bin') {
      const removed = keep === undefined ? [] : await pruneTarballs(target.store, root, keep);
      return { root, signatures, packageSignatures, removed };
    }
    const settings = {
      target,
      root,
      keep,
      signing,
      date: this.options.date,
      graceMs: this.options.graceMs,
      now: () => new Date(),
      ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
    };
    const result = await this.keepers[repository.format].update(settings, repository.packages);
    return { root, signatures, packageSignatures, ...result };
  }
}
