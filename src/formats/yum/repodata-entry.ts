import { posix } from 'node:path';
import { UserError } from '../../util/errors.js';
import { filelistsPackageXml } from './filelists-xml.js';
import { otherPackageXml } from './other-xml.js';
import { primaryPackageXml } from './primary-xml.js';
import type { PackageIdentity } from './repodata-records.js';
import type { Evr } from '../rpm/rpm-version.js';
import { XmlCharacterError } from './xml-escape.js';
import type { YumPackageFile } from './yum-package.js';

/**
 * One package of a YUM repository: its identity and its `<package>` element in each of the three
 * documents. New packages are rendered; existing ones keep the elements read from the current
 * repodata, verbatim, so an update never rewrites (or loses) what it does not touch.
 */
export interface RepodataEntry {
  readonly pkgid: string;
  readonly name: string;
  readonly arch: string;
  readonly evr: Evr;
  /** Relative to the repository root. */
  readonly location: string;
  readonly primary: string;
  readonly filelists: string;
  readonly other: string;
}

export function repodataEntry(file: YumPackageFile): RepodataEntry {
  const { pkg } = file;
  try {
    return {
      pkgid: file.sha256,
      name: pkg.name,
      arch: pkg.arch,
      evr: { epoch: String(pkg.epoch ?? 0), version: pkg.version, release: pkg.release },
      location: file.location,
      primary: primaryPackageXml(file),
      filelists: filelistsPackageXml(file),
      other: otherPackageXml(file),
    };
  } catch (error) {
    // A control character in a header value (a summary, a changelog): the package must be rebuilt.
    if (!(error instanceof XmlCharacterError)) throw error;
    throw new UserError(
      `packages: ${posix.basename(file.location)}`,
      `has ${error.character} in its headers (in ${JSON.stringify(error.value.slice(0, 80))}), which repodata XML cannot hold`,
      'remove the control character from the spec file (Summary, %description, %changelog, file names) and build the package again',
    );
  }
}

/**
 * Pairs each primary record with its filelists and other records (same pkgid, name, arch and version;
 * the n-th of a repeated pkgid with the n-th), and refuses repodata where one is missing or left over.
 */
export function joinRepodata(
  primary: readonly (PackageIdentity & { readonly location: string })[],
  filelists: readonly PackageIdentity[],
  other: readonly PackageIdentity[],
): RepodataEntry[] {
  const filelistsById = queues(filelists);
  const otherById = queues(other);
  const entries = primary.map((record) => {
    const take = (byId: Map<string, PackageIdentity[]>, kind: string): PackageIdentity => {
      const match = byId.get(record.pkgid)?.shift();
      if (!match) throw new Error(`${describe(record)} is in primary.xml but not in ${kind}.xml`);
      if (
        match.name !== record.name ||
        match.arch !== record.arch ||
        match.evr.epoch !== record.evr.epoch ||
        match.evr.version !== record.evr.version ||
        match.evr.release !== record.evr.release
      ) {
        throw new Error(
          `${kind}.xml names pkgid ${record.pkgid} ${describe(match)}, primary.xml ${describe(record)}`,
        );
      }
      return match;
    };
    return {
      pkgid: record.pkgid,
      name: record.name,
      arch: record.arch,
      evr: record.evr,
      location: record.location,
      primary: record.xml,
      filelists: take(filelistsById, 'filelists').xml,
      other: take(otherById, 'other').xml,
    };
  });
  for (const [kind, byId] of [
    ['filelists', filelistsById],
    ['other', otherById],
  ] as const) {
    const left = [...byId.values()].flat()[0];
    if (left) throw new Error(`${describe(left)} is in ${kind}.xml but not in primary.xml`);
  }
  return entries;
}

function queues<T extends { pkgid: string }>(records: readonly T[]): Map<string, T[]> {
  const byId = new Map<string, T[]>();
  for (const record of records) byId.set(record.pkgid, [...(byId.get(record.pkgid) ?? []), record]);
  return byId;
}

const describe = (record: { name: string; arch: string; evr: Evr }): string =>
  `${record.name}-${record.evr.epoch}:${record.evr.version}-${record.evr.release}.${record.arch}`;
