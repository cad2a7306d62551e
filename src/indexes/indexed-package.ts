import { aptEntry, type AptEntry } from '../formats/apt/apt-entry.js';
import { readDebControl } from '../formats/deb/read-deb.js';
import { readRpm } from '../formats/rpm/read-rpm.js';
import { repodataEntry, type RepodataEntry } from '../formats/yum/repodata-entry.js';
import { fileHashes } from './file-hashes.js';
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

/**
 * Reads what the index needs from a package file (control fields, rpm headers, hashes). Run before
 * anything is published, so a package that cannot be indexed fails the run with nothing written.
 */
export async function indexPackage(path: string, localFile: string): Promise<IndexedPackage> {
  const place = placeOfPath(path);
  // The plan made the path from the layout: one it cannot read back is a defect, not a user's mistake.
  if (place === undefined) throw new Error(`${path} is not a package path of the host layout`);
  switch (place.format) {
    case 'apt': {
      const [control, hashes] = await Promise.all([readDebControl(localFile), fileHashes(localFile)]);
      return { path, place, localFile, apt: aptEntry(control, { filename: place.relative, ...hashes }) };
    }
    case 'yum': {
      const [pkg, hashes] = await Promise.all([readRpm(localFile), fileHashes(localFile)]);
      // The build time, not the file's mtime (createrepo_c's choice): a re-run indexes the same bytes.
      const yum = repodataEntry({
        pkg,
        location: place.relative,
        sha256: hashes.sha256,
        size: hashes.size,
        time: pkg.buildTime,
      });
      return { path, place, localFile, yum };
    }
    case 'bin':
      return { path, place, localFile };
  }
}
