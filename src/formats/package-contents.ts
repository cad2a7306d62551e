import type { DebControl } from './deb/deb-package.js';
import { readDebControl } from './deb/read-deb.js';
import { readRpm } from './rpm/read-rpm.js';
import type { RpmPackage } from './rpm/rpm-package.js';
import { fileHashes, type FileHashes } from '../util/file-hashes.js';

/**
 * What a .deb or .rpm says of itself, with the hashes its index lists: read once, when the packages are
 * validated, then checked against the file name and indexed from the same values.
 */
export type PackageContents =
  | { readonly kind: 'deb'; readonly control: DebControl; readonly hashes: FileHashes }
  | { readonly kind: 'rpm'; readonly rpm: RpmPackage; readonly hashes: FileHashes };

/** Reads a package's metadata (a UserError naming the file when it is not a valid package) and hashes it. */
export async function readPackageContents(
  file: string,
  kind: PackageContents['kind'],
): Promise<PackageContents> {
  if (kind === 'deb') {
    const [control, hashes] = await Promise.all([readDebControl(file), fileHashes(file)]);
    return { kind, control, hashes };
  }
  const [rpm, hashes] = await Promise.all([readRpm(file), fileHashes(file)]);
  return { kind, rpm, hashes };
}
