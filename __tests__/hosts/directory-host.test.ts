import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { DirectoryHost } from '../../src/hosts/directory-host.js';
import { UserError } from '../../src/util/errors.js';
import { asyncUserErrorOf, errorOf } from '../fixtures/errors.js';

const sha256 = (content: string): string => createHash('sha256').update(content).digest('hex');

let dir = '';
let root = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'directory-host-'));
  root = join(dir, 'packages');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A local package file with this content. */
async function local(name: string, content: string): Promise<string> {
  const file = join(dir, 'build', name);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

/** Every file under `base`, relative, sorted (temp files included: they start with a dot). */
async function filesUnder(base: string): Promise<string[]> {
  const entries = await readdir(base, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(base.length + 1))
    .sort();
}

describe('DirectoryHost', () => {
  it('describes itself by its root', () => {
    expect(new DirectoryHost(root).description).toBe(`directory ${root}`);
  });

  it.each([
    ['deb/stable/falco-0.26.0-x86_64.deb'],
    ['rpm/falco-0.26.0-x86_64.rpm'],
    ['bin/x86_64/falco-0.26.0-static-x86_64.tar.gz'],
    ['deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb'],
  ])('puts %s (creating its directories) and reads it back with existing()', async (path) => {
    const host = new DirectoryHost(root);
    const content = `package at ${path}`;
    const file = await local(path.split('/').at(-1) ?? 'x', content);
    expect(await host.existing(path)).toBeUndefined();
    await host.put(path, file, { sha256: sha256(content), replace: false });
    expect(await readFile(join(root, path), 'utf8')).toBe(content);
    expect(await host.existing(path)).toBe(sha256(content));
    // Atomic: the temp file it wrote beside the target is gone.
    expect(await filesUnder(root)).toEqual([path]);
  });

  it('refuses to overwrite a different file without replace, keeping the published one', async () => {
    const host = new DirectoryHost(root);
    const path = 'rpm/falco-0.26.0-x86_64.rpm';
    await host.put(path, await local('first.rpm', 'first'), { sha256: sha256('first'), replace: false });
    const error = await asyncUserErrorOf(
      host.put(path, await local('second.rpm', 'second'), { sha256: sha256('second'), replace: false }),
    );
    expect(error.subject).toBe(`packages: ${path}`);
    expect(error.message).toContain('was published with different content by someone else meanwhile');
    expect(await readFile(join(root, path), 'utf8')).toBe('first');
    expect(await filesUnder(root)).toEqual([path]);
  });

  it('replaces a different file with replace', async () => {
    const host = new DirectoryHost(root);
    const path = 'deb/stable/falco-0.26.0-x86_64.deb';
    await host.put(path, await local('first.deb', 'first'), { sha256: sha256('first'), replace: false });
    await host.put(path, await local('second.deb', 'second'), { sha256: sha256('second'), replace: true });
    expect(await readFile(join(root, path), 'utf8')).toBe('second');
    expect(await host.existing(path)).toBe(sha256('second'));
    expect(await filesUnder(root)).toEqual([path]);
  });

  it('accepts a file that appeared meanwhile with the same content (a lost race is fine)', async () => {
    const host = new DirectoryHost(root);
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
    const host = new DirectoryHost(root);
    const path = 'deb/stable/falco-0.26.0-x86_64.deb';
    const file = await local('falco.deb', 'x'.repeat(100_000));
    const options = { sha256: sha256('x'.repeat(100_000)), replace: false };
    await Promise.all([host.put(path, file, options), host.put(path, file, options)]);
    expect(await filesUnder(root)).toEqual([path]);
  });

  it('refuses a local file that does not match the announced sha256 and publishes nothing', async () => {
    const host = new DirectoryHost(root);
    const path = 'rpm/falco-0.26.0-x86_64.rpm';
    const error = await errorOf(
      host.put(path, await local('falco.rpm', 'changed'), { sha256: sha256('original'), replace: false }),
    );
    expect(error.message).toContain('changed while it was being published');
    expect(await host.existing(path)).toBeUndefined();
    expect(await filesUnder(root)).toEqual([]);
  });

  it.each([['../escape.deb'], ['deb/../../escape.deb'], ['deb/stable/../../../../etc/x'], [''], ['.']])(
    'refuses the path %j that leaves the root',
    async (path) => {
      const host = new DirectoryHost(root);
      const file = await local('falco.deb', 'x');
      const error = await errorOf(host.put(path, file, { sha256: sha256('x'), replace: true }));
      expect(error).not.toBeInstanceOf(UserError);
      expect(error.message).toContain('leaves the host directory');
      await expect(host.existing(path)).rejects.toThrow('leaves the host directory');
      expect(await filesUnder(dir)).toEqual(['build/falco.deb']);
    },
  );

  it('accepts a root given with a trailing slash', async () => {
    const host = new DirectoryHost(`${root}/`);
    const path = 'rpm/falco-0.26.0-x86_64.rpm';
    await host.put(path, await local('falco.rpm', 'rpm'), { sha256: sha256('rpm'), replace: false });
    expect(await host.existing(path)).toBe(sha256('rpm'));
  });

  // A root written with `//` or `/./` is normalized once, so the paths under it are accepted.
  it.each([['//'], ['/./']])('accepts a root written with %s inside it', async (separator) => {
    const host = new DirectoryHost(`${dir}${separator}packages`);
    const path = 'rpm/falco-0.26.0-x86_64.rpm';
    await host.put(path, await local('falco.rpm', 'rpm'), { sha256: sha256('rpm'), replace: false });
    expect(await host.existing(path)).toBe(sha256('rpm'));
  });
});
