import type { PackageName } from '../../package-layout/package-name.js';
import { checkDebAgrees, checkRpmAgrees } from './contents-agree.js';

export interface NamedFile {
  readonly file: string;
  readonly name: PackageName;
}

/**
 * Reads every .deb's control file and every .rpm's header and checks that they say what the file name
 * says (name, version, architecture): a renamed package would otherwise be published under a version it
 * is not. The readers are loaded only when there are such packages; a tarball has nothing to read.
 */
export async function checkPackageContents(files: readonly NamedFile[]): Promise<void> {
  const debs = files.filter(({ name }) => name.kind === 'deb');
  const rpms = files.filter(({ name }) => name.kind === 'rpm');
  if (debs.length > 0) {
    const { readDebControl } = await import('../../formats/deb/read-deb.js');
    for (const { file, name } of debs) checkDebAgrees(name, await readDebControl(file));
  }
  if (rpms.length > 0) {
    const { readRpm } = await import('../../formats/rpm/read-rpm.js');
    for (const { file, name } of rpms) checkRpmAgrees(name, await readRpm(file));
  }
}
