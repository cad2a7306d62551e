import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../../util/errors.js';
import { fileBytes, type ByteSource } from '../../util/byte-source.js';
import { HEADER_INTRO_SIZE, headerShape, parseHeader, type RpmHeader } from './rpm-header.js';
import { SignatureTag, Tag } from './rpm-tags.js';

const LEAD_SIZE = 96;
const LEAD_MAGIC = Buffer.from([0xed, 0xab, 0xee, 0xdb]);
/** The signature header is padded so that the main header starts on an 8-byte boundary. */
const SIGNATURE_ALIGNMENT = 8;
/** RPMSIGTAG_SHA256: the hex SHA-256 of the main header, which rpmbuild writes. */
const MAIN_HEADER_SHA256 = 273;
const REBUILD = 'give the complete .rpm as rpmbuild wrote it';

/** The parts of an .rpm that signing rewrites or signs; the payload stays in the file. */
export interface SignableRpm {
  readonly subject: string;
  readonly lead: Buffer;
  /** The signature header's bytes (intro, index, data store), without the padding after it. */
  readonly signatureHeader: Buffer;
  /** The main header's bytes, exactly what a header-only signature covers. */
  readonly mainHeader: Buffer;
  /** Where the payload starts in the file, and the file's size. */
  readonly payloadStart: number;
  readonly fileSize: number;
}

/**
 * Reads an .rpm's lead and headers and checks the package is one rpm would sign with a header-only
 * signature: an rpm 4 package (with an immutable main header region) whose main header holds the
 * payload's digest, complete, and whose main header matches its recorded digest.
 */
export async function readSignableRpm(file: string): Promise<SignableRpm> {
  const subject = `packages: ${basename(file)}`;
  const handle = await open(file, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const source = fileBytes(handle);
    const lead = await source.bytesAt(0, Math.min(LEAD_SIZE, fileSize));
    if (!lead.subarray(0, 4).equals(LEAD_MAGIC)) {
      throw new UserError(
        subject,
        'is not an RPM package: it does not start with the rpm lead magic',
        REBUILD,
      );
    }
    if (fileSize < LEAD_SIZE) throw truncated(subject, LEAD_SIZE, fileSize);
    const signatureHeader = await readHeaderBytes(source, LEAD_SIZE, fileSize, subject, 'signature header');
    const unpadded = LEAD_SIZE + signatureHeader.length;
    const mainStart =
      unpadded + ((SIGNATURE_ALIGNMENT - (unpadded % SIGNATURE_ALIGNMENT)) % SIGNATURE_ALIGNMENT);
    const mainHeader = await readHeaderBytes(source, mainStart, fileSize, subject, 'main header');
    const signature = parseHeader(signatureHeader, subject, 'signature header');
    const sizes = signature.number(SignatureTag.longSize) ?? signature.number(SignatureTag.size);
    if (sizes !== undefined && mainStart + sizes > fileSize)
      throw truncated(subject, mainStart + sizes, fileSize);
    checkSignableHeaders(signatureHeader, mainHeader, subject);
    return {
      subject,
      lead,
      signatureHeader,
      mainHeader,
      payloadStart: mainStart + mainHeader.length,
      fileSize,
    };
  } finally {
    await handle.close();
  }
}

/**
 * The checks rpmsign makes before it signs, on the two headers alone (no payload needed): an rpm 4
 * package whose main header holds the payload's digest and matches its recorded digest. A UserError
 * naming `subject` otherwise.
 */
export function checkSignableHeaders(signatureHeader: Buffer, mainHeader: Buffer, subject: string): void {
  checkSignable(parseHeader(mainHeader, subject, 'main header'), subject);
  checkDigest(parseHeader(signatureHeader, subject, 'signature header'), mainHeader, subject);
}

function checkSignable(main: RpmHeader, subject: string): void {
  if (!main.has(Tag.headerImmutable)) {
    throw new UserError(
      subject,
      'is an rpm 3 package, which rpm cannot sign',
      'build it with rpmbuild 4 or later',
    );
  }
  // Without the payload's digest in the main header, a signature of that header alone would not
  // cover the payload: rpmsign then also signs header and payload together, which is not done here.
  if (!main.has(Tag.payloadDigest) && !main.has(Tag.payloadDigestAlt)) {
    throw new UserError(
      subject,
      'has no payload digest in its header, so a header signature would not cover its files',
      'build it with rpmbuild 4.14 or later',
    );
  }
}

/** rpmsign refuses to sign a damaged package; a main header that changed after the build is one. */
function checkDigest(signature: RpmHeader, mainHeader: Buffer, subject: string): void {
  const recorded = signature.string(MAIN_HEADER_SHA256);
  if (recorded === undefined) return;
  if (createHash('sha256').update(mainHeader).digest('hex') !== recorded.toLowerCase()) {
    throw new UserError(subject, 'has a main header that does not match its SHA-256 digest', REBUILD);
  }
}

async function readHeaderBytes(
  source: ByteSource,
  position: number,
  fileSize: number,
  subject: string,
  what: string,
): Promise<Buffer> {
  if (position + HEADER_INTRO_SIZE > fileSize)
    throw truncated(subject, position + HEADER_INTRO_SIZE, fileSize);
  const { size } = headerShape(await source.bytesAt(position, HEADER_INTRO_SIZE), subject, what);
  if (position + size > fileSize) throw truncated(subject, position + size, fileSize);
  return source.bytesAt(position, size);
}

function truncated(subject: string, needed: number, size: number): UserError {
  return new UserError(
    subject,
    `is truncated: it needs at least ${needed} bytes but the file has ${size}`,
    'download or build the package again',
  );
}
