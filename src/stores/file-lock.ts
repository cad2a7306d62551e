import { open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { hasErrnoCode, isNotFound } from '../util/errno.js';
import { UserError } from '../util/errors.js';
import { backoffDelay, realSleep } from '../util/retry.js';
import { isDeadHere, newOwner, ownerText, parseOwner, type LockOwner } from './lock-owner.js';

export interface LockTiming {
  /**
   * A lock is held for one compare and one rename (milliseconds): one this old, of a process another
   * host runs (which cannot be asked whether it lives), was left by a crashed writer.
   */
  readonly staleAfterMs: number;
  /** How long a writer waits for a lock before giving up with an error that names the lock file. */
  readonly giveUpAfterMs: number;
  /** The backoff between attempts: the first wait is up to `baseMs`, doubling up to `maxMs`. */
  readonly baseMs: number;
  readonly maxMs: number;
}

const DEFAULT_TIMING: LockTiming = { staleAfterMs: 30_000, giveUpAfterMs: 120_000, baseMs: 10, maxMs: 200 };

/** A lock file as a waiter found it. */
interface HeldLock {
  readonly owner: LockOwner | undefined;
  /** Inode, mtime and content: a lock taken after this one, even in its place, differs. */
  readonly identity: string;
  readonly mtimeMs: number;
}

/**
 * Runs `work` holding `.<name>.lock` beside `path`. The lock file is created with O_EXCL, which is
 * atomic on a local filesystem: of writers racing for it, exactly one wins; the others wait and retry.
 * It names its owner (a token, the pid, the host): only the owner removes it, and a lock whose process
 * is gone from this host is taken over at once, as is one of another host older than the stale limit.
 */
export async function withFileLock<T>(
  path: string,
  work: () => Promise<T>,
  timing: LockTiming = DEFAULT_TIMING,
): Promise<T> {
  const lock = join(dirname(path), `.${basename(path)}.lock`);
  const owner = newOwner();
  const started = Date.now();
  for (let attempt = 0; !(await create(lock, owner)); attempt++) {
    const held = await readLock(lock);
    if (held === undefined) continue; // released since: try again at once
    if (isStale(held, timing)) {
      await breakLock(lock, held, timing);
      continue;
    }
    if (Date.now() - started > timing.giveUpAfterMs) throw heldTooLong(lock, timing);
    // Jittered, growing waits: writers that collided do not collide again in step.
    await realSleep(backoffDelay(attempt, timing.baseMs, timing.maxMs));
  }
  try {
    return await work();
  } finally {
    // A lock broken as stale while we worked is someone else's now: it stays.
    await underGuard(lock, timing, async () => {
      if ((await readLock(lock))?.owner?.token === owner.token) await rm(lock, { force: true });
    });
  }
}

/** Takes over the lock if its owner is a process gone from this host (a writer killed holding it). */
export async function breakIfOwnerDead(lock: string, timing: LockTiming = DEFAULT_TIMING): Promise<void> {
  const held = await readLock(lock);
  if (held?.owner !== undefined && isDeadHere(held.owner)) await breakLock(lock, held, timing);
}

function isStale(held: HeldLock, timing: LockTiming): boolean {
  // A process of this host can be asked: alive, it will release its lock; gone, it never will.
  if (held.owner !== undefined && held.owner.hostname === hostname()) return isDeadHere(held.owner);
  // Of another host, or nameless (its writer died between creating and filling it): by its age.
  return Date.now() - held.mtimeMs > timing.staleAfterMs;
}

/**
 * Removes the lock judged stale, and only it: under `.<lock>.break`, so that of waiters that all judged
 * it stale one removes it and the others find the lock the winner took since, which they leave alone.
 */
async function breakLock(lock: string, judged: HeldLock, timing: LockTiming): Promise<void> {
  await underGuard(lock, timing, async () => {
    if ((await readLock(lock))?.identity === judged.identity) await rm(lock, { force: true });
  });
}

/** Runs `work` holding the lock's guard, which is held for a read and a remove, never longer. */
async function underGuard(lock: string, timing: LockTiming, work: () => Promise<void>): Promise<void> {
  const guard = `${lock}.break`;
  const started = Date.now();
  for (let attempt = 0; !(await create(guard, newOwner())); attempt++) {
    const held = await readLock(guard);
    // A guard this old, or of a process gone from this host, was left by a writer killed holding it.
    if (held !== undefined && (isStale(held, timing) || Date.now() - held.mtimeMs > timing.staleAfterMs)) {
      await rm(guard, { force: true });
    } else if (Date.now() - started > timing.giveUpAfterMs) {
      throw heldTooLong(guard, timing);
    } else await realSleep(backoffDelay(attempt, 1, 20));
  }
  try {
    await work();
  } finally {
    await rm(guard, { force: true });
  }
}

/** Creates the file with its owner in it, or returns false when it exists. */
async function create(path: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (hasErrnoCode(error, 'EEXIST')) return false;
    throw error;
  }
  try {
    await handle.writeFile(ownerText(owner));
  } catch (error) {
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
  return true;
}

async function readLock(path: string): Promise<HeldLock | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return {
      owner: parseOwner(text),
      identity: `${info.ino}:${info.mtimeMs}:${text}`,
      mtimeMs: info.mtimeMs,
    };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function heldTooLong(lock: string, timing: LockTiming): UserError {
  return new UserError(
    'package-host',
    `the lock ${lock} has been held for over ${timing.giveUpAfterMs / 1000} s`,
    'remove it if no other publisher is running, then run again',
  );
}
