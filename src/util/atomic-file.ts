import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { constants, createWriteStream } from 'node:fs';
import { copyFile, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

/**
 * What a file is written from: bytes, a local file copied whole, or a function that streams into the
 * file and settles once the file is closed (a pipeline into it).
 */
export type FileContent = Buffer | { readonly file: string } | ((file: Writable) => Promise<void>);

/** New content flushed to disk beside its destination, not yet visible there. */
export interface StagedFile {
  /** The temporary file, to read what was written before it is committed. */
  readonly temp: string;
  /** Renames the temporary file over the destination: readers see the old content or the new, never a part. */
  commit(): Promise<void>;
  /** Removes the temporary file unless it was committed; safe to call whatever happened before. */
  discard(): Promise<void>;
}

/**
 * Writes `content` to a temporary file beside `path` (or in `tempDir`, which must be on the same
 * filesystem, so the rename is atomic) and flushes it to disk; `tag`, when given, goes into its name
 * (`.<name>.<tag>.<uuid>.tmp`) to say whose it is. Nothing is visible at `path` until
 * `commit`; the caller calls `discard` in a `finally`. When writing fails, the temporary file is
 * removed before the error is thrown.
 */
export async function stageFile(
  path: string,
  content: FileContent,
  tempDir: string = dirname(path),
  tag?: string,
): Promise<StagedFile> {
  // A dot name: never taken for an object, a blob or an index by someone listing the directory.
  const temp = join(tempDir, `.${basename(path)}.${tag === undefined ? '' : `${tag}.`}${randomUUID()}.tmp`);
  try {
    if (Buffer.isBuffer(content)) {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } else if (typeof content === 'function') {
      await streamInto(temp, content);
    } else {
      // copyFile may clone or copy in the kernel; the copy is flushed before anything renames it in.
      await copyFile(content.file, temp, constants.COPYFILE_EXCL);
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  let committed = false;
  return {
    temp,
    async commit() {
      await rename(temp, path);
      committed = true;
    },
    async discard() {
      if (!committed) await rm(temp, { force: true });
    },
  };
}

/**
 * Writes a file so that readers see the old content or the new, never a part: the content is staged
 * (see `stageFile`), then renamed over `path`. `check` runs after the bytes are on disk and before
 * the rename: throwing there leaves the destination untouched. The temporary file is removed whatever
 * happens.
 */
export async function writeFileAtomic(
  path: string,
  content: FileContent,
  check?: () => void,
  tempDir: string = dirname(path),
): Promise<void> {
  const staged = await stageFile(path, content, tempDir);
  try {
    check?.();
    await staged.commit();
  } finally {
    await staged.discard();
  }
}

async function streamInto(temp: string, content: (file: Writable) => Promise<void>): Promise<void> {
  // flush: fsync before the stream closes its file, so the rename never publishes unwritten data.
  const file = createWriteStream(temp, { flags: 'wx', flush: true });
  try {
    await content(file);
  } finally {
    // When `content` failed (before using the file, or midway), close it before the temp file is
    // removed: an open still in flight would otherwise create it again after the rm.
    if (!file.closed) {
      const closed = once(file, 'close');
      file.destroy();
      await closed;
    }
  }
}
