import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../src/stores/file-lock.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-lock-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const FAST = { staleAfterMs: 30_000, giveUpAfterMs: 100, baseMs: 5, maxMs: 20 };

describe('withFileLock', () => {
  it('holds .<name>.lock beside the path while the work runs, and removes it after', async () => {
    const seen = await withFileLock(join(dir, 'Release'), async () => readdir(dir));
    expect(seen).toEqual(['.Release.lock']);
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes the lock when the work fails, and throws what it threw', async () => {
    await expect(
      withFileLock(join(dir, 'Release'), async () => {
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await readdir(dir)).toEqual([]);
  });

  it('lets one holder at a time run', async () => {
    let running = 0;
    let most = 0;
    const work = async (): Promise<void> => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
    };
    await Promise.all(Array.from({ length: 6 }, () => withFileLock(join(dir, 'key'), work)));
    expect(most).toBe(1);
  });

  it('takes over a lock left by a crashed writer', async () => {
    const lock = join(dir, '.key.lock');
    await writeFile(lock, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    expect(await withFileLock(join(dir, 'key'), async () => 'ran')).toBe('ran');
  });

  it('a lock held too long is a UserError naming package-host and the lock file', async () => {
    const lock = join(dir, '.key.lock');
    await writeFile(lock, '');
    let ran = false;
    const error = await asyncUserErrorOf(
      withFileLock(
        join(dir, 'key'),
        async () => {
          ran = true;
        },
        FAST,
      ),
    );
    expect(error.subject).toBe('package-host');
    expect(error.message).toBe(
      `package-host: the lock ${lock} has been held for over 0.1 s — remove it if no other publisher is running, then run again`,
    );
    expect(ran).toBe(false);
    expect(await readdir(dir)).toEqual(['.key.lock']);
  });
});
