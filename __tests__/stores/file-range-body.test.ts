import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRangeBody, PIECE_BYTES, pieceBuffers } from '../../src/stores/file-range-body.js';

const MIB = 1024 * 1024;
let dir: string;
let bytes: Buffer;
let handle: FileHandle;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-range-body-'));
  bytes = randomBytes(5 * MIB + 123);
  await writeFile(join(dir, 'package'), bytes);
  handle = await open(join(dir, 'package'), 'r');
});
afterAll(async () => {
  await handle?.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * A sink that copies what it is given only once its write completes, a tick later, as a socket hands a
 * buffer to the kernel: a piece overwritten before then would arrive wrong.
 */
function slowSink(): { sink: Writable; received: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      setImmediate(() => {
        chunks.push(Buffer.from(chunk));
        done();
      });
    },
  });
  return { sink, received: () => Buffer.concat(chunks) };
}

describe('fileRangeBody', () => {
  it.each([
    ['the whole file', 0, 5 * MIB + 123],
    ['a range starting inside it', 3 * MIB + 7, 2 * MIB + 116],
    ['a range shorter than a piece', 100, 1000],
    ['nothing', 0, 0],
  ])('gives %s, byte for byte, through two reused buffers', async (_, start, length) => {
    const pieces: number[] = [];
    const { sink, received } = slowSink();
    await pipeline(
      fileRangeBody(handle, { start, length }, pieceBuffers(), (n) => pieces.push(n)),
      sink,
    );
    expect(received().equals(bytes.subarray(start, start + length))).toBe(true);
    expect(pieces.reduce((a, b) => a + b, 0)).toBe(length);
    expect(pieces.every((n) => n <= PIECE_BYTES)).toBe(true);
  });

  it('reads pieces into the buffers it was given, and no others', async () => {
    const buffers = pieceBuffers();
    const seen = new Set<ArrayBufferLike>();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        seen.add(chunk.buffer);
        done();
      },
    });
    await pipeline(fileRangeBody(handle, { start: 0, length: bytes.length }, buffers), sink);
    expect(seen.size).toBe(2);
    expect(seen.has(buffers[0].buffer) && seen.has(buffers[1].buffer)).toBe(true);
  });

  it('fails the body when the file ends before the range does', async () => {
    const { sink } = slowSink();
    await expect(
      pipeline(fileRangeBody(handle, { start: bytes.length - 10, length: 20 }, pieceBuffers()), sink),
    ).rejects.toThrow(`the file ended at byte ${bytes.length}, before the bytes planned`);
  });
});
