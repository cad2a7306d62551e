import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileChunks } from '../../src/oci/file-chunks.js';

describe('FileChunks', () => {
  let dir: string;
  let file: string;
  const bytes = randomBytes(10_000);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'file-chunks-'));
    file = join(dir, 'blob');
    await writeFile(file, bytes);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the first `size` bytes in chunks that all share one buffer, then closes the file', async () => {
    const handle = await open(file, 'r');
    const copies: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for await (const chunk of new FileChunks(handle, 9_000, 4096)) {
      copies.push(Buffer.from(chunk));
      buffers.add(chunk.buffer);
    }
    expect(copies.map((chunk) => chunk.length)).toEqual([4096, 4096, 808]);
    expect(Buffer.concat(copies).equals(bytes.subarray(0, 9_000))).toBe(true);
    expect(buffers.size).toBe(1);
    await expect(handle.stat()).rejects.toThrow(/closed/i);
  });

  it('ends early when the file got shorter than the size it was opened for', async () => {
    const handle = await open(file, 'r');
    const read: number[] = [];
    for await (const chunk of new FileChunks(handle, 20_000, 8192)) read.push(chunk.length);
    expect(read).toEqual([8192, 10_000 - 8192]);
  });

  it('closes the file when the reader stops early, or never reads', async () => {
    const stopped = await open(file, 'r');
    for await (const chunk of new FileChunks(stopped, bytes.length, 1024)) if (chunk.length > 0) break;
    await expect(stopped.stat()).rejects.toThrow(/closed/i);

    const unread = await open(file, 'r');
    new FileChunks(unread, bytes.length).destroy();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(unread.stat()).rejects.toThrow(/closed/i);
  });

  it('reads an empty blob as no chunks', async () => {
    const handle = await open(file, 'r');
    const read: Buffer[] = [];
    for await (const chunk of new FileChunks(handle, 0)) read.push(chunk);
    expect(read).toEqual([]);
  });
});
