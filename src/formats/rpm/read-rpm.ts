import { open } from 'node:fs/promises';
import { fileBytes, type ByteSource } from '../../util/byte-source.js';
import { basename } from 'node:path';
import { UserError } from '../../util/errors.js';
import { packageFromHeaders } from './package-from-headers.js';
import { HEADER_INTRO_SIZE, headerShape, parseHeader, type RpmHeader } from './rpm-header.js';
import type { RpmPackage } from './rpm-package.js';
import { SignatureTag } from './rpm-tags.js';

const LEAD_SIZE = 96;
const LEAD_MAGIC = Buffer.from([0xed, 0xab, 0xee, 0xdb]);
/** The signature header is padded so that the main header starts on an 8-byte boundary. */
const SIGNATURE_ALIGNMENT = 8;
const REBUILD = 'give the complete .rpm as rpmbuild wrote it';

/**
 * Reads what repodata needs from an .rpm: the 96-byte lead (only its magic matters), the signature
 * header, then the main header. Only these are read; the payload is not, but its size as the
 * signature states it is checked against the file's, so a truncated download is refused.
 */
export async function readRpm(file: string): Promise<RpmPackage> {
  const handle = await open(file, 'r');
  try {
    return await rpmOf(fileBytes(handle), (await handle.stat()).size, `packages: ${basename(file)}`);
  } finally {
    await handle.close();
  }
}

/** `readRpm` of bytes however they are read (`size` is the file's). */
export async function rpmOf(source: ByteSource, size: number, subject: string): Promise<RpmPackage> {
  const lead = await source.bytesAt(0, Math.min(LEAD_SIZE, size));
  if (!lead.subarray(0, 4).equals(LEAD_MAGIC)) {
    throw new UserError(subject, 'is not an RPM package: it does not start with the rpm lead magic', REBUILD);
  }
  if (size < LEAD_SIZE) throw truncated(subject, LEAD_SIZE, size);

  const signature = await readHeader(source, LEAD_SIZE, size, subject, 'signature header');
  const unpadded = LEAD_SIZE + signature.size;
  const start = unpadded + ((SIGNATURE_ALIGNMENT - (unpadded % SIGNATURE_ALIGNMENT)) % SIGNATURE_ALIGNMENT);
  const main = await readHeader(source, start, size, subject, 'main header');
  const end = start + main.size;

  // The signature's size covers the main header and the payload: the file must end right there.
  const sizes = signature.header.number(SignatureTag.longSize) ?? signature.header.number(SignatureTag.size);
  if (sizes !== undefined && start + sizes > size) throw truncated(subject, start + sizes, size);

  return packageFromHeaders(main.header, signature.header, { start, end }, subject);
}

async function readHeader(
  source: ByteSource,
  position: number,
  fileSize: number,
  subject: string,
  what: string,
): Promise<{ readonly header: RpmHeader; readonly size: number }> {
  if (position + HEADER_INTRO_SIZE > fileSize) {
    throw truncated(subject, position + HEADER_INTRO_SIZE, fileSize);
  }
  const { size } = headerShape(await source.bytesAt(position, HEADER_INTRO_SIZE), subject, what);
  if (position + size > fileSize) throw truncated(subject, position + size, fileSize);
  return { header: parseHeader(await source.bytesAt(position, size), subject, what), size };
}

function truncated(subject: string, needed: number, size: number): UserError {
  return new UserError(
    subject,
    `is truncated: it needs at least ${needed} bytes but the file has ${size}`,
    'download or build the package again',
  );
}
