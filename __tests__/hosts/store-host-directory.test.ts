import { createHash } from 'node:crypto';
import { chmod, mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { openPackageHost } from '../../src/hosts/open-host.js';
import { StoreHost } from '../../src/hosts/store-host.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { UserError } from '../../src/util/errors.js';
import { asyncUserErrorOf, errorOf } from '../fixtures/errors.js';

// The directory host: a StoreHost over a DirectoryStore, laid out like Falco's download server.

const sha256 = (content: string): string => createHash('sha256').update(content).digest('hex');

let dir = '';
let root = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'directory-host-'));
  root = join(dir, 'packages');
});

afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

function directoryHost(path: string = root): StoreHost {
  return new StoreHost(new DirectoryStore(path), false);
}

/** A local package file with this content. */
async function local(name: string, content: string): Promise<string> {
  const file = join(dir, 'build', name);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

/**
 * Runs `fn` as a user that file permissions apply to: as root (CI), with the effective uid and gid of
 * `nobody` for its duration (the real uid stays root, so they can be taken back); otherwise as is.
 */
async function asUnprivilegedUser<T>(fn: () => Promise<T>): Promise<T> {
  if (process.getuid?.() !== 0 || !process.seteuid || !process.setegid) return fn();
  const NOBODY = 65534;
  process.setegid(NOBODY);
  process.seteuid(NOBODY);
  try {
    return await fn();
  } finally {
    process.seteuid(0);
    process.setegid(0);
  }
}

/** Every file under `base`, relative, sorted (temp and lock files included: they start with a dot). */
async function filesUnder(base: string): Promise<string[]> {
  const entries = await readdir(base, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(base.length + 1))
    .sort();
}

describe('the directory host (StoreHost over DirectoryStore)', () => {
  it('is what openPackageHost opens for a directory, described by its root', async () => {
    const host = await openPackageHost(
      { kind: 'directory', path: root },
      { s3Endpoint: undefined, s3Region: undefined, serialized: false },
    );
    expect(host).toBeInstanceOf(StoreHost);
    expect(host.description).toBe(`directory ${root}`);
  });

  it('never probes a directory for conditional writes: check() writes nothing, repositories stay conditional', async () => {
    const host = directoryHost();
    await host.check();
    await expect(readdir(root)).rejects.toThrow('ENOENT');
    expect(host.repositoryStore().conditional).toBe(true);
    expect(host.repositoryStore().store.description).toBe(`directory ${root}`);
  });

  it.each([
    ['deb/stable/falco-0.26.0-x86_64.deb'],
    ['rpm/falco-0.26.0-x86_64.rpm'],
    ['bin/x86_64/falco-0.26.0-static-x86_64.tar.gz'],
    ['deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb'],
  ])('puts %s (creating its directories) and reads it back with existing()', async (path) => {
    const host = directoryHost();
    const content = `package at ${path}`;
    const file = await local(path.split('/').at(-1) ?? 'x', content);
    expect(await host.existing(path)).toBeUndefined();
    await host.put(path, file, { sha256: sha256(content), replace: false });
    expect(await readFile(join(root, path), 'utf8')).toBe(content);
    expect(await host.existing(path)).toBe(sha256(content));
    // Atomic: the temp file it wrote beside the target is gone, and so is the lock.
    expect(await filesUnder(root)).toEqual([path]);
  });

  it('refuses to overwrite a different file without replace, keeping the published one', async () => {
    const host = directoryHost();
    const path = 'rpm/falco-0.26.0-x86_64.rpm';
    await host.put(path, await local('first.rpm', 'first'), { sha256: sha256('first'), replace: false });
    const error = await asyncUserErrorOf(
      host.put(path, await local('second.rpm', 'second'), { sha256: sha256('second'), replace: false }),
    );
    expect(error.subject).toBe(`packages: ${path}`);
    expect(error.message).toBe(
      `packages: ${path}: was published with different content by someone else meanwhile — publish a new version, or set overwrite: true`,
    );
    expect(await readFile(join(root, path), 'utf8')).toBe('first');
    expect(await filesUnder(root)).toEqual([path]);
  });

  it('replaces a different file with replace', async () => {
    const host = directoryHost();
    const path = 'deb/stable/falco-0.26.0-x86_64.deb';
    await host.put(path, await local('first.deb', 'first'), { sha256: sha256('first'), replace: false });
    await host.put(path, await local('second.deb', 'second'), { sha256: sha256('second'), replace: true });
    expect(await readFile(join(root, path), 'utf8')).toBe('second');
    expect(await host.existing(path)).toBe(sha256('second'));
    expect(await filesUnder(root)).toEqual([path]);
  });

  it('accepts a file that appeared meanwhile with the same content (a lost race is fine)', async () => {
    const host = directoryHost();
    const path = 'bin/x86_64/falco-0.26.0-x86_64.tar.gz';
    // Another publisher wrote the same bytes after our existing() said "absent".
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), 'same bytes');
    await host.put(path, await local('mine.tar.gz', 'same bytes'), {
      sha256: sha256('same bytes'),
      replace: false,
    });
    expect(await readFile(join(root, path), 'utf8')).toBe('same bytes');
    expect(await filesUnder(root)).toEqual([path]);
  });

  it('two concurrent puts of the same content both succeed and leave one file', async () => {
    const host = directoryHost();
    const path = 'deb/stable/falco-0.26.0-x86_64.deb';
    const file = await local('falco.deb', 'x'.repeat(100_000));
    const options = { sha256: sha256('x'.repeat(100_000)), replace: false };
    await Promise.all([host.put(path, file, options), host.put(path, file, options)]);
    expect(await filesUnder(root)).toEqual([path]);
  });

  it('two concurrent puts of different content: one lands, the other is told someone else was first', async () => {
    const host = directoryHost();
    const path = 'deb/stable/falco-0.26.0-x86_64.deb';
    const [a, b] = [await local('a.deb', 'a'), await local('b.deb', 'b')];
    const results = await Promise.allSettled([
      host.put(path, a, { sha256: sha256('a'), replace: false }),
      host.put(path, b, { sha256: sha256('b'), replace: false }),
    ]);
    const failed = results.filter((result) => result.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(String(failed[0]?.reason)).toContain(
      'was published with different content by someone else meanwhile',
    );
    expect(['a', 'b']).toContain(await readFile(join(root, path), 'utf8'));
    expect(await filesUnder(root)).toEqual([path]);
  });

  it.each([[false], [true]])(
    'refuses a local file that does not match the planned sha256 (replace: %s) and publishes nothing',
    async (replace) => {
      const host = directoryHost();
      const path = 'rpm/falco-0.26.0-x86_64.rpm';
      const file = await local('falco.rpm', 'changed');
      const error = await asyncUserErrorOf(host.put(path, file, { sha256: sha256('original'), replace }));
      expect(error.message).toBe(
        `${file}: changed while it was being published (its sha256 is no longer the one planned); nothing was written — make sure nothing rewrites the package files while the action runs, then run it again`,
      );
      expect(await host.existing(path)).toBeUndefined();
      expect(await filesUnder(root)).toEqual([]);
    },
  );

  it.each([['../escape.deb'], ['deb/../../escape.deb'], ['deb/stable/../../../../etc/x'], [''], ['.']])(
    'refuses the path %j that leaves the root',
    async (path) => {
      const host = directoryHost();
      const file = await local('falco.deb', 'x');
      const error = await errorOf(host.put(path, file, { sha256: sha256('x'), replace: true }));
      expect(error).not.toBeInstanceOf(UserError);
      expect(error.message).toBe(`${path} is not a key inside ${root}`);
      await expect(host.existing(path)).rejects.toThrow(`${path} is not a key inside ${root}`);
      expect(await filesUnder(dir)).toEqual(['build/falco.deb']);
    },
  );

  it('accepts a root given with a trailing slash', async () => {
    const host = directoryHost(`${root}/`);
    expect(host.description).toBe(`directory ${root}`);
    const path = 'rpm/falco-0.26.0-x86_64.rpm';
    await host.put(path, await local('falco.rpm', 'rpm'), { sha256: sha256('rpm'), replace: false });
    expect(await host.existing(path)).toBe(sha256('rpm'));
  });

  // A root written with `//` or `/./` is normalized once, so the paths under it are accepted.
  it.each([['//'], ['/./']])('accepts a root written with %s inside it', async (separator) => {
    const host = directoryHost(`${dir}${separator}packages`);
    expect(host.description).toBe(`directory ${root}`);
    const path = 'rpm/falco-0.26.0-x86_64.rpm';
    await host.put(path, await local('falco.rpm', 'rpm'), { sha256: sha256('rpm'), replace: false });
    expect(await host.existing(path)).toBe(sha256('rpm'));
  });

  it('takes a relative root from the working directory', () => {
    expect(directoryHost('relative/packages').description).toBe(
      `directory ${join(process.cwd(), 'relative/packages')}`,
    );
  });
});

