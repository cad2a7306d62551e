import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { chunksOf } from '../../src/registry/chunks.js';

async function sizes(pieces: number[], size: number): Promise<number[]> {
  const stream = Readable.from(pieces.map((n, i) => Buffer.alloc(n, i)));
  const out: number[] = [];
  for await (const chunk of chunksOf(stream, size)) out.push(chunk.length);
  return out;
}

describe('chunksOf', () => {
  it.each<[pieces: number[], size: number, chunks: number[]]>([
    [[3, 3, 3], 4, [4, 4, 1]],
    [[10], 4, [4, 4, 2]],
    [[4, 4], 4, [4, 4]],
    [[1, 1, 1], 8, [3]],
    [[], 4, []],
  ])('pieces %j in chunks of %i → %j', async (pieces, size, chunks) => {
    expect(await sizes(pieces, size)).toEqual(chunks);
  });

  it('keeps the bytes in order across chunk boundaries', async () => {
    const text = 'abcdefghijklmnopqrstuvwxyz';
    const stream = Readable.from(
      [text.slice(0, 5), text.slice(5, 6), text.slice(6)].map((s) => Buffer.from(s)),
    );
    const out: string[] = [];
    for await (const chunk of chunksOf(stream, 7)) out.push(chunk.toString());
    expect(out).toEqual(['abcdefg', 'hijklmn', 'opqrstu', 'vwxyz']);
  });
});

describe('chunksOf, from a source that reuses its buffer', () => {
  it('copies each piece in before asking for the next, so the chunks hold what was read', async () => {
    const text = 'abcdefghijklmnopqrstuvwxyz';
    // Every piece lands in the same buffer, as FileChunks reads them.
    async function* reused(): AsyncGenerator<Buffer> {
      const buffer = Buffer.alloc(3);
      for (let at = 0; at < text.length; at += 3) {
        const n = buffer.write(text.slice(at, at + 3));
        yield buffer.subarray(0, n);
      }
    }
    const out: string[] = [];
    for await (const chunk of chunksOf(reused(), 10)) out.push(chunk.toString());
    expect(out).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxyz']);
  });
});
