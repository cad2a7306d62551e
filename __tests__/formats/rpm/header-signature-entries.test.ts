import { describe, expect, it } from 'vitest';
import { signatureEntry, signatureHeaderWith } from '../../../src/formats/rpm/header-signature-entries.js';
import {
  readRawEntries,
  writeSignatureHeader,
  type RawEntry,
} from '../../../src/formats/rpm/rpm-signature-header.js';
import { SignatureTag, TagType } from '../../../src/formats/rpm/rpm-tags.js';

// The reserved space's accounting, as rpmsign keeps it: sign-rpm.test.ts shows it on real packages.

describe('signatureHeaderWith', () => {
  const int32 = (tag: number, value: number): RawEntry => {
    const data = Buffer.alloc(4);
    data.writeUInt32BE(value);
    return { tag, type: TagType.int32, count: 1, data };
  };
  const reserved = (count: number): RawEntry => ({
    tag: SignatureTag.reservedSpace,
    type: TagType.bin,
    count,
    data: Buffer.alloc(count),
  });
  const reservedCount = (header: Buffer) =>
    readRawEntries(header, 'test', 'signature header').find((e) => e.tag === SignatureTag.reservedSpace)
      ?.count;
  const unsigned = [int32(SignatureTag.size, 1234), reserved(100)];

  it('takes the room a signature needs from the reserved space, keeping the header size', () => {
    const header = signatureHeaderWith(unsigned, signatureEntry(SignatureTag.rsaHeader, Buffer.alloc(40, 1)));
    // 40 bytes of signature and its 16-byte index entry.
    expect(reservedCount(header)).toBe(100 - 56);
    expect(header.length).toBe(writeSignatureHeader(unsigned).length);
  });

  it('gives the reserved space back when a smaller signature replaces a larger one', () => {
    const large = readRawEntries(
      signatureHeaderWith(unsigned, signatureEntry(SignatureTag.rsaHeader, Buffer.alloc(60, 1))),
      'test',
      'signature header',
    );
    const smaller = signatureHeaderWith(large, signatureEntry(SignatureTag.dsaHeader, Buffer.alloc(20, 1)));
    expect(reservedCount(smaller)).toBe(100 - 36);
    expect(readRawEntries(smaller, 'test', 'signature header').map((e) => e.tag)).toEqual([
      SignatureTag.dsaHeader,
      SignatureTag.size,
      SignatureTag.reservedSpace,
    ]);
  });

  it('leaves a reserved space too small for the signature as it was, the header growing', () => {
    const small = [int32(SignatureTag.size, 1234), reserved(30)];
    const header = signatureHeaderWith(small, signatureEntry(SignatureTag.rsaHeader, Buffer.alloc(40, 1)));
    expect(reservedCount(header)).toBe(30);
  });

  it("drops every earlier signature: DSA, RSA, PGP, GPG, PGP 5 and rpm 6's OpenPGP", () => {
    const bin = (tag: number): RawEntry => signatureEntry(tag, Buffer.alloc(8, tag % 256));
    const signed = [
      ...unsigned,
      bin(SignatureTag.dsaHeader),
      bin(SignatureTag.rsaHeader),
      { tag: SignatureTag.openPgp, type: TagType.stringArray, count: 1, data: Buffer.from('c2lnbmF0dXJl\0') },
      bin(SignatureTag.pgp),
      bin(SignatureTag.gpg),
      bin(SignatureTag.pgp5),
    ];
    const header = signatureHeaderWith(signed, signatureEntry(SignatureTag.rsaHeader, Buffer.alloc(40, 1)));
    const entries = readRawEntries(header, 'test', 'signature header');
    expect(entries.map((e) => e.tag)).toEqual([
      SignatureTag.rsaHeader,
      SignatureTag.size,
      SignatureTag.reservedSpace,
    ]);
    expect(entries[0]?.data).toEqual(Buffer.alloc(40, 1));
  });
});