describe('the directory host: what the user must fix is one line naming package-host', () => {
  it('a file where a directory of the layout is needed', async () => {
    const host = directoryHost();
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'deb'), 'not a directory');
    const path = 'deb/stable/falco-0.26.0-x86_64.deb';
    const error = await asyncUserErrorOf(
      host.put(path, await local('falco.deb', 'x'), { sha256: sha256('x'), replace: false }),
    );
    expect(error.message).toBe(
      `package-host: cannot write ${join(root, 'deb/stable')}: a part of the path is a file where a directory is needed (ENOTDIR) — move that file out of the way, or point package-host at another directory`,
    );
    const asked = await asyncUserErrorOf(host.existing(path));
    expect(asked.message).toBe(
      `package-host: cannot read ${join(root, path)}: a part of the path is a file where a directory is needed (ENOTDIR) — move that file out of the way, or point package-host at another directory`,
    );
  });

  it('a file where the directory of a package itself is needed (mkdir answers EEXIST)', async () => {
    const host = directoryHost();
    await mkdir(join(root, 'deb'), { recursive: true });
    await writeFile(join(root, 'deb/stable'), 'not a directory');
    const error = await asyncUserErrorOf(
      host.put('deb/stable/falco.deb', await local('falco.deb', 'x'), { sha256: sha256('x'), replace: true }),
    );
    expect(error.message).toContain(
      `package-host: cannot write ${join(root, 'deb/stable')}: a part of the path is a file where a directory is needed (ENOTDIR)`,
    );
  });

  it('the host directory itself is a file', async () => {
    await writeFile(root, 'not a directory');
    const error = await asyncUserErrorOf(
      directoryHost().put('rpm/falco.rpm', await local('falco.rpm', 'x'), {
        sha256: sha256('x'),
        replace: false,
      }),
    );
    expect(error.subject).toBe('package-host');
    expect(error.message).toContain('a part of the path is a file where a directory is needed');
  });

  it('a directory where a package goes', async () => {
    const host = directoryHost();
    const path = 'rpm/falco-0.26.0-x86_64.rpm';
    await mkdir(join(root, path), { recursive: true });
    for (const replace of [false, true]) {
      const error = await asyncUserErrorOf(
        host.put(path, await local('falco.rpm', 'x'), { sha256: sha256('x'), replace }),
      );
      expect(error.message).toMatch(
        new RegExp(
          `^package-host: cannot (read|write) ${join(root, path)}: it is a directory where a file is needed \\(EISDIR\\) — `,
        ),
      );
    }
    expect(await filesUnder(root)).toEqual([]);
  });

  it('a host directory the user may not write', async () => {
    await mkdir(root, { recursive: true });
    await chmod(root, 0o555);
    const file = await local('falco.rpm', 'x');
    // The other user must reach the package file and the host directory, just not write into it.
    await chmod(dir, 0o755);
    await chmod(dirname(file), 0o755);
    const error = await asUnprivilegedUser(() =>
      asyncUserErrorOf(directoryHost().put('rpm/falco.rpm', file, { sha256: sha256('x'), replace: false })),
    );
    expect(error.message).toBe(
      `package-host: cannot write ${join(root, 'rpm')}: permission denied (EACCES) — let the user the action runs as read and write the package-host directory, or point package-host at another directory`,
    );
  });
});
