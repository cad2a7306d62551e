import { TagType } from '../../../src/formats/rpm/rpm-tags.js';

/** Hand-made rpm header structures, for the cases rpmbuild never writes (64-bit sizes, damage). */

export type HeaderValue =
  | { readonly type: 'int8' | 'int16' | 'int32' | 'int64'; readonly values: readonly (number | bigint)[] }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'stringArray' | 'i18nString'; readonly values: readonly string[] };

/** Intro, index and data store, each value aligned as rpm aligns it. */
export function headerBytes(entries: ReadonlyMap<number, HeaderValue>): Buffer {
  const index: Buffer[] = [];
  const data: Buffer[] = [];
  let size = 0;
  for (const [tag, value] of entries) {
    const width = { int8: 1, int16: 2, int32: 4, int64: 8, string: 1, stringArray: 1, i18nString: 1 }[
      value.type
    ];
    const pad = (width - (size % width)) % width;
    if (pad > 0) {
      data.push(Buffer.alloc(pad));
      size += pad;
    }
    let bytes: Buffer;
    let count: number;
    if (value.type === 'string') {
      bytes = Buffer.from(`${value.value}\0`);
      count = 1;
    } else if (value.type === 'stringArray' || value.type === 'i18nString') {
      bytes = Buffer.from(value.values.map((text) => `${text}\0`).join(''));
      count = value.values.length;
    } else {
      bytes = Buffer.alloc(width * value.values.length);
      value.values.forEach((n, i) => {
        if (width === 8) bytes.writeBigUInt64BE(BigInt(n), i * 8);
        else bytes.writeUIntBE(Number(n), i * width, width);
      });
      count = value.values.length;
    }
    const entry = Buffer.alloc(16);
    entry.writeUInt32BE(tag, 0);
    entry.writeUInt32BE(TagType[value.type], 4);
    entry.writeUInt32BE(size, 8);
    entry.writeUInt32BE(count, 12);
    index.push(entry);
    data.push(bytes);
    size += bytes.length;
  }
  const intro = Buffer.from([0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  intro.writeUInt32BE(index.length, 8);
  intro.writeUInt32BE(size, 12);
  return Buffer.concat([intro, ...index, ...data]);
}
