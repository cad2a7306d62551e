import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { UserError } from '../util/errors.js';

/**
 * The `sha256` metadata of an object is what publishers and `existing` trust without reading it, so
 * it must be the digest of the bytes sent: a file rewritten since the plan hashed it (a build still
 * writing, another step) must not go up under the planned digest.
 */
export function changedSincePlanned(file: string): UserError {
  return new UserError(
    file,
    'changed while it was being published (its sha256 is no longer the one planned); nothing was written',
    'make sure nothing rewrites the package files while the action runs, then run it again',
  );
}

/** Bytes whose `sha256` metadata is not their digest: a defect of the caller, never the user's. */
export function checkBytes(key: string, bytes: Buffer, announced: string | undefined): void {
  if (announced !== undefined && createHash('sha256').update(bytes).digest('hex') !== announced) {
    throw new Error(`${key}: the sha256 metadata is not the sha256 of the content`);
  }
}

/** The file's sha256 (hex) and MD5 (base64, as Content-MD5 wants it), in one read. */
export async function fileDigests(file: string): Promise<{ sha256: string; md5: string }> {
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  for await (const chunk of createReadStream(file)) {
    sha256.update(chunk as Buffer);
    md5.update(chunk as Buffer);
  }
  return { sha256: sha256.digest('hex'), md5: md5.digest('base64') };
}

/**
 * The sha256 of parts read out of order (parallel senders), taken in order: a part waits for the one
 * before it to be hashed, then is hashed at once, before its buffer is reused.
 */
export class PartsDigest {
  private readonly hash: Hash = createHash('sha256');
  private hashed = 0;
  private readonly waiting = new Map<number, () => void>();
  private stopped = false;

  async add(index: number, bytes: Buffer): Promise<void> {
    if (index !== this.hashed) await new Promise<void>((resolve) => this.waiting.set(index, resolve));
    if (this.stopped) return;
    this.hash.update(bytes);
    this.hashed++;
    const next = this.waiting.get(this.hashed);
    this.waiting.delete(this.hashed);
    next?.();
  }

  /** The upload failed: parts waiting for one that will never come go on (and hash nothing). */
  stop(): void {
    this.stopped = true;
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}
