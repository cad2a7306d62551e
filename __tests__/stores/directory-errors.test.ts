import { describe, expect, it } from 'vitest';
import { directoryUserError, mkdirUserError } from '../../src/stores/directory-errors.js';
import { UserError } from '../../src/util/errors.js';

/** An error as fs gives it, with its errno code. */
const errno = (code: string): Error => Object.assign(new Error(`${code}: from the filesystem`), { code });

const PATH = '/srv/packages/deb/stable/falco-0.26.0-x86_64.deb';

describe('directoryUserError', () => {
  it.each([
    [
      'EACCES',
      'write',
      'cannot write /srv/packages/deb/stable/falco-0.26.0-x86_64.deb: permission denied (EACCES) — let the user the action runs as read and write the package-host directory, or point package-host at another directory',
    ],
    [
      'EPERM',
      'delete',
      'cannot delete /srv/packages/deb/stable/falco-0.26.0-x86_64.deb: the operation is not permitted (EPERM) — let the user the action runs as read and write the package-host directory, or point package-host at another directory',
    ],
    [
      'EROFS',
      'write',
      'cannot write /srv/packages/deb/stable/falco-0.26.0-x86_64.deb: the filesystem is read-only (EROFS) — mount it writable, or point package-host at a directory on a writable filesystem',
    ],
    [
      'ENOTDIR',
      'read',
      'cannot read /srv/packages/deb/stable/falco-0.26.0-x86_64.deb: a part of the path is a file where a directory is needed (ENOTDIR) — move that file out of the way, or point package-host at another directory',
    ],
    [
      'EISDIR',
      'read',
      'cannot read /srv/packages/deb/stable/falco-0.26.0-x86_64.deb: it is a directory where a file is needed (EISDIR) — move that directory out of the way, or point package-host at another directory',
    ],
    [
      'ENOSPC',
      'write',
      'cannot write /srv/packages/deb/stable/falco-0.26.0-x86_64.deb: no space is left on the device (ENOSPC) — free space on that filesystem, or point package-host at one with room',
    ],
    [
      'EDQUOT',
      'write',
      'cannot write /srv/packages/deb/stable/falco-0.26.0-x86_64.deb: the disk quota is used up (EDQUOT) — free space or raise the quota, or point package-host at a filesystem with room',
    ],
  ] as const)(
    '%s on %s is one line naming package-host, the path and what to do',
    (code, action, problem) => {
      const error = directoryUserError(errno(code), action, PATH);
      expect(error).toBeInstanceOf(UserError);
      expect(error?.subject).toBe('package-host');
      expect(error?.message).toBe(`package-host: ${problem}`);
      expect(error?.message).not.toContain('\n');
    },
  );

  it.each([['EIO'], ['EMFILE'], ['ENOENT']])('leaves %s, which the user cannot fix, as it is', (code) => {
    expect(directoryUserError(errno(code), 'write', PATH)).toBeUndefined();
  });

  it('leaves errors without an errno code as they are', () => {
    expect(directoryUserError(new Error('a defect'), 'write', PATH)).toBeUndefined();
    expect(directoryUserError('not an error', 'write', PATH)).toBeUndefined();
  });

  it("reads mkdir -p's EEXIST (a file has the directory's name) as a file where a directory is needed", () => {
    expect(mkdirUserError(errno('EEXIST'), '/srv/packages/deb')?.message).toContain(
      'cannot write /srv/packages/deb: a part of the path is a file where a directory is needed (ENOTDIR)',
    );
    expect(mkdirUserError(errno('EACCES'), '/srv/packages/deb')?.message).toContain(
      'permission denied (EACCES)',
    );
    expect(mkdirUserError(errno('EIO'), '/srv/packages/deb')).toBeUndefined();
  });
});
