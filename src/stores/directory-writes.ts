import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stageFile } from '../util/atomic-file.js';
import { UserError } from '../util/errors.js';
import { sha256File } from '../util/sha256-file.js';
import { sha256Hex } from '../util/sha256-hex.js';
import { reportsProgress, startProgress, type ProgressReporting } from '../util/progress.js';
import { countedCopy } from './counted-copy.js';
import { directoryUserError, mkdirUserError } from './directory-errors.js';
import { headFile } from './directory-reads.js';
import { sweepDeadWriters } from './dead-writers.js';
import { withFileLock } from './file-lock.js';
import { processTag } from './lock-owner.js';
import { PreconditionFailed, type PutBody, type PutOptions } from './object-store.js';

/**
 * Writes the object `key` to the file at `path`, creating its directory; returns the new ETag. A file
 * over 64 MiB is copied in counted steps, its progress told through `progress`.
 */
export async function putFile(
  key: string,
  path: string,
  body: PutBody,
  options: PutOptions,
  progress?: ProgressReporting,
): Promise<string> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw mkdirUserError(error, dirname(path)) ?? error;
  }
  try {
    return await write(key, path, body, options, progress);
  } catch (error) {
    throw directoryUserError(error, 'write', path) ?? error;
  }
}

/** Removes the file, under its lock so that no conditional writer has it replaced mid-compare. */
export async function deleteFile(path: string): Promise<void> {
  try {
    await withFileLock(path, async () => {
      await sweepDeadWriters(dirname(path));
      await rm(path, { force: true });
    });
  } catch (error) {
    throw directoryUserError(error, 'delete', path) ?? error;
  }
}

/**
 * The new content is staged beside the key first, outside the lock, so the lock is held only for
 * the compare and the rename, whatever the object's size. The staged file's name says which process
 * wrote it: under the lock, what killed writers left in the directory is removed.
 */
async function write(
  key: string,
  path: string,
  body: PutBody,
  options: PutOptions,
  reporting: ProgressReporting | undefined,
): Promise<string> {
  const counted = !Buffer.isBuffer(body) && reportsProgress(reporting, body.size);
  const progress = counted ? startProgress(reporting, key, body.size) : undefined;
  // Counted only when there is progress to tell: otherwise copyFile, which may copy in the kernel.
  const content = Buffer.isBuffer(body) || progress === undefined ? body : countedCopy(body.file, progress);
  const staged = await stageFile(path, content, dirname(path), processTag());
  try {
    const etag = Buffer.isBuffer(body) ? sha256Hex(body) : await sha256File(staged.temp);
    const announced = options.metadata?.['sha256'];
    if (announced !== undefined && announced !== etag) throw notWhatWasAnnounced(key, body);
    // Unconditional writes take the lock too: a conditional writer between its check and its rename
    // must not have the file replaced under it.
    await withFileLock(path, async () => {
      await sweepDeadWriters(dirname(path));
      if (options.ifMatch !== undefined || options.ifNoneMatch) {
        const current = await headFile(path);
        if (options.ifNoneMatch && current !== undefined) {
          throw new PreconditionFailed(`${key} exists already`);
        }
        if (options.ifMatch !== undefined && current?.etag !== options.ifMatch) {
          throw new PreconditionFailed(`${key} changed since it was read`);
        }
      }
      await staged.commit();
    });
    progress?.finish();
    return etag;
  } finally {
    await staged.discard();
  }
}

/**
 * The copy's sha256 is not the one the caller announced: a local file (a package) that changed since
 * it was hashed for the plan, which would publish other bytes than the ones planned and signed.
 */
function notWhatWasAnnounced(key: string, body: PutBody): Error {
  if (Buffer.isBuffer(body)) return new Error(`${key}: the sha256 metadata is not the sha256 of the content`);
  return new UserError(
    body.file,
    'changed while it was being published (its sha256 is no longer the one planned); nothing was written',
    'make sure nothing rewrites the package files while the action runs, then run it again',
  );
}
