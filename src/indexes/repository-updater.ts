import type { AptEntry } from '../formats/apt/apt-entry.js';
import type { RepodataEntry } from '../formats/yum/repodata-entry.js';
import { errorMessage, UserError } from '../util/errors.js';
import { APT_FORMAT } from './apt-format.js';
import { readAptState, SUITE_DIR, type AptState } from './apt-state.js';
import { pruneTarballs } from './bin-retention.js';
import { StaleRead } from './compare-and-swap.js';
import { updateIndex, type IndexUpdateResult, type KnownState } from './index-update.js';
import type { Signing } from './signing.js';
import type { Repositories } from '../action/ports.js';
import { indexPackage, type IndexedPackage } from './indexed-package.js';
import { signPackages } from './package-signatures.js';
import type { RepositoryFormat } from './repository-path.js';
import { keepFor, type Retention } from './retention.js';
import type { RepositoryStore } from '../stores/object-store.js';
import { YUM_FORMAT } from './yum-format.js';
import { readYumState, REPOMD, type YumState } from './yum-state.js';

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
export class RepositoryUpdater implements Repositories {
  private signing: Signing | undefined;
  /** What `prepare` read of each repository: the update starts from it if nothing changed since. */
  private readonly knownApt = new Map<string, KnownState<AptState>>();
  private readonly knownYum = new Map<string, KnownState<YumState>>();

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
  async prepare(packages: readonly { path: string; localFile: string }[]): Promise<PlannedRepository[]> {
    if (this.options.loadSigning && this.signing === undefined) {
      this.signing = await this.options.loadSigning();
    }
    const indexed = await Promise.all(packages.map((pkg) => indexPackage(pkg.path, pkg.localFile)));
    const byRoot = new Map<string, IndexedPackage[]>();
    for (const pkg of indexed) byRoot.set(pkg.place.root, [...(byRoot.get(pkg.place.root) ?? []), pkg]);
    const planned = [...byRoot].map(([root, rootPackages]) => ({
      root,
      format: rootPackages[0]?.place.format ?? 'bin',
      packages: rootPackages,
      keep: keepFor(root, this.options.retention),
    }));
    for (const repository of planned) await this.check(repository);
    return planned.sort((a, b) => (a.root < b.root ? -1 : 1));
  }

  async update(repository: PlannedRepository, written: ReadonlySet<string>): Promise<RepositoryReport> {
    const target = this.target();
    const signing = this.signing;
    const signatures = signing ? await signPackages(target, signing.signer, repository.packages, written) : 0;
    const common = {
      target,
      root: repository.root,
      keep: repository.keep,
      signing,
      date: this.options.date,
      graceMs: this.options.graceMs,
      now: () => new Date(),
      ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
    };
    switch (repository.format) {
      case 'apt': {
        const added = repository.packages.flatMap((pkg): AptEntry[] => (pkg.apt ? [pkg.apt] : []));
        const known = this.knownApt.get(repository.root);
        return {
          root: repository.root,
          signatures,
          ...(await updateIndex({ ...common, added, ...(known ? { known } : {}) }, APT_FORMAT)),
        };
      }
      case 'yum': {
        const added = repository.packages.flatMap((pkg): RepodataEntry[] => (pkg.yum ? [pkg.yum] : []));
        const known = this.knownYum.get(repository.root);
        return {
          root: repository.root,
          signatures,
          ...(await updateIndex({ ...common, added, ...(known ? { known } : {}) }, YUM_FORMAT)),
        };
      }
      case 'bin': {
        const removed =
          repository.keep === undefined
            ? []
            : await pruneTarballs(target.store, repository.root, repository.keep);
        return { root: repository.root, signatures, removed };
      }
    }
  }

  /**
   * The current indexes must parse (else the update would fail after the packages are out), and a
   * signed repository must not be republished unsigned: a missing `signing-key` secret would otherwise
   * leave a stale InRelease that apt prefers, or a repomd.xml that no longer matches its signature.
   */
  private async check(repository: PlannedRepository): Promise<void> {
    if (repository.format === 'bin') return;
    const { store } = this.target();
    const { root } = repository;
    const stateKey = `${root}/${repository.format === 'apt' ? APT_FORMAT.stateKey : YUM_FORMAT.stateKey}`;
    const state = await store.get(stateKey);
    if (state === undefined) return;
    try {
      const { etag } = state.info;
      if (repository.format === 'apt') {
        this.knownApt.set(root, { etag, state: await readAptState(store, root, state.bytes) });
      } else {
        this.knownYum.set(root, { etag, state: await readYumState(store, root, state.bytes) });
      }
    } catch (error) {
      // Being rewritten by another publisher right now: the update reads it again anyway.
      if (error instanceof StaleRead) return;
      throw new UserError(
        `package-host: ${root}`,
        `the current ${repository.format === 'apt' ? 'APT' : 'YUM'} indexes cannot be read (${errorMessage(error)})`,
        'repair them (or move them away to start the repository afresh), then run again',
      );
    }
    if (this.signing) return;
    const signatures =
      repository.format === 'apt'
        ? [`${root}/${SUITE_DIR}/InRelease`, `${root}/${SUITE_DIR}/Release.gpg`]
        : [`${root}/${REPOMD}.asc`];
    for (const key of signatures) {
      if ((await store.head(key)) !== undefined) {
        throw new UserError(
          'signing-key',
          `is empty, but ${root} is a signed repository (${key} exists): publishing unsigned would break apt and dnf clients`,
          'pass the repository key, e.g. signing-key: ${{ secrets.SIGNING_KEY }} (check the secret is available to this workflow)',
        );
      }
    }
  }
}
