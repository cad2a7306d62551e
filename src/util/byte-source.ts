import type { FileHandle } from 'node:fs/promises';

/** Bytes of a file by position: read from the file itself, or from the part of it already in memory. */
export interface ByteSource {
  /** Exactly `length` bytes at `position`: callers have checked the file holds them. */
  bytesAt(position: number, length: number): Promise<Buffer>;
}

/** Positional reads of an open file. */
export function fileBytes(handle: FileHandle): ByteSource {
  return {
    async bytesAt(position, length) {
      const buffer = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
        if (bytesRead === 0) throw new Error(`unexpected end of file at byte ${position + done}`);
        done += bytesRead;
      }
      return buffer;
    },
  };
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
