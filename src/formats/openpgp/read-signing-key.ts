import { decryptKey, readKey, type Key, type PrivateKey } from 'openpgp';
import { SIGNING_CONFIG as config } from './signing-config.js';
import { UserError } from '../../util/errors.js';

const EXPORT_HINT =
  'paste the whole output of `gpg --armor --export-secret-keys <fingerprint>`, BEGIN and END lines included';

/**
 * The private key of the `signing-key` input, decrypted and checked to sign at `date`. Every failure
 * is a UserError in our own words: openpgp's messages could quote the input, and this input is a secret.
 */
export async function readSigningKey(
  armoredKey: string,
  passphrase: string | undefined,
  date: Date,
): Promise<PrivateKey> {
  const key = await parse(armoredKey);
  if (!key.isPrivate()) {
    throw new UserError('signing-key', 'is a public key; signing needs the private key', EXPORT_HINT);
  }
  if (key.keyPacket.version !== 4) {
    // gpgv 2.2 and 2.4 (apt on Debian 12, Ubuntu 24.04 and older) verify only v4 signatures.
    throw new UserError(
      'signing-key',
      `is a version ${key.keyPacket.version} key, which the apt and dnf of most distributions cannot verify`,
      'use a v4 key (what `gpg --full-generate-key` makes)',
    );
  }
  const unlocked = await unlock(key, passphrase);
  await requireSigningKey(unlocked, date);
  return unlocked;
}

async function parse(armoredKey: string): Promise<Key> {
  try {
    return await readKey({ armoredKey: armoredKey.trim(), config });
  } catch {
    throw new UserError('signing-key', 'is not an OpenPGP key in ASCII armor', EXPORT_HINT);
  }
}

async function unlock(key: PrivateKey, passphrase: string | undefined): Promise<PrivateKey> {
  // An unprotected key ignores any passphrase: rotating to such a key need not touch the other secret.
  if (key.isDecrypted()) return key;
  // Action inputs are '' when unset, so empty means missing.
  if (!passphrase) {
    throw new UserError(
      'signing-passphrase',
      'is not set, but the signing key is protected by a passphrase',
      "set it to the key's passphrase",
    );
  }
  try {
    return await decryptKey({ privateKey: key, passphrase, config });
  } catch {
    throw new UserError(
      'signing-passphrase',
      'does not unlock the signing key (a wrong passphrase, or a protection openpgp.js cannot read)',
      "check that it is this key's passphrase",
    );
  }
}

/** Fails unless the key has a valid, signing-capable (sub)key at `date`: not expired, not revoked. */
async function requireSigningKey(key: PrivateKey, date: Date): Promise<void> {
  const fingerprint = key.getFingerprint().toUpperCase();
  try {
    await key.verifyPrimaryKey(date, undefined, config);
  } catch {
    const problem = (await key.isRevoked(undefined, undefined, date, config))
      ? 'is revoked'
      : `is expired or not valid at ${date.toISOString()}`;
    throw new UserError('signing-key', `${fingerprint} ${problem}`, 'sign with a current key');
  }
  const signingKey = await key.getSigningKey(undefined, date, undefined, config).catch(() => {
    throw new UserError(
      'signing-key',
      `${fingerprint} has no valid key that can sign (no signing subkey, or all expired, revoked or too weak)`,
      'add a signing subkey (`gpg --quick-add-key <fingerprint> rsa3072 sign`) or sign with another key',
    );
  });
  const { algorithm } = signingKey.getAlgorithmInfo();
  if (!VERIFIABLE.has(algorithm)) {
    throw new UserError(
      'signing-key',
      `${fingerprint} signs with ${algorithm}, which gpgv 2.2 (apt on Debian 12 and Ubuntu 22.04) cannot verify`,
      "use RSA (3072 bits or more) or gpg's Ed25519 (EdDSA, algorithm 22)",
    );
  }
}

/**
 * The signature algorithms gpgv 2.2 verifies. RFC 9580's Ed25519 (algorithm 27), which openpgp.js
 * generates by default, is not among them: its signatures fail on Debian 12 with "Invalid public key algorithm".
 */
const VERIFIABLE: ReadonlySet<string> = new Set(['rsaEncryptSign', 'rsaSign', 'dsa', 'ecdsa', 'eddsaLegacy']);
