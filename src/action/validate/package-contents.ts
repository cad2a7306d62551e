import type { PackageContents } from '../../formats/package-contents.js';
import type { ArchPackageName, PackageName } from '../../package-layout/package-name.js';
import { checkDebAgrees, checkRpmAgrees } from './contents-agree.js';

export interface NamedFile {
  readonly file: string;
  readonly name: PackageName;
}

/**
 * Reads every .deb's control file and every .rpm's header, with their hashes, and checks that they say
 * what the file name says (name, version, architecture): a renamed package would otherwise be published
 * under a version it is not. What is read here is what the repositories index, so each package is read
 * once. The readers are loaded only when there are such packages; a tarball has nothing to read.
 */
export async function readPackageContents(
  files: readonly NamedFile[],
): Promise<ReadonlyMap<string, PackageContents>> {
  const packages = files.filter(
    (named): named is NamedFile & { readonly name: ArchPackageName } =>
      named.name.kind === 'deb' || named.name.kind === 'rpm',
  );
  const contents = new Map<string, PackageContents>();
  if (packages.length === 0) return contents;
  const formats = await import('../../formats/package-contents.js');
  for (const { file, name } of packages) {
    const read = await formats.readPackageContents(file, name.kind === 'deb' ? 'deb' : 'rpm');
    if (read.kind === 'deb') checkDebAgrees(name, read.control);
    else checkRpmAgrees(name, read.rpm);
    contents.set(file, read);
  }
  return contents;
}
