import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GPG_PASSPHRASE } from './gpg-made-keys.js';

/**
 * Secret keys made and exported once by real gpg 2.2 (`gpgMadeKey` in gpg-made-keys.ts, passphrase
 * GPG_PASSPHRASE) and committed under __tests__/fixtures/openpgp/, so the unit tests load what gpg writes
 * without gpg installed. gpg-made-keys.tools.test.ts checks gpgv verifies what they sign, and does the same
 * with keys gpg makes on the spot.
 */
export const COMMITTED_GPG_KEYS = {
  /** An Ed25519 primary that signs. */
  sign: 'gpg-sign.asc',
  /** A certify-only primary with an Ed25519 signing subkey. */
  signingSubkey: 'gpg-cert-sign-subkey.asc',
  /** A certify-only primary with a Curve25519 encryption subkey: nothing can sign. */
  encryptionSubkey: 'gpg-cert-encrypt-subkey.asc',
} as const;

export { GPG_PASSPHRASE };

export function committedGpgKey(kind: keyof typeof COMMITTED_GPG_KEYS): string {
  return readFileSync(
    fileURLToPath(new URL(`../../fixtures/openpgp/${COMMITTED_GPG_KEYS[kind]}`, import.meta.url)),
    'utf8',
  );
}
