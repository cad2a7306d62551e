import { UserError } from '../../util/errors.js';
import type { RpmFile } from './rpm-package.js';
import type { RpmHeader } from './rpm-header.js';
import { FILE_GHOST, MODE_DIRECTORY, MODE_TYPE_MASK, Tag } from './rpm-tags.js';

/**
 * The package's files in header order. rpm stores paths split: each base name points at one of the
 * directory names (which end in `/`). A directory mode makes `dir`, else the %ghost flag `ghost`, as
 * createrepo_c decides (a %ghost directory is a `dir`).
 */
export function filesOf(header: RpmHeader, subject: string): RpmFile[] {
  const baseNames = header.strings(Tag.baseNames);
  const dirIndexes = header.numbers(Tag.dirIndexes);
  const dirNames = header.strings(Tag.dirNames);
  const flags = header.numbers(Tag.fileFlags);
  const modes = header.numbers(Tag.fileModes);
  if (baseNames === undefined || dirIndexes === undefined || dirNames === undefined) return [];
  if (flags === undefined || modes === undefined) return [];
  const count = baseNames.length;
  if (dirIndexes.length !== count || flags.length !== count || modes.length !== count) {
    throw new UserError(
      subject,
      `has a damaged main header: its file tags list different numbers of files`,
      'build the package again with rpmbuild',
    );
  }
  return baseNames.map((baseName, i) => {
    const dirName = dirNames[dirIndexes[i] ?? -1];
    if (dirName === undefined) {
      throw new UserError(
        subject,
        `has a damaged main header: file ${baseName} points at a directory it does not list`,
        'build the package again with rpmbuild',
      );
    }
    const mode = modes[i] ?? 0;
    const type =
      (mode & MODE_TYPE_MASK) === MODE_DIRECTORY ? 'dir' : (flags[i] ?? 0) & FILE_GHOST ? 'ghost' : 'file';
    return { path: dirName + baseName, type };
  });
}
