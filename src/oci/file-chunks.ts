import type { FileHandle } from 'node:fs/promises';
import type { BlobReader } from './image.js';

/**
 * Bytes per read of a blob file. Every chunk goes into the same buffer, so this is what reading costs
 * in memory per blob on its way, whatever the blob's size; reads this large also keep the per-chunk
 * work (hashing calls, writes, callbacks) small next to moving the bytes.
 */
export const FILE_CHUNK = 1024 * 1024;

/**
 * The first `size` bytes of an open file, read chunk by chunk into one buffer that every next chunk
 * reuses: unlike a read stream, which allocates a buffer per read that lingers until a garbage
 * collection, a blob of any size leaves nothing behind. A reader must be done with a chunk before it
 * asks for the next. Read once; the file is closed at the end, when the reader stops, or on
 * `destroy()` (also when it was never read).
 */
export class FileChunks implements BlobReader {
  private closing: Promise<void> | undefined;

  constructor(
    private readonly handle: FileHandle,
    private readonly size: number,
    private readonly chunkSize: number = FILE_CHUNK,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    try {
      const buffer = Buffer.allocUnsafe(Math.min(this.chunkSize, this.size));
      let position = 0;
      while (position < this.size) {
        const length = Math.min(buffer.length, this.size - position);
        const { bytesRead } = await this.handle.read(buffer, 0, length, position);
        // A file cut short since it was opened: the reader's size check says so.
        if (bytesRead === 0) return;
        position += bytesRead;
        yield buffer.subarray(0, bytesRead);
      }
    } finally {
      await this.close();
    }
  }

  destroy(): void {
    // Nothing to report to: whoever stopped reading has the error that made them stop, if any.
    this.close().catch(() => undefined);
  }

  private close(): Promise<void> {
    this.closing ??= this.handle.close();
    return this.closing;
  }
}
