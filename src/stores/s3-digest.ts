import { createHash } from 'node:crypto';
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
