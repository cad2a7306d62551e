import { everyRepository, type PackagePlace, type RepositoryPlace } from '../package-layout/host-layout.js';
import type { RepositoryStore } from '../stores/object-store.js';
import { APT_FORMAT } from './apt-format.js';
import { indexKeeper, type IndexKeeper, type UpdateSettings } from './index-keeper.js';
import type { RepositoryReport } from './repository-updater.js';
import {
  planResigning,
  resign,
  staleDerivedFiles,
  type PlannedResigning,
  type ReplacePackage,
} from './resigning.js';
import type { Signing } from './signing.js';
import { planWithdrawal, withdraw, type PlannedWithdrawal } from './withdrawal.js';
import { YUM_FORMAT } from './yum-format.js';

export interface MaintainerOptions {
  /** Reads the signing key (a UserError when it cannot sign); absent without `signing-key`. */
  readonly loadSigning: (() => Promise<Signing>) | undefined;
  /** Whether rpm header signatures are kept (`rpm-header-signatures`): re-signing then signs them too. */
  readonly headerSignatures: boolean;
  /** The run's start: the Date of every Release and the revision of every repomd.xml it writes. */
  readonly date: Date;
  readonly graceMs: number;
  /** Where packages are held while they are signed again (the runner's temp). */
  readonly tempRoot: string;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Keeps the repositories a host already has, outside a publish: takes a version's packages out of them
 * (`mode: unpublish`) or signs all of them again with the current key (`mode: resign`). As with a
 * publish, the plan reads everything first, and nothing is written until every repository has been read.
 */
export class RepositoryMaintainer {
  private signing: Signing | undefined;
  private readonly keepers: Readonly<Record<'apt' | 'yum', IndexKeeper>> = {
    apt: indexKeeper(APT_FORMAT),
    yum: indexKeeper(YUM_FORMAT),
  };

  constructor(
    /** The host's own write of a package (re-signed rpms replace the old ones through it). */
    private readonly replacePackage: ReplacePackage,
    /** The host's store, asked after the host's own checks (they tell whether conditional writes work). */
    private readonly target: () => RepositoryStore,
    private readonly options: MaintainerOptions,
  ) {}

  get fingerprint(): string | undefined {
    return this.signing?.signer.fingerprint;
  }

  /** The packages `select` picks, repository by repository; reads only. */
  async planWithdrawals(select: (place: PackagePlace) => boolean): Promise<PlannedWithdrawal[]> {
    await this.loadSigning();
    const planned: PlannedWithdrawal[] = [];
    for (const place of everyRepository()) {
      const found = await planWithdrawal(
        this.target(),
        place,
        this.keeperOf(place),
        this.signing !== undefined,
        select,
      );
      if (found) planned.push(found);
    }
    return planned;
  }

  withdraw(planned: PlannedWithdrawal): Promise<RepositoryReport> {
    const keeper = planned.format === 'bin' ? undefined : this.keepers[planned.format];
    return withdraw(this.target(), keeper, planned, { ...this.settings(), signing: this.signing });
  }

  /** What every repository of the host needs signed again with the current key; reads only. */
  async planResignings(): Promise<PlannedResigning[]> {
    const signing = await this.requireSigning();
    const planned: PlannedResigning[] = [];
    for (const place of everyRepository()) {
      const target = this.target();
      const keeper = this.keeperOf(place);
      const index =
        keeper === undefined
          ? undefined
          : {
              keeper,
              staleFiles: () =>
                place.format === 'apt'
                  ? staleDerivedFiles(APT_FORMAT, target.store, place.root, signing)
                  : staleDerivedFiles(YUM_FORMAT, target.store, place.root, signing),
            };
      const found = await planResigning(target, place, index, signing, this.options.headerSignatures);
      if (found) planned.push(found);
    }
    return planned;
  }

  async resign(planned: PlannedResigning): Promise<RepositoryReport> {
    return resign(planned, {
      target: this.target(),
      replacePackage: this.replacePackage,
      keeper: planned.format === 'bin' ? undefined : this.keepers[planned.format],
      signing: await this.requireSigning(),
      tempRoot: this.options.tempRoot,
      settings: this.settings(),
    });
  }

  private keeperOf(place: RepositoryPlace): IndexKeeper | undefined {
    return place.format === 'bin' ? undefined : this.keepers[place.format];
  }

  private settings(): Omit<UpdateSettings, 'target' | 'root' | 'pruning' | 'signing'> {
    return {
      date: this.options.date,
      graceMs: this.options.graceMs,
      now: () => new Date(),
      ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
    };
  }

  private async loadSigning(): Promise<void> {
    if (this.options.loadSigning && this.signing === undefined) {
      this.signing = await this.options.loadSigning();
    }
  }

  private async requireSigning(): Promise<Signing> {
    await this.loadSigning();
    // The inputs refuse `mode: resign` without a signing-key: reaching here without one is a defect.
    if (this.signing === undefined) throw new Error('re-signing needs the signing key');
    return this.signing;
  }
}
