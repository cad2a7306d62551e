import { aptEntry, type AptEntry } from '../formats/apt/apt-entry.js';
import type { PackageContents } from '../formats/package-contents.js';
import { repodataEntry, type RepodataEntry } from '../formats/yum/repodata-entry.js';
import { placeOfPath, type PackagePlace } from '../package-layout/host-layout.js';

/** A package of this run as its repository's index will describe it. */
export interface IndexedPackage {
  /** The host path (`deb-dev/stable/x.deb`). */
  readonly path: string;
  readonly place: PackagePlace;
  readonly localFile: string;
  /** Its stanza, for a .deb. */
  readonly apt?: AptEntry;
  /** Its primary/filelists/other elements, for an .rpm. */
  readonly yum?: RepodataEntry;
}

/** A package of the run at its host path, with what it says of itself (read once, when validated). */
export interface PackageToIndex {
  readonly path: string;
  readonly localFile: string;
  /** Undefined for a tarball, which no index lists. */
  readonly contents: PackageContents | undefined;
}

/**
 * What the index lists of a package, from its contents (control fields, rpm headers, hashes). Run before
 * anything is published, so a package that cannot be indexed fails the run with nothing written.
 */
export function indexPackage({ path, localFile, contents }: PackageToIndex): IndexedPackage {
  const place = placeOfPath(path);
  // The plan made the path from the layout: one it cannot read back is a defect, not a user's mistake.
  if (place === undefined) throw new Error(`${path} is not a package path of the host layout`);
  if (place.format === 'bin') return { path, place, localFile };
  if (place.format === 'apt' && contents?.kind === 'deb') {
    const apt = aptEntry(contents.control, { filename: place.relative, ...contents.hashes });
    return { path, place, localFile, apt };
  }
  if (place.format === 'yum' && contents?.kind === 'rpm') {
    const { rpm, hashes } = contents;
    // The build time, not the file's mtime (createrepo_c's choice): a re-run indexes the same bytes.
    const yum = repodataEntry({
      pkg: rpm,
      location: place.relative,
      sha256: hashes.sha256,
      size: hashes.size,
      time: rpm.buildTime,
    });
    return { path, place, localFile, yum };
  }
  throw new Error(
    `${path} was not read as a ${place.format === 'apt' ? '.deb' : '.rpm'} before it is indexed`,
  );
}
