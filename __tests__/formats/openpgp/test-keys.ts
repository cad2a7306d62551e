import { generateKey, readPrivateKey, revokeKey } from 'openpgp';

export type KeyType = keyof typeof TYPES;

export interface TestKey {
  readonly privateKey: string;
  readonly publicKey: string;
}

export interface TestKeyOptions {
  readonly passphrase?: string;
  /** The key's creation time (default: a fixed day in the past, so fixed-date signatures are valid). */
  readonly date?: Date;
  /** Seconds after `date` the key expires; 0 never. */
  readonly expiresIn?: number;
}

export const KEY_CREATED = new Date('2024-01-01T00:00:00Z');

const TYPES = {
  rsa: { type: 'rsa', rsaBits: 3072 },
  // gpg's Ed25519 (EdDSA, algorithm 22): openpgp's default `curve25519` is RFC 9580's, which gpgv 2.2 cannot verify.
  ed25519: { type: 'ecc', curve: 'ed25519Legacy' },
  rfc9580Ed25519: { type: 'curve25519' },
} as const;

/** A fresh key made with openpgp, as a user would make one with gpg. */
export async function generateTestKey(type: KeyType, options: TestKeyOptions = {}): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKey({
    ...TYPES[type],
    userIDs: [{ name: 'Falco test', email: 'test@falco.invalid' }],
    date: options.date ?? KEY_CREATED,
    keyExpirationTime: options.expiresIn ?? 0,
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
    format: 'armored',
  });
  return { privateKey, publicKey };
}

/** The same key with a revocation signature on it. */
export async function revoked(key: TestKey): Promise<TestKey> {
  const { privateKey, publicKey } = await revokeKey({
    key: await readPrivateKey({ armoredKey: key.privateKey }),
    date: new Date(KEY_CREATED.getTime() + 1000),
    format: 'armored',
  });
  return { privateKey, publicKey };
}
