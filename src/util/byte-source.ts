import type { FileHandle } from 'node:fs/promises';

/** Bytes of a file by position: read from the file itself, or from the part of it already in memory. */
export interface ByteSource {
  /** Exactly `length` bytes at `position`: callers have checked the file holds them. */
  bytesAt(position: number, length: number): Promise<Buffer>;
}

/** Positional reads of an open file. */
export function fileBytes(handle: FileHandle): ByteSource {
  return {
    bytesAt: (position, length) =>
      readFully(handle, Buffer.alloc(length), position, length, (at) => {
        return new Error(`unexpected end of file at byte ${at}`);
      }),
  };
}

/**
 * `length` bytes of an open file from `position` into the start of `buffer` (a read may return fewer
 * than asked); a file that ends first gets the error `ended(at)` makes of where it ended.
 */
export async function readFully(
  handle: FileHandle,
  buffer: Buffer,
  position: number,
  length: number,
  ended: (at: number) => Error,
): Promise<Buffer> {
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) throw ended(position + filled);
    filled += bytesRead;
  }
  return buffer.subarray(0, length);
}

/**
 * The file's first bytes, already read, served from memory; only what lies beyond them is read from
 * `rest`. Copies, so a caller may keep what it gets however long it likes.
 */
export function headFirst(head: Buffer, rest: ByteSource): ByteSource {
  return {
    bytesAt(position, length) {
      if (position + length <= head.length) {
        return Promise.resolve(Buffer.from(head.subarray(position, position + length)));
      }
      return rest.bytesAt(position, length);
    },
  };
}
