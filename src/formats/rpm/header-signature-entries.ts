import { signatureHeaderSize, writeSignatureHeader, type RawEntry } from './rpm-signature-header.js';
import { SignatureTag, TagType } from './rpm-tags.js';

/** Every tag an OpenPGP signature of the package can sit in: a new signature replaces all of them. */
export const SIGNATURE_TAGS: ReadonlySet<number> = new Set([
  SignatureTag.dsaHeader,
  SignatureTag.rsaHeader,
  SignatureTag.openPgp,
  SignatureTag.pgp,
  SignatureTag.gpg,
  SignatureTag.pgp5,
]);

/** OpenPGP public-key algorithm numbers (RFC 4880 9.1) rpm signs with. */
const RSA_ALGORITHMS: ReadonlySet<number> = new Set([1, 2, 3]);
const DSA = 17;
const EDDSA = 22;

/**
 * The signature-header tag `rpmsign --addsign` puts a header-only signature by this kind of key in
 * (makeSigTag in rpmgensig.c): RSA's in RSAHEADER, DSA's and EdDSA's in DSAHEADER; rpm signs with
 * no other kind of key, so undefined.
 */
export function headerSignatureTag(publicKeyAlgorithm: number): number | undefined {
  if (RSA_ALGORITHMS.has(publicKeyAlgorithm)) return SignatureTag.rsaHeader;
  if (publicKeyAlgorithm === DSA || publicKeyAlgorithm === EDDSA) return SignatureTag.dsaHeader;
  return undefined;
}

/**
 * The signature header with `signature` in place of any earlier signature, its other tags kept.
 * As rpmsign does, the reserved space gives up what the header grows by (or takes back what it
 * shrinks by), so the package keeps its size; when the space is too small it is left as it was.
 */
export function signatureHeaderWith(entries: readonly RawEntry[], signature: RawEntry): Buffer {
  const signed = [...entries.filter((entry) => !SIGNATURE_TAGS.has(entry.tag)), signature];
  const growth = signatureHeaderSize(signed) - signatureHeaderSize(entries);
  const reserved = signed.findIndex((entry) => entry.tag === SignatureTag.reservedSpace);
  const space = signed[reserved];
  if (space !== undefined && growth !== 0 && growth < space.count) {
    const count = space.count - growth;
    const data = Buffer.alloc(count);
    space.data.copy(data, 0, 0, Math.min(count, space.data.length));
    signed[reserved] = { ...space, count, data };
  }
  return writeSignatureHeader(signed);
}

/** The binary tag entry of a signature packet. */
export function signatureEntry(tag: number, packet: Uint8Array): RawEntry {
  return { tag, type: TagType.bin, count: packet.length, data: Buffer.from(packet) };
}
