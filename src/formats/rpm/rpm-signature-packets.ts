import type { Readable } from 'node:stream';
import { UserError } from '../../util/errors.js';
import { SIGNATURE_TAGS } from './header-signature-entries.js';
import { HEADER_INTRO_SIZE, headerShape } from './rpm-header.js';
import { readRawEntries } from './rpm-signature-header.js';
import { checkSignableHeaders } from './signable-rpm.js';

const LEAD_SIZE = 96;
const LEAD_MAGIC = Buffer.from([0xed, 0xab, 0xee, 0xdb]);
/** The signature header is padded so that the main header starts on an 8-byte boundary. */
const SIGNATURE_ALIGNMENT = 8;
const REPAIR = 'publish the package again (or remove it with mode: unpublish)';

/** What the headers of a published rpm say about signing it. */
export interface RpmSigningState {
  /** The OpenPGP signature packets its signature header holds (any kind rpm reads). */
  readonly packets: Uint8Array[];
}

/**
 * Reads an rpm's lead and both headers from the start of a stream of it, then lets the stream go: who
 * signed a published rpm is told without downloading its payload. Throws a UserError naming `subject`
 * when the package is not one a header signature can be made for (rpm 3, no payload digest, damaged),
 * so a run that would sign it fails before it writes anything.
 */
export async function rpmSigningState(stream: Readable, subject: string): Promise<RpmSigningState> {
  const head = await readPrefix(stream, (bytes) => neededBytes(bytes, subject));
  if (!head.subarray(0, 4).equals(LEAD_MAGIC)) {
    throw new UserError(subject, 'is not an RPM package: it does not start with the rpm lead magic', REPAIR);
  }
  const signatureHeader = head.subarray(
    LEAD_SIZE,
    LEAD_SIZE + sizeAt(head, LEAD_SIZE, subject, 'signature header'),
  );
  const mainStart = mainHeaderStart(signatureHeader.length);
  const mainHeader = head.subarray(mainStart, mainStart + sizeAt(head, mainStart, subject, 'main header'));
  checkSignableHeaders(signatureHeader, mainHeader, subject);
  const entries = readRawEntries(signatureHeader, subject, 'signature header');
  return {
    packets: entries
      .filter((entry) => SIGNATURE_TAGS.has(entry.tag))
      .map((entry) => new Uint8Array(entry.data)),
  };
}

function mainHeaderStart(signatureSize: number): number {
  const unpadded = LEAD_SIZE + signatureSize;
  return unpadded + ((SIGNATURE_ALIGNMENT - (unpadded % SIGNATURE_ALIGNMENT)) % SIGNATURE_ALIGNMENT);
}

/** The size of the header structure at `at`; a UserError when the bytes end before it does. */
function sizeAt(bytes: Buffer, at: number, subject: string, what: string): number {
  const { size } = headerShape(bytes.subarray(at, at + HEADER_INTRO_SIZE), subject, what);
  if (at + size > bytes.length) {
    throw new UserError(subject, `is cut short in its ${what} (${bytes.length} bytes in all)`, REPAIR);
  }
  return size;
}

/** How many bytes the lead and both headers take, once enough is read to tell (else undefined). */
function neededBytes(bytes: Buffer, subject: string): number | undefined {
  if (bytes.length < LEAD_SIZE + HEADER_INTRO_SIZE) return undefined;
  const intro = bytes.subarray(LEAD_SIZE, LEAD_SIZE + HEADER_INTRO_SIZE);
  const mainStart = mainHeaderStart(headerShape(intro, subject, 'signature header').size);
  if (bytes.length < mainStart + HEADER_INTRO_SIZE) return undefined;
  const main = bytes.subarray(mainStart, mainStart + HEADER_INTRO_SIZE);
  return mainStart + headerShape(main, subject, 'main header').size;
}

/** Reads from the stream until `needed` says how much is enough and that much is there, then stops it. */
async function readPrefix(stream: Readable, needed: (bytes: Buffer) => number | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      chunks.push(bytes);
      length += bytes.length;
      const joined = Buffer.concat(chunks, length);
      const want = needed(joined);
      if (want !== undefined && length >= want) return joined.subarray(0, want);
    }
  } finally {
    stream.destroy();
  }
  // Ended before the headers did: what is there says where it is cut.
  return Buffer.concat(chunks, length);
}
