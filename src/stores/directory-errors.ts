import { errnoCode, hasErrnoCode } from '../util/errno.js';
import { UserError } from '../util/errors.js';

/** What the store was doing when the filesystem refused, for the message. */
export type DirectoryAction = 'read' | 'write' | 'list' | 'delete';

const ELSEWHERE = 'or point package-host at another directory';

/** Filesystem refusals the user can fix, by errno code: what went wrong, and what to do. */
const USER_FIXABLE: Readonly<Record<string, { readonly problem: string; readonly remedy: string }>> = {
  EACCES: {
    problem: 'permission denied',
    remedy: `let the user the action runs as read and write the package-host directory, ${ELSEWHERE}`,
  },
  EPERM: {
    problem: 'the operation is not permitted',
    remedy: `let the user the action runs as read and write the package-host directory, ${ELSEWHERE}`,
  },
  EROFS: {
    problem: 'the filesystem is read-only',
    remedy: 'mount it writable, or point package-host at a directory on a writable filesystem',
  },
  ENOTDIR: {
    problem: 'a part of the path is a file where a directory is needed',
    remedy: `move that file out of the way, ${ELSEWHERE}`,
  },
  EISDIR: {
    problem: 'it is a directory where a file is needed',
    remedy: `move that directory out of the way, ${ELSEWHERE}`,
  },
  ENOSPC: {
    problem: 'no space is left on the device',
    remedy: 'free space on that filesystem, or point package-host at one with room',
  },
  EDQUOT: {
    problem: 'the disk quota is used up',
    remedy: 'free space or raise the quota, or point package-host at a filesystem with room',
  },
};

/**
 * Turns a filesystem refusal the user can fix (permissions, a read-only mount, a file where a
 * directory belongs, a full disk) into one line naming package-host and the path; undefined for
 * anything else, which stays the error it is.
 */
export function directoryUserError(
  error: unknown,
  action: DirectoryAction,
  path: string,
): UserError | undefined {
  const code = errnoCode(error);
  return code === undefined ? undefined : refusal(code, action, path);
}

/**
 * The error of `mkdir -p`: it answers EEXIST when the directory's own name is taken by a file, which
 * is the ENOTDIR case, and ENOTDIR when an ancestor is a file.
 */
export function mkdirUserError(error: unknown, path: string): UserError | undefined {
  return hasErrnoCode(error, 'EEXIST')
    ? refusal('ENOTDIR', 'write', path)
    : directoryUserError(error, 'write', path);
}

function refusal(code: string, action: DirectoryAction, path: string): UserError | undefined {
  const fixable = Object.hasOwn(USER_FIXABLE, code) ? USER_FIXABLE[code] : undefined;
  if (fixable === undefined) return undefined;
  return new UserError(
    'package-host',
    `cannot ${action} ${path}: ${fixable.problem} (${code})`,
    fixable.remedy,
  );
}
