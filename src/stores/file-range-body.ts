import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { readFully } from '../util/byte-source.js';

/** Bytes per read of a request body: few reads per part, and little memory per request in flight. */
export const PIECE_BYTES = 1024 * 1024;

/** Two buffers a body's pieces take turns in; one pair per request at a time, reused request after request. */
export type PieceBuffers = readonly [Buffer, Buffer];

export function pieceBuffers(): PieceBuffers {
  return [Buffer.allocUnsafe(PIECE_BYTES), Buffer.allocUnsafe(PIECE_BYTES)];
}

/**
 * `length` bytes of an open file from `start`, as a request body read piece by piece into `buffers`,
 * so a request in flight holds 2 MiB whatever its size, and the whole upload leaves no garbage: a
 * stream of fresh chunks (fs.createReadStream) had ~70 MiB of dead buffers waiting for the collector
 * by the end of a 1 GiB file, and spent twice the CPU. A piece is read only when the request asks for
 * more, which it does once everything before has gone to the socket (a 1 MiB write is always above
 * the socket's high-water mark, so the pipe waits for 'drain'): the buffer a piece is read into last
 * held the piece before the one just sent. Should that ever not hold, the store would refuse the body
 * for its sha256, never keep wrong bytes. `onPiece` is told each piece's size as it goes.
 */
export function fileRangeBody(
  handle: FileHandle,
  range: { readonly start: number; readonly length: number },
  buffers: PieceBuffers,
  onPiece?: (bytes: number) => void,
): Readable {
  let offset = 0;
  let turn: 0 | 1 = 0;
  return new Readable({
    // Nothing read ahead: a piece is read when the request takes one.
    highWaterMark: 0,
    read() {
      if (offset >= range.length) {
        this.push(null);
        return;
      }
      // The buffers take turns: this piece goes where the piece before last was.
      const buffer = buffers[turn];
      turn = turn === 0 ? 1 : 0;
      const size = Math.min(buffer.length, range.length - offset);
      readFully(handle, buffer, range.start + offset, size, (at) => {
        return new Error(`the file ended at byte ${at}, before the bytes planned`);
      }).then(
        (piece) => {
          offset += size;
          onPiece?.(size);
          this.push(piece);
        },
        (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
}
