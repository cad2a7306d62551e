import { UserError } from '../../util/errors.js';
import { HEADER_INTRO_SIZE, headerShape } from './rpm-header.js';
import { TagType } from './rpm-tags.js';

/** One tag of a header as stored: its data bytes exactly as on disk (big-endian). */
export interface RawEntry {
  readonly tag: number;
  readonly type: number;
  readonly count: number;
  readonly data: Buffer;
}

/** RPMTAG_HEADERSIGNATURES: the region tag that wraps every tag of a signature header. */
export const SIGNATURE_REGION_TAG = 62;
const ENTRY_SIZE = 16;
/** The region's trailer: a copy of its index entry, at the end of the data store. */
const REGION_TRAILER_SIZE = 16;
const HEADER_MAGIC = Buffer.from([0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0]);
const REBUILD = 'build the package again with rpmbuild';

/** Bytes per item of the fixed-size types; rpm aligns each such value to its own size. */
const ITEM_SIZE: Readonly<Record<number, number>> = {
  [TagType.char]: 1,
  [TagType.int8]: 1,
  [TagType.bin]: 1,
  [TagType.int16]: 2,
  [TagType.int32]: 4,
  [TagType.int64]: 8,
};

/**
 * The tags of a header structure (`bytes` = intro + index + data store) with their data, in index
 * order, leaving out the region tag: what a rewrite keeps of a signature header.
 */
export function readRawEntries(bytes: Buffer, subject: string, what: string): RawEntry[] {
  const { entries: count, dataSize, size } = headerShape(bytes, subject, what);
  if (bytes.length < size) {
    throw new UserError(subject, `has a ${what} cut short (${bytes.length} of ${size} bytes)`, REBUILD);
  }
  const dataStart = HEADER_INTRO_SIZE + count * ENTRY_SIZE;
  const store = bytes.subarray(dataStart, dataStart + dataSize);
  const damaged = (tag: number, problem: string): UserError =>
    new UserError(subject, `has a damaged ${what}: tag ${tag} ${problem}`, REBUILD);
  const entries: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = HEADER_INTRO_SIZE + i * ENTRY_SIZE;
    const tag = bytes.readUInt32BE(at);
    const type = bytes.readUInt32BE(at + 4);
    const offset = bytes.readInt32BE(at + 8);
    const entryCount = bytes.readUInt32BE(at + 12);
    if (tag === SIGNATURE_REGION_TAG) continue;
    if (entries.some((entry) => entry.tag === tag)) throw damaged(tag, 'appears twice');
    if (offset < 0 || offset > store.length) throw damaged(tag, `points outside the data (${offset})`);
    const length = dataLength(store, offset, type, entryCount, (problem) => damaged(tag, problem));
    entries.push({ tag, type, count: entryCount, data: store.subarray(offset, offset + length) });
  }
  return entries;
}

function dataLength(
  store: Buffer,
  offset: number,
  type: number,
  count: number,
  damaged: (problem: string) => UserError,
): number {
  const itemSize = ITEM_SIZE[type];
  let length: number;
  if (itemSize !== undefined) {
    length = itemSize * count;
  } else if (type === TagType.string || type === TagType.stringArray || type === TagType.i18nString) {
    if (type === TagType.string && count !== 1) throw damaged(`is a string with count ${count}`);
    length = 0;
    for (let i = 0; i < count; i++) {
      const end = store.indexOf(0, offset + length);
      if (end < 0) throw damaged('has a string that runs past the data');
      length = end + 1 - offset;
    }
  } else {
    throw damaged(`has unknown type ${type}`);
  }
  if (offset + length > store.length) throw damaged('runs past the data');
  return length;
}

/**
 * A signature header as rpm writes one (`headerReload` of RPMTAG_HEADERSIGNATURES): a region tag
 * first, then the tags by number with their data in that order, each number aligned to its size,
 * and the region's trailer (the region tag with the index's size as a negative offset) last.
 */
export function writeSignatureHeader(entries: readonly RawEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const parts: Buffer[] = [];
  const index: Buffer[] = [];
  let dataSize = 0;
  for (const entry of sorted) {
    const padding = alignment(entry.type, dataSize);
    if (padding > 0) parts.push(Buffer.alloc(padding));
    dataSize += padding;
    index.push(indexEntry(entry.tag, entry.type, dataSize, entry.count));
    parts.push(entry.data);
    dataSize += entry.data.length;
  }
  const entryCount = sorted.length + 1;
  const region = indexEntry(SIGNATURE_REGION_TAG, TagType.bin, dataSize, REGION_TRAILER_SIZE);
  const trailer = indexEntry(
    SIGNATURE_REGION_TAG,
    TagType.bin,
    -entryCount * ENTRY_SIZE,
    REGION_TRAILER_SIZE,
  );
  const counts = Buffer.alloc(8);
  counts.writeUInt32BE(entryCount, 0);
  counts.writeUInt32BE(dataSize + REGION_TRAILER_SIZE, 4);
  return Buffer.concat([HEADER_MAGIC, counts, region, ...index, ...parts, trailer]);
}

/** The size `writeSignatureHeader` gives these entries, without writing them. */
export function signatureHeaderSize(entries: readonly RawEntry[]): number {
  let dataSize = 0;
  for (const entry of [...entries].sort((a, b) => a.tag - b.tag)) {
    dataSize += alignment(entry.type, dataSize) + entry.data.length;
  }
  return HEADER_INTRO_SIZE + (entries.length + 1) * ENTRY_SIZE + dataSize + REGION_TRAILER_SIZE;
}

function alignment(type: number, at: number): number {
  const size = ITEM_SIZE[type] ?? 1;
  return (size - (at % size)) % size;
}

function indexEntry(tag: number, type: number, offset: number, count: number): Buffer {
  const entry = Buffer.alloc(ENTRY_SIZE);
  entry.writeUInt32BE(tag, 0);
  entry.writeUInt32BE(type, 4);
  entry.writeInt32BE(offset, 8);
  entry.writeUInt32BE(count, 12);
  return entry;
}
