import { open, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** A lock is held for one compare and one rename (milliseconds): one this old was left by a crashed writer. */
const STALE_AFTER_MS = 30_000;
/** How long a writer waits for a lock before giving up with an error that names the lock file. */
const GIVE_UP_AFTER_MS = 120_000;

/**
 * Runs `work` holding `.<name>.lock` beside `path`. The lock file is created with O_EXCL, which is
 * atomic on a local filesystem: of writers racing for it, exactly one wins; the others wait and retry.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lock = join(dirname(path), `.${basename(path)}.lock`);
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = await stat(lock).catch(() => undefined);
    if (held && Date.now() - held.mtimeMs > STALE_AFTER_MS) {
      // Left by a writer that died holding it; removing it lets the next attempt take it.
      await rm(lock, { force: true });
      continue;
    }
    if (Date.now() - started > GIVE_UP_AFTER_MS) {
      throw new Error(
        `${lock} has been held for over ${GIVE_UP_AFTER_MS / 1000} s: remove it if no publisher is running`,
      );
    }
    // A short, growing, jittered wait: writers that collided do not collide again in step.
    await delay(Math.min(5 * 2 ** Math.min(attempt, 6), 200) * (0.5 + Math.random()));
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}
