import type { Repositories } from '../action/ports.js';
import type { PlannedRepository, RepositoryReport } from './repository-updater.js';

/**
 * The repositories port whose code (package readers, OpenPGP, the xz decoder) is loaded only when a
 * run publishes packages: the bundle splits it into its own chunk, so image-only runs start without it.
 */
export class LazyRepositories implements Repositories {
  private loaded: Repositories | undefined;

  constructor(private readonly load: () => Promise<Repositories>) {}

  get fingerprint(): string | undefined {
    return this.loaded?.fingerprint;
  }

  async prepare(packages: readonly { path: string; localFile: string }[]): Promise<PlannedRepository[]> {
    this.loaded ??= await this.load();
    return this.loaded.prepare(packages);
  }

  async update(repository: PlannedRepository, written: ReadonlySet<string>): Promise<RepositoryReport> {
    if (this.loaded === undefined) throw new Error('repositories are updated only after they are prepared');
    return this.loaded.update(repository, written);
  }
}
