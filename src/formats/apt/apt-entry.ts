import type { DebControl } from '../deb/deb-package.js';
import type { Field } from './control-stanza.js';
import { inPackagesOrder } from './packages-field-order.js';

/** One stanza of a Packages index: the package's control fields plus where the file is and its hashes. */
export interface AptEntry {
  /** In the order the stanza is written. */
  readonly fields: readonly Field[];
  readonly package: string;
  readonly version: string;
  readonly architecture: string;
  /** Relative to the repository root (`deb/`): `stable/falco-0.27.0-x86_64.deb`. */
  readonly filename: string;
}

export interface DebFile {
  /** Relative to the repository root, as apt will request it. */
  readonly filename: string;
  readonly size: number;
  readonly md5: string;
  readonly sha1: string;
  readonly sha256: string;
}

/**
 * Fields the index owns rather than the package: the location and hashes (a control file that carries
 * them describes some other file), and the two apt-ftparchive drops from every stanza (`Status` belongs
 * to dpkg's database, `Optional` is an obsolete alias).
 */
const REPLACED = new Set(['filename', 'size', 'md5sum', 'sha1', 'sha256', 'sha512', 'status', 'optional']);

/** The stanza apt-ftparchive would write for this .deb, with the control fields verbatim. */
export function aptEntry(control: DebControl, file: DebFile): AptEntry {
  const own = control.fields.filter(([name]) => !REPLACED.has(name.toLowerCase()));
  const fields = inPackagesOrder([
    ...own,
    ['Filename', file.filename],
    ['Size', String(file.size)],
    ['MD5sum', file.md5],
    ['SHA1', file.sha1],
    ['SHA256', file.sha256],
  ]);
  return {
    fields,
    package: control.package,
    version: control.version,
    architecture: control.architecture,
    filename: file.filename,
  };
}
