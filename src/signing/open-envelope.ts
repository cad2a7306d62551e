import { scryptSync } from 'node:crypto';
import nacl from 'tweetnacl';
import { wrongCosignPassword } from './cosign-key-errors.js';
import type { EncryptedEnvelope } from './encrypted-envelope.js';

/**
 * The plaintext of the envelope: the secretbox opened with the key scrypt derives from the password
 * (its UTF-8 bytes; empty is a valid password). A failed authentication is a UserError about
 * `cosign-password`.
 */
export function openEnvelope(envelope: EncryptedEnvelope, password: string): Buffer {
  const { N, r, p } = envelope.scrypt;
  const key = scryptSync(Buffer.from(password, 'utf8'), envelope.salt, nacl.secretbox.keyLength, {
    N,
    r,
    p,
    // What OpenSSL's scrypt allocates, 128·r·(N + p + 2) bytes: 128 MiB for cosign's strongest setting,
    // four times Node's default limit.
    maxmem: 128 * r * (N + p + 2),
  });
  const plaintext = nacl.secretbox.open(envelope.ciphertext, envelope.nonce, key);
  key.fill(0);
  if (!plaintext) throw wrongCosignPassword();
  return Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
}
