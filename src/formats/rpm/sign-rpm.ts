import { createReadStream, createWriteStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { readSignature } from 'openpgp';
import { UserError } from '../../util/errors.js';
import { headerSignatureTag, signatureEntry, signatureHeaderWith } from './header-signature-entries.js';
import { readRawEntries } from './rpm-signature-header.js';
import { readSignableRpm } from './signable-rpm.js';

export interface RpmHeaderSigner {
  /** A binary detached signature of the bytes, made at `date`. */
  (bytes: Uint8Array): Promise<Uint8Array>;
}

const SIGNATURE_ALIGNMENT = 8;

/**
 * Writes to `output` the rpm at `input` with its signature header holding a header-only OpenPGP
 * signature, as `rpmsign --addsign` writes one: over the main header's bytes, in RSAHEADER (268) for
 * an RSA key or DSAHEADER (267) for a DSA or EdDSA key, replacing any earlier signature (267, 268,
 * 1002, 1005, 1006 and rpm 6's 278). The lead, main header and payload are copied byte for byte, the
 * payload streamed (packages can be hundreds of MiB). The reserved space (1008) gives up what the
 * signature adds, so the file keeps its size when there is room. Returns the new file's size.
 * Throws a UserError, before writing anything, for a file that is not an rpm it can sign.
 */
export async function signRpm(input: string, output: string, sign: RpmHeaderSigner): Promise<number> {
  const rpm = await readSignableRpm(input);
  if (resolve(input) === resolve(output)) {
    // The payload is copied from the input after the headers are written: the same file would be cut.
    throw new Error(`signRpm writes a new file: the output ${output} must not be the input`);
  }
  const packet = await sign(rpm.mainHeader);
  const tag = headerSignatureTag(await publicKeyAlgorithm(packet));
  if (tag === undefined) {
    throw new UserError(
      'signing-key',
      'is not an RSA, DSA or EdDSA (legacy Ed25519) key, the kinds rpm verifies package signatures of',
      'sign with an RSA or gpg-made Ed25519 key',
    );
  }
  const entries = readRawEntries(rpm.signatureHeader, rpm.subject, 'signature header');
  const signatureHeader = signatureHeaderWith(entries, signatureEntry(tag, packet));
  const padding = Buffer.alloc(
    (SIGNATURE_ALIGNMENT - (signatureHeader.length % SIGNATURE_ALIGNMENT)) % SIGNATURE_ALIGNMENT,
  );
  await writeFile(output, Buffer.concat([rpm.lead, signatureHeader, padding, rpm.mainHeader]));
  await pipeline(
    createReadStream(input, { start: rpm.payloadStart }),
    createWriteStream(output, { flags: 'a' }),
  );
  return (await stat(output)).size;
}

async function publicKeyAlgorithm(packet: Uint8Array): Promise<number> {
  const signature = await readSignature({ binarySignature: packet });
  const algorithm = signature.packets[0]?.publicKeyAlgorithm;
  if (algorithm === undefined || algorithm === null)
    throw new Error('the signer returned no signature packet');
  return algorithm;
}
