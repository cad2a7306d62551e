import { createCleartextMessage, createMessage, sign, type PrivateKey } from 'openpgp';
import { readSigningKey } from './read-signing-key.js';
import { SIGNING_CONFIG } from './signing-config.js';

/** Signs repository metadata and packages with one OpenPGP key, as apt and dnf verify them. */
export interface Signer {
  /** Of the primary key, upper-case hex as gpg prints it: what users pin in their keyrings. */
  readonly fingerprint: string;
  /** The public half, ASCII-armored: what users download to verify (`gpg --dearmor` makes a keyring). */
  readonly publicKeyArmored: string;
  /** The clear-signed text, as apt reads `InRelease`. */
  clearSign(text: string): Promise<string>;
  /** An armored detached signature of the exact bytes (a string is signed as UTF-8): `Release.gpg`, `.asc`. */
  detachSign(bytes: Buffer | string): Promise<string>;
}

export interface SignerOptions {
  /**
   * The creation time of every signature, and the time the key must be valid at. Given, the same
   * input and key give the same signature bytes; omitted, each signature reads the clock.
   */
  readonly date?: Date;
}

/** Reads the `signing-key` input (decrypting it with `signing-passphrase`); throws a UserError if it cannot sign. */
export async function loadSigner(
  armoredKey: string,
  passphrase: string | undefined,
  options: SignerOptions = {},
): Promise<Signer> {
  const { date } = options;
  const key = await readSigningKey(armoredKey, passphrase, date ?? new Date());
  return {
    fingerprint: key.getFingerprint().toUpperCase(),
    publicKeyArmored: key.toPublic().armor(SIGNING_CONFIG),
    clearSign: async (text) => signWith(key, await createCleartextMessage({ text }), date),
    detachSign: async (bytes) => {
      const binary = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      return signWith(key, await createMessage({ binary }), date, true);
    },
  };
}

function signWith(
  key: PrivateKey,
  message: Parameters<typeof sign>[0]['message'],
  date: Date | undefined,
  detached = false,
): Promise<string> {
  return sign({ message, signingKeys: key, detached, format: 'armored', config: SIGNING_CONFIG, date });
}
