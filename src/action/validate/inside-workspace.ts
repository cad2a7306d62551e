import { realpath } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { UserError } from '../../util/errors.js';

const REMEDY = 'publish only what the job built: move or copy the package into the workspace';

/**
 * Every package file is in the workspace, once links are followed: a pattern or a symlink that reaches
 * outside it (another job's files, the runner's, a checked-out link to /etc) publishes what this build
 * did not make. Files are read, never written, so this is checked once, before anything is.
 */
export async function checkInsideWorkspace(files: readonly string[], workspace: string): Promise<void> {
  if (files.length === 0) return;
  const root = await realpath(workspace);
  for (const file of files) {
    const target = await realpath(file);
    const inside = relative(root, target);
    if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) continue;
    // Through a link of its own or of a folder on its way.
    const link = target !== resolve(file);
    throw new UserError(
      `packages: ${basename(file)}`,
      link
        ? `is a link to ${target}, which is outside the workspace (${root})`
        : `is ${file}, which is outside the workspace (${root})`,
      REMEDY,
    );
  }
}
