import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipIndex, MAX_INDEX_BYTES } from '../../src/formats/gunzip-index.js';

describe('gunzipIndex', () => {
  it('opens an index', () => {
    expect(gunzipIndex(gzipSync('Package: falco\n'), 'Packages.gz').toString()).toBe('Package: falco\n');
  });

  it('refuses an index that opens up to more than an index may hold, naming it', () => {
    // A few hundred KiB of gzip; opened whole, it would be one byte more than the limit.
    const bomb = gzipSync(Buffer.alloc(MAX_INDEX_BYTES + 1, '\n'), { level: 1 });
    expect(() => gunzipIndex(bomb, 'main/binary-amd64/Packages.gz')).toThrow(
      'main/binary-amd64/Packages.gz opens up to more than 128 MiB, more than an index may hold',
    );
  });

  it('passes on other damage as it is', () => {
    expect(() => gunzipIndex(Buffer.from([0x1f, 0x8b, 8, 0, 1, 2]), 'primary metadata')).toThrow(
      /unexpected end of file/,
    );
  });
});
