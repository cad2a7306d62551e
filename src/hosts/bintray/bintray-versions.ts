import type { BintrayApi } from './bintray-api.js';
import { parseFiles, parseVersions, type RemoteFile } from './bintray-files.js';
import { packagePath, versionPath } from './bintray-paths.js';
import { refusal } from './bintray-refusals.js';

/** A package of one repository: what retention counts versions of. */
export interface BintrayPackage {
  readonly repository: string;
  readonly package: string;
}

/**
 * The versions API, for dev retention: Bintray lists a package's versions newest first and deletes a
 * version with all its files, so retention keeps the newest N versions and deletes the rest, one
 * request each. Sizes are not what a version is kept by (see the action's Bintray retention).
 */
export class BintrayVersions {
  constructor(
    private readonly subject: string,
    private readonly api: BintrayApi,
  ) {}

  /** The package's versions, newest first (Get Package). */
  async list(of: BintrayPackage): Promise<string[]> {
    const reply = await this.api.request('GET', packagePath(this.subject, of.repository, of.package));
    if (reply.status !== 200) throw refusal(reply, `list the versions of ${name(of)}`, this.api.url);
    return parseVersions(reply, this.api.url);
  }

  /** Every file of the package, of every version, unpublished ones too (Get Package Files). */
  async files(of: BintrayPackage): Promise<RemoteFile[]> {
    const path = `${packagePath(this.subject, of.repository, of.package)}/files?include_unpublished=1`;
    const reply = await this.api.request('GET', path);
    if (reply.status !== 200) throw refusal(reply, `list the files of ${name(of)}`, this.api.url);
    return parseFiles(reply, this.api.url);
  }

  /** Deletes a version and its files; false when it was gone already (another publisher's retention). */
  async delete(of: BintrayPackage, version: string): Promise<boolean> {
    const path = versionPath(this.subject, of.repository, of.package, version);
    const reply = await this.api.request('DELETE', path);
    if (reply.status === 200 || reply.status === 204) return true;
    if (reply.status === 404) return false;
    throw refusal(reply, `delete ${name(of)}/${version}`, this.api.url);
  }
}

/**
 * The versions past the newest `keep`, from a list newest first, never one the run publishes (a
 * re-run of an older build keeps its version). The run's versions not listed yet count as newest: the
 * run is about to make them.
 */
export function versionsPastLimit(
  newestFirst: readonly string[],
  keep: number,
  publishing: ReadonlySet<string>,
): string[] {
  const coming = [...publishing].filter((version) => !newestFirst.includes(version));
  const all = [...coming, ...newestFirst];
  return all.slice(keep).filter((version) => !publishing.has(version));
}

function name(of: BintrayPackage): string {
  return `${of.repository}/${of.package}`;
}
