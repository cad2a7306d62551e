import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../src/stores/file-lock.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-lock-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** The pid of a process that has exited (and been reaped): no process has it now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  if (child.pid === undefined) throw new Error('no child');
  return child.pid;
}

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

  it('takes over at once a lock whose process is gone from this host (a writer killed holding it)', async () => {
    const lock = join(dir, '.key.lock');
    await writeFile(lock, JSON.stringify({ token: 'killed', pid: await deadPid(), hostname: hostname() }));
    // Fresh, and the stale limit far away: only the dead owner lets the writer in before it gives up.
    const timing = { ...FAST, staleAfterMs: 60_000, giveUpAfterMs: 2_000 };
    expect(await withFileLock(join(dir, 'key'), async () => 'ran', timing)).toBe('ran');
    expect(await readdir(dir)).toEqual([]);
  });

  it('waits for a lock whose process lives, however old the lock', async () => {
    const lock = join(dir, '.key.lock');
    await writeFile(lock, JSON.stringify({ token: 'alive', pid: process.pid, hostname: hostname() }));
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    await expect(withFileLock(join(dir, 'key'), async () => 'ran', FAST)).rejects.toThrow('has been held');
    expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ token: 'alive' });
  });

  it("leaves alone, when done, a successor's lock that replaced its own", async () => {
    const lock = join(dir, '.key.lock');
    const successor = JSON.stringify({ token: 'successor', pid: process.pid, hostname: hostname() });
    await withFileLock(join(dir, 'key'), async () => {
      // As if the lock had been taken over as stale while this holder worked, and taken again.
      await writeFile(lock, successor);
    });
    expect(await readFile(lock, 'utf8')).toBe(successor);
  });

  it('of waiters that all find one stale lock, one at a time holds the lock', async () => {
    for (let round = 0; round < 20; round++) {
      const lock = join(dir, '.key.lock');
      // Of another host, so judged by its age.
      await writeFile(lock, JSON.stringify({ token: 'old', pid: 1, hostname: 'another-host' }));
      const old = new Date(Date.now() - 60_000);
      await utimes(lock, old, old);
      let running = 0;
      let most = 0;
      const work = async (): Promise<void> => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
      };
      const timing = { ...FAST, giveUpAfterMs: 10_000 };
      await Promise.all(Array.from({ length: 24 }, () => withFileLock(join(dir, 'key'), work, timing)));
      expect(most).toBe(1);
      expect(await readdir(dir)).toEqual([]);
    }
  });
});
