import type { PackageContents } from '../../formats/package-contents.js';
import type { PartDigests } from '../../util/part-digests.js';
import type { ArchPackageName, PackageName } from '../../package-layout/package-name.js';
import { checkDebAgrees, checkRpmAgrees } from './contents-agree.js';

export interface NamedFile {
  readonly file: string;
  readonly name: PackageName;
}

/** What validation's one read of a .deb or .rpm found: its metadata and hashes, and its upload parts' sha256. */
export interface ReadPackage {
  readonly contents: PackageContents;
  readonly parts: PartDigests | undefined;
}

/**
 * Reads every .deb's control file and every .rpm's header, with their hashes, and checks that they say
 * what the file name says (name, version, architecture): a renamed package would otherwise be published
 * under a version it is not. What is read here is what the repositories index, so each package is read
 * once (with its upload parts hashed too, when the host takes it in parts of `partSize`). The readers
 * are loaded only when there are such packages; a tarball has nothing to read.
 */
export async function readPackageContents(
  files: readonly NamedFile[],
  partSize?: (size: number) => number | undefined,
): Promise<ReadonlyMap<string, ReadPackage>> {
  const packages = files.filter(
    (named): named is NamedFile & { readonly name: ArchPackageName } =>
      named.name.kind === 'deb' || named.name.kind === 'rpm',
  );
  const read = new Map<string, ReadPackage>();
  if (packages.length === 0) return read;
  const formats = await import('../../formats/package-contents.js');
  for (const { file, name } of packages) {
    const once = await formats.readPackageOnce(file, name.kind === 'deb' ? 'deb' : 'rpm', partSize);
    const { contents } = once;
    if (contents.kind === 'deb') checkDebAgrees(name, contents.control);
    else checkRpmAgrees(name, contents.rpm);
    read.set(file, once);
  }
  return read;
}
