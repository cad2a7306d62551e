import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

/**
 * Writes a file so that readers see the old content or the new, never a part: the bytes go to a
 * temporary file beside it (same filesystem, so the rename is atomic), are flushed to disk, then
 * renamed over it. `content` is the bytes, or a function that streams into the file and settles once
 * the file is closed (a pipeline into it). `check` runs after the bytes are on disk and before the
 * rename: throwing there leaves the destination untouched. The temporary file is removed whatever happens.
 */
export async function writeFileAtomic(
  path: string,
  content: Buffer | ((file: Writable) => Promise<void>),
  check?: () => void,
  tempDir: string = dirname(path),
): Promise<void> {
  // A dot name: never taken for a blob or an index by someone listing the directory.
  const temp = join(tempDir, `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    if (Buffer.isBuffer(content)) {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } else {
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
    check?.();
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
