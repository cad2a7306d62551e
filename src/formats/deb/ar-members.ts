import type { ByteSource } from '../../util/byte-source.js';
import { UserError } from '../../util/errors.js';

/** One member of an ar archive: where its data lies in the file, never the data itself. */
export interface ArMember {
  readonly name: string;
  /** Byte offset of the member's data in the file. */
  readonly offset: number;
  readonly size: number;
}

const MAGIC = '!<arch>\n';
const HEADER_SIZE = 60;
/** `ar` ends each member header with these two bytes: anything else is not a member header. */
const HEADER_END = '`\n';
/** A GNU long-name table names a few members; more than this is a damaged archive, not a .deb. */
const MAX_NAME_TABLE = 1024 * 1024;
const REBUILD = 'give the complete .deb as dpkg-deb --build wrote it';

/**
 * Lists the members of an ar archive by reading their 60-byte headers only: a member's data is
 * skipped by its size, so a .deb's data.tar (which can be GiBs) is never read. Member names come in
 * three spellings: dpkg's (`control.tar.xz`, space padded), GNU ar's (`control.tar.xz/`, or `/N` into a
 * `//` table of long names) and BSD's (`#1/N`, the name in the first N bytes of the data).
 */
export async function arMembers(file: ByteSource, fileSize: number, subject: string): Promise<ArMember[]> {
  const magic = await file.bytesAt(0, Math.min(MAGIC.length, fileSize));
  if (magic.toString('latin1') !== MAGIC) {
    throw new UserError(
      subject,
      'is not a Debian package: it does not start as an ar archive (!<arch>)',
      REBUILD,
    );
  }

  const members: ArMember[] = [];
  let longNames: Buffer | undefined;
  let position = MAGIC.length;
  // A writer may leave out the padding byte after the last member: one byte left is the end.
  while (fileSize - position > 1) {
    if (fileSize - position < HEADER_SIZE) throw truncated(subject, position + HEADER_SIZE, fileSize);
    const header = await file.bytesAt(position, HEADER_SIZE);
    if (header.toString('latin1', 58, 60) !== HEADER_END) {
      throw new UserError(subject, `has a damaged ar member header at byte ${position}`, REBUILD);
    }
    const rawName = header.toString('latin1', 0, 16).trimEnd();
    const size = decimal(header.toString('latin1', 48, 58), subject, position);
    const start = position + HEADER_SIZE;
    if (start + size > fileSize) throw truncated(subject, start + size, fileSize);
    // Members start on even offsets: an odd-sized one is followed by one padding byte.
    position = start + size + (size % 2);

    const bsd = /^#1\/(\d+)$/.exec(rawName);
    if (bsd) {
      const nameLength = Number(bsd[1]);
      if (nameLength > size) {
        throw new UserError(subject, `has a damaged ar member name at byte ${start}`, REBUILD);
      }
      // BSD pads the name with NULs to keep the data aligned.
      const name = (await file.bytesAt(start, nameLength)).toString('utf8').replace(/\0+$/, '');
      members.push({ name, offset: start + nameLength, size: size - nameLength });
    } else if (rawName === '//') {
      if (size > MAX_NAME_TABLE) throw new UserError(subject, 'has an oversized ar long-name table', REBUILD);
      longNames = await file.bytesAt(start, size);
    } else if (rawName === '/' || rawName === '/SYM64/') {
      continue; // a symbol table: object-file archives have one, packages never need it
    } else if (/^\/\d+$/.test(rawName)) {
      members.push({
        name: longName(longNames, Number(rawName.slice(1)), subject, start),
        offset: start,
        size,
      });
    } else {
      members.push({ name: rawName.replace(/\/$/, ''), offset: start, size });
    }
  }
  return members;
}

/** A GNU long name: from `at` in the `//` member up to its `/\n` terminator. */
function longName(table: Buffer | undefined, at: number, subject: string, offset: number): string {
  const end = table === undefined ? -1 : table.indexOf('\n', at);
  if (table === undefined || at >= table.length || end < 0) {
    throw new UserError(
      subject,
      `names an ar member (at byte ${offset}) that its long-name table lacks`,
      REBUILD,
    );
  }
  return table.toString('utf8', at, end).replace(/\/$/, '');
}

function decimal(field: string, subject: string, offset: number): number {
  const text = field.trim();
  if (!/^\d+$/.test(text)) {
    throw new UserError(
      subject,
      `has a damaged ar member size (${JSON.stringify(field)}) at byte ${offset}`,
      REBUILD,
    );
  }
  return Number(text);
}

function truncated(subject: string, needed: number, size: number): UserError {
  return new UserError(
    subject,
    `is truncated: its ar archive needs ${needed} bytes but the file has ${size}`,
    'download or build the package again',
  );
}
