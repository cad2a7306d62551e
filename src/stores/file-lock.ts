import { open, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hasErrnoCode } from '../util/errno.js';
import { UserError } from '../util/errors.js';
import { backoffDelay, realSleep } from '../util/retry.js';

export interface LockTiming {
  /** A lock is held for one compare and one rename (milliseconds): one this old was left by a crashed writer. */
  readonly staleAfterMs: number;
  /** How long a writer waits for a lock before giving up with an error that names the lock file. */
  readonly giveUpAfterMs: number;
  /** The backoff between attempts: the first wait is up to `baseMs`, doubling up to `maxMs`. */
  readonly baseMs: number;
  readonly maxMs: number;
}

const DEFAULT_TIMING: LockTiming = { staleAfterMs: 30_000, giveUpAfterMs: 120_000, baseMs: 10, maxMs: 200 };

/**
 * Runs `work` holding `.<name>.lock` beside `path`. The lock file is created with O_EXCL, which is
 * atomic on a local filesystem: of writers racing for it, exactly one wins; the others wait and retry.
 */
export async function withFileLock<T>(
  path: string,
  work: () => Promise<T>,
  timing: LockTiming = DEFAULT_TIMING,
): Promise<T> {
  const lock = join(dirname(path), `.${basename(path)}.lock`);
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.close();
      break;
    } catch (error) {
      if (!hasErrnoCode(error, 'EEXIST')) throw error;
    }
    const held = await stat(lock).catch(() => undefined);
    if (held && Date.now() - held.mtimeMs > timing.staleAfterMs) {
      // Left by a writer that died holding it; removing it lets the next attempt take it.
      await rm(lock, { force: true });
      continue;
    }
    if (Date.now() - started > timing.giveUpAfterMs) {
      throw new UserError(
        'package-host',
        `the lock ${lock} has been held for over ${timing.giveUpAfterMs / 1000} s`,
        'remove it if no other publisher is running, then run again',
      );
    }
    // Jittered, growing waits: writers that collided do not collide again in step.
    await realSleep(backoffDelay(attempt, timing.baseMs, timing.maxMs));
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}
