import { hasErrnoCode } from '../util/errno.js';
import { UserError } from '../util/errors.js';

/**
 * The error for a layout path that runs through a file (the target names a file, or blobs/ is one):
 * the user names another directory or moves the file. Any other error is returned as it is.
 */
export function layoutPathError(error: unknown, dir: string, subject: string): unknown {
  if (!hasErrnoCode(error, 'ENOTDIR') && !hasErrnoCode(error, 'EEXIST')) return error;
  return new UserError(
    subject,
    `${dir} is not a directory, or holds a file where the layout needs one (blobs/)`,
    'name a directory for the layout (it is created if it does not exist)',
  );
}
