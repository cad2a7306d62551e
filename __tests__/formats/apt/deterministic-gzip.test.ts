import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { deterministicGzip } from '../../../src/formats/deterministic-gzip.js';

describe('deterministicGzip', () => {
  it('writes no name and mtime 0, and pins the OS byte to Unix', () => {
    const gz = deterministicGzip('Package: falco\n');
    expect([...gz.subarray(0, 4)]).toEqual([0x1f, 0x8b, 8, 0]); // deflate, no FNAME/FEXTRA/FCOMMENT flag
    expect(gz.readUInt32LE(4)).toBe(0);
    expect(gz[9]).toBe(3);
  });

  it('gives the same bytes for the same input, and decompresses to it', () => {
    const input = Buffer.from('x'.repeat(10_000));
    expect(deterministicGzip(input).equals(deterministicGzip(input))).toBe(true);
    expect(gunzipSync(deterministicGzip(input)).equals(input)).toBe(true);
  });
});
