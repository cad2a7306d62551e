import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { hasErrnoCode } from '../util/errno.js';

/** Who holds a lock or staged a file: a token of its own, and the process that can vouch for it. */
export interface LockOwner {
  readonly token: string;
  readonly pid: number;
  readonly hostname: string;
}

/** A new owner: this process, with a token no other lock has. */
export function newOwner(): LockOwner {
  return { token: randomUUID(), pid: process.pid, hostname: hostname() };
}

export function ownerText(owner: LockOwner): string {
  return `${JSON.stringify(owner)}\n`;
}

/** The owner a lock file names; undefined when it names none (empty: its writer died creating it). */
export function parseOwner(text: string): LockOwner | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { token, pid, hostname: host } = value as Record<string, unknown>;
    if (typeof token !== 'string' || typeof pid !== 'number' || typeof host !== 'string') return undefined;
    return { token, pid, hostname: host };
  } catch {
    return undefined;
  }
}

/**
 * The mark a process puts in the names of its temporary files, `<pid>@<hostname>`, so that a later run
 * can tell the files of a writer that was killed from those of one still writing.
 */
export function processTag(): string {
  return `${process.pid}@${hostname()}`;
}

/** The process a tag names. */
export function parseTag(tag: string): { readonly pid: number; readonly hostname: string } | undefined {
  const match = /^(\d+)@(.+)$/.exec(tag);
  return match ? { pid: Number(match[1]), hostname: match[2] ?? '' } : undefined;
}

/**
 * True when the process is known to be gone: it ran on this host, and no process has its pid. A
 * process of another host cannot be asked, so it is never known dead.
 */
export function isDeadHere(writer: { readonly pid: number; readonly hostname: string }): boolean {
  if (writer.hostname !== hostname()) return false;
  try {
    process.kill(writer.pid, 0);
    return false;
  } catch (error) {
    // EPERM: a process has that pid, it is only not ours to signal.
    return hasErrnoCode(error, 'ESRCH');
  }
}
