import { UserError } from '../../util/errors.js';
import { numbersAt, stringsAt, type Damaged, type HeaderEntry } from './rpm-header-values.js';
import { TagType } from './rpm-tags.js';

/** The 8-byte magic that starts every rpm header structure (signature and main). */
const HEADER_MAGIC = Buffer.from([0x8e, 0xad, 0xe8, 0x01]);
/** Magic (4), reserved (4), index entry count (4), data store size (4). */
export const HEADER_INTRO_SIZE = 16;
const ENTRY_SIZE = 16;
/** rpm's own sanity limits (header.c): more entries or data than this is a damaged header. */
const MAX_ENTRIES = 0xffff;
const MAX_DATA = 0x0fffffff;
const REBUILD = 'build the package again with rpmbuild';

/** How big a header is, from its 16-byte intro: the whole structure is `size` bytes. */
export interface HeaderShape {
  readonly entries: number;
  readonly dataSize: number;
  readonly size: number;
}

export function headerShape(intro: Buffer, subject: string, what: string): HeaderShape {
  if (intro.length < HEADER_INTRO_SIZE || !intro.subarray(0, 4).equals(HEADER_MAGIC)) {
    throw new UserError(subject, `has no valid ${what} (bad header magic)`, REBUILD);
  }
  const entries = intro.readUInt32BE(8);
  const dataSize = intro.readUInt32BE(12);
  if (entries > MAX_ENTRIES || dataSize > MAX_DATA) {
    throw new UserError(
      subject,
      `has a damaged ${what} (${entries} entries, ${dataSize} data bytes)`,
      REBUILD,
    );
  }
  return { entries, dataSize, size: HEADER_INTRO_SIZE + entries * ENTRY_SIZE + dataSize };
}

/** Typed reads of one header's tags; each returns undefined when the tag is absent. */
export interface RpmHeader {
  has(tag: number): boolean;
  /** A STRING, or the first string of a STRING_ARRAY / I18NSTRING (the untranslated "C" text). */
  string(tag: number): string | undefined;
  /** A STRING_ARRAY or I18NSTRING (one string per translation), or a STRING as a one-item list. */
  strings(tag: number): string[] | undefined;
  /** Any integer type, unsigned, as rpm stores them. */
  numbers(tag: number): number[] | undefined;
  number(tag: number): number | undefined;
}

/**
 * Reads a header structure (`bytes` = intro + index + data store, as `headerShape` sized it). The
 * index is read at once; values are decoded, with every offset checked against the data store,
 * only when asked for: a header has many tags (digests, file owners...) the indexes never need.
 */
export function parseHeader(bytes: Buffer, subject: string, what: string): RpmHeader {
  const { entries: count, dataSize, size } = headerShape(bytes, subject, what);
  if (bytes.length < size) {
    throw new UserError(subject, `has a ${what} cut short (${bytes.length} of ${size} bytes)`, REBUILD);
  }
  const dataStart = HEADER_INTRO_SIZE + count * ENTRY_SIZE;
  const data = bytes.subarray(dataStart, dataStart + dataSize);
  const entries = readIndex(bytes, count);
  const damaged: Damaged = (tag, problem) =>
    new UserError(subject, `has a damaged ${what}: tag ${tag} ${problem}`, REBUILD);

  const strings = (tag: number): string[] | undefined => {
    const entry = entries.get(tag);
    if (entry === undefined) return undefined;
    if (entry.type === TagType.string) return stringsAt(data, tag, { ...entry, count: 1 }, damaged);
    if (entry.type === TagType.stringArray || entry.type === TagType.i18nString) {
      return stringsAt(data, tag, entry, damaged);
    }
    throw damaged(tag, `has type ${entry.type}, not a string`);
  };
  const numbers = (tag: number): number[] | undefined => {
    const entry = entries.get(tag);
    return entry === undefined ? undefined : numbersAt(data, tag, entry, damaged);
  };

  return {
    has: (tag) => entries.has(tag),
    strings,
    string: (tag) => strings(tag)?.[0],
    numbers,
    number: (tag) => numbers(tag)?.[0],
  };
}

/**
 * The index entries by tag. The first entry of a tag wins; regions and unknown types are simply never
 * asked for.
 */
function readIndex(bytes: Buffer, count: number): Map<number, HeaderEntry> {
  const entries = new Map<number, HeaderEntry>();
  for (let i = 0; i < count; i++) {
    const at = HEADER_INTRO_SIZE + i * ENTRY_SIZE;
    const tag = bytes.readUInt32BE(at);
    if (!entries.has(tag)) {
      entries.set(tag, {
        type: bytes.readUInt32BE(at + 4),
        offset: bytes.readInt32BE(at + 8),
        count: bytes.readUInt32BE(at + 12),
      });
    }
  }
  return entries;
}
