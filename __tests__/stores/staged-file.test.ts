import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Writable } from 'node:stream';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stageFile, writeFileAtomic } from '../../src/util/atomic-file.js';

// The one atomic writer: the directory store stages, locks, compares and commits; the OCI layout writes.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'staged-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}-source`, { force: true });
});

describe('stageFile', () => {
  it.each([
    ['bytes', async (): Promise<Buffer> => Buffer.from('new')],
    [
      'a local file',
      async (): Promise<{ file: string }> => {
        const file = `${dir}-source`;
        await writeFile(file, 'new');
        return { file };
      },
    ],
    [
      'a stream',
      async () => async (file: Writable) => {
        file.end('new');
        await once(file, 'close');
      },
    ],
  ])('stages %s beside the destination, invisible until commit', async (_, content) => {
    const path = join(dir, 'Release');
    await writeFile(path, 'old');
    const staged = await stageFile(path, await content());
    try {
      expect(await readFile(path, 'utf8')).toBe('old');
      expect(await readFile(staged.temp, 'utf8')).toBe('new');
      expect(staged.temp.startsWith(join(dir, '.Release.'))).toBe(true);
      await staged.commit();
    } finally {
      await staged.discard();
    }
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['Release']);
  });

  it('discard leaves the destination as it was and removes the staged file', async () => {
    const path = join(dir, 'Release');
    await writeFile(path, 'old');
    const staged = await stageFile(path, Buffer.from('new'));
    await staged.discard();
    expect(await readdir(dir)).toEqual(['Release']);
    expect(await readFile(path, 'utf8')).toBe('old');
  });

  it('a stream that fails leaves nothing behind', async () => {
    const path = join(dir, 'blob');
    await expect(
      stageFile(path, async (file) => {
        file.write('part');
        throw new Error('the source broke off');
      }),
    ).rejects.toThrow('the source broke off');
    expect(await readdir(dir)).toEqual([]);
  });

  it('a local file that cannot be read leaves nothing behind', async () => {
    await expect(stageFile(join(dir, 'x.deb'), { file: join(dir, 'missing') })).rejects.toThrow('ENOENT');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('a check that throws leaves the destination untouched and no temporary file', async () => {
    const path = join(dir, 'index.json');
    await writeFile(path, 'old');
    await expect(
      writeFileAtomic(path, Buffer.from('new'), () => {
        throw new Error('not what was announced');
      }),
    ).rejects.toThrow('not what was announced');
    expect(await readdir(dir)).toEqual(['index.json']);
    expect(await readFile(path, 'utf8')).toBe('old');
  });

  it('stages in another directory of the same filesystem when asked', async () => {
    const path = join(dir, 'blob');
    await writeFileAtomic(path, Buffer.from('x'), undefined, join(dir));
    expect(await readFile(path, 'utf8')).toBe('x');
  });
});
