import { TagType } from './rpm-tags.js';

/** One index entry of a header: where a tag's value lies in the data store, and its type. */
export interface HeaderEntry {
  readonly type: number;
  readonly offset: number;
  readonly count: number;
}

/** What to throw when a tag's value does not fit its header: names the tag and the problem. */
export type Damaged = (tag: number, problem: string) => Error;

/** Bytes per value of rpm's integer types. */
const WIDTHS: Readonly<Record<number, number>> = {
  [TagType.char]: 1,
  [TagType.int8]: 1,
  [TagType.int16]: 2,
  [TagType.int32]: 4,
  [TagType.int64]: 8,
};

/** The entry's `count` NUL-terminated strings, each checked to end inside the data store. */
export function stringsAt(data: Buffer, tag: number, entry: HeaderEntry, damaged: Damaged): string[] {
  const strings: string[] = [];
  let at = entry.offset;
  for (let i = 0; i < entry.count; i++) {
    const end = at >= 0 ? data.indexOf(0, at) : -1;
    if (end < 0) throw damaged(tag, 'has a string that runs past the data');
    strings.push(data.toString('utf8', at, end));
    at = end + 1;
  }
  return strings;
}

/** The entry's `count` big-endian unsigned integers; a 64-bit one beyond 2^53 is refused. */
export function numbersAt(data: Buffer, tag: number, entry: HeaderEntry, damaged: Damaged): number[] {
  const width = WIDTHS[entry.type];
  if (width === undefined) throw damaged(tag, `has type ${entry.type}, not a number`);
  if (entry.offset < 0 || entry.offset + width * entry.count > data.length) {
    throw damaged(tag, 'points past the data');
  }
  const numbers: number[] = [];
  for (let i = 0; i < entry.count; i++) {
    const at = entry.offset + i * width;
    if (width === 8) {
      const value = data.readBigUInt64BE(at);
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged(tag, `holds ${value}, beyond 2^53`);
      numbers.push(Number(value));
    } else {
      numbers.push(data.readUIntBE(at, width));
    }
  }
  return numbers;
}
