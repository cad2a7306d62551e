import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { errorMessage, UserError } from '../../util/errors.js';
import { arMembers, type ArMember } from './ar-members.js';
import { fileBytes, type ByteSource } from '../../util/byte-source.js';
import { controlCompression, CONTROL_MEMBERS, decompressControl } from './control-compression.js';
import { controlFileOf } from './control-file.js';
import { parseControl } from './control-paragraph.js';
import type { DebControl } from './deb-package.js';

/** control.tar holds a few small files: a bigger member (either side of decompression) is damaged. */
const MAX_CONTROL_BYTES = 64 * 1024 * 1024;
const REBUILD = 'build the package again with dpkg-deb --build';

/**
 * Reads a .deb's control fields. The file is an ar archive of `debian-binary`, `control.tar[.gz|.xz|.zst]`
 * and `data.tar.*`; only the member headers, debian-binary and control.tar are read: the data
 * member is checked to be there whole by its size, never read.
 */
export async function readDebControl(file: string): Promise<DebControl> {
  const handle = await open(file, 'r');
  try {
    return await debControlOf(fileBytes(handle), (await handle.stat()).size, `packages: ${basename(file)}`);
  } finally {
    await handle.close();
  }
}

/** `readDebControl` of bytes however they are read (`size` is the file's). */
export async function debControlOf(source: ByteSource, size: number, subject: string): Promise<DebControl> {
  const members = await arMembers(source, size, subject);
  const names = members.map((member) => member.name);
  const listed = names.join(', ') || 'none';

  const binary = members.find((member) => member.name === 'debian-binary');
  if (binary === undefined) {
    throw new UserError(
      subject,
      `is not a Debian package: its ar archive has no debian-binary (members: ${listed})`,
      REBUILD,
    );
  }
  const format = (await source.bytesAt(binary.offset, Math.min(binary.size, 16))).toString('latin1');
  if (!format.startsWith('2.')) {
    throw new UserError(
      subject,
      `is a Debian package of format ${JSON.stringify(format.trim())}, not 2.x`,
      REBUILD,
    );
  }
  if (!names.some((name) => name.startsWith('data.tar'))) {
    throw new UserError(subject, `has no data.tar member (members: ${listed})`, REBUILD);
  }
  const member = members.find((candidate) => candidate.name.startsWith('control.tar'));
  if (member === undefined) {
    throw new UserError(subject, `has no control.tar member (members: ${listed})`, REBUILD);
  }
  const controlTar = await readControlTar(source, member, subject);

  const text = await controlFileOf(controlTar).catch((error: unknown) => {
    throw new UserError(
      subject,
      `${member.name} is not a readable tar archive (${errorMessage(error)})`,
      REBUILD,
    );
  });
  if (text === undefined) throw new UserError(subject, `${member.name} has no ./control file`, REBUILD);
  return parseControl(text, subject);
}

async function readControlTar(source: ByteSource, member: ArMember, subject: string): Promise<Buffer> {
  const compression = controlCompression(member.name);
  if (compression === undefined) {
    throw new UserError(
      subject,
      `has ${member.name}, a compression that dpkg and APT do not write (known: ${CONTROL_MEMBERS.join(', ')})`,
      'build the package with dpkg-deb -Zxz, -Zgzip or -Zzstd',
    );
  }
  if (member.size > MAX_CONTROL_BYTES) {
    throw new UserError(
      subject,
      `has a ${member.size}-byte ${member.name}, too big for package metadata`,
      REBUILD,
    );
  }
  const bytes = await source.bytesAt(member.offset, member.size);
  return decompressControl(bytes, compression, MAX_CONTROL_BYTES).catch((error: unknown) => {
    throw new UserError(subject, `${member.name} cannot be decompressed (${errorMessage(error)})`, REBUILD);
  });
}
