import type { BintrayPlacement } from '../hosts/bintray/bintray-file.js';
import {
  versionsPastLimit,
  type BintrayPackage,
  type BintrayVersions,
} from '../hosts/bintray/bintray-versions.js';
import type { IndexedPackage, PackageToIndex } from '../indexes/indexed-package.js';
import type { PlannedRepository, RepositoryReport } from '../indexes/repository-updater.js';
import { placeOfPath, type RetentionClass } from '../package-layout/host-layout.js';
import type { BintrayKeep } from './inputs/bintray-retention.js';
import type { Repositories } from './ports.js';

/** The dev repositories of Bintray and the `dev-retention` setting of each; stable ones are never pruned. */
const SETTING_OF: Readonly<Record<string, RetentionClass>> = {
  'deb-dev': 'deb',
  'rpm-dev': 'rpm',
  'bin-dev': 'bin',
};

/** A version retention takes out, with its files (`deb-dev/stable/falco-….deb`) for the plan and the report. */
interface DoomedVersion {
  readonly of: BintrayPackage;
  readonly version: string;
  readonly files: readonly string[];
}

/**
 * Dev retention on Bintray, as the plan's repository steps: Bintray indexes its repositories itself,
 * so a step here only prunes (its format is `bin`: the publisher writes no index). For each dev
 * repository the run publishes to and `dev-retention` names, it keeps the newest N versions of each
 * package (as Bintray lists them, newest first; never a version the run publishes) and deletes the
 * rest through the versions API, after every package of the run is published.
 */
export class BintrayRetention implements Repositories {
  readonly fingerprint = undefined;

  constructor(
    private readonly versions: BintrayVersions,
    private readonly keep: BintrayKeep,
    private readonly placement: BintrayPlacement,
  ) {}

  /** One step per pruned dev repository, with every file it would delete as Bintray stands now. */
  async prepare(packages: readonly PackageToIndex[]): Promise<PlannedRepository[]> {
    const byRepository = new Map<string, IndexedPackage[]>();
    for (const { path, localFile } of packages) {
      const { repository } = this.placement(path);
      const place = placeOfPath(path);
      if (place === undefined || this.limitOf(repository) === undefined) continue;
      byRepository.set(repository, [...(byRepository.get(repository) ?? []), { path, place, localFile }]);
    }
    const planned: PlannedRepository[] = [];
    for (const [root, rootPackages] of byRepository) {
      const versions = this.limitOf(root) ?? 0;
      const doomed = await this.doomed(root, rootPackages, versions);
      planned.push({
        root,
        format: 'bin',
        packages: rootPackages,
        retention: { limit: { versions }, deletes: doomed.flatMap(({ files }) => files) },
      });
    }
    return planned.sort((a, b) => (a.root < b.root ? -1 : 1));
  }

  /** Asked again now (another publisher may have added or pruned versions since the plan), then deleted. */
  async update(repository: PlannedRepository): Promise<RepositoryReport> {
    const { root } = repository;
    const limit = repository.retention?.limit;
    const removed: string[] = [];
    if (limit !== undefined && 'versions' in limit) {
      for (const { of, version, files } of await this.doomed(root, repository.packages, limit.versions)) {
        if (await this.versions.delete(of, version)) removed.push(...files);
      }
    }
    return { root, signatures: 0, packageSignatures: [], removed };
  }

  private limitOf(repository: string): number | undefined {
    const setting = SETTING_OF[repository];
    return setting === undefined ? undefined : this.keep[setting];
  }

  /** Per package of the run in the repository: its versions past the newest `keep`, with their files. */
  private async doomed(
    repository: string,
    packages: readonly { readonly path: string }[],
    keep: number,
  ): Promise<DoomedVersion[]> {
    const publishing = new Map<string, Set<string>>();
    for (const { path } of packages) {
      const file = this.placement(path);
      publishing.set(file.package, (publishing.get(file.package) ?? new Set()).add(file.version));
    }
    const doomed: DoomedVersion[] = [];
    for (const [name, versions] of [...publishing].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const of = { repository, package: name };
      const past = versionsPastLimit(await this.versions.list(of), keep, versions);
      if (past.length === 0) continue;
      const files = await this.versions.files(of);
      for (const version of past) {
        const own = files
          .filter((file) => file.version === version)
          .map((file) => `${repository}/${file.path}`);
        doomed.push({ of, version, files: own.sort() });
      }
    }
    return doomed;
  }
}
