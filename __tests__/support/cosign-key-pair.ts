// Key files in the format `cosign generate-key-pair` writes, made here because cosign is not installed:
// the PKCS#8 DER of the private key, sealed in a NaCl secretbox under a key scrypt derives from the
// password, in a JSON envelope, in a PEM block. Written apart from src/signing so that a mistake on
// one side shows up as a failure to read.
import { createPublicKey, generateKeyPairSync, randomBytes, scryptSync, type KeyObject } from 'node:crypto';
import nacl from 'tweetnacl';

export type CosignPemType = 'ENCRYPTED SIGSTORE PRIVATE KEY' | 'ENCRYPTED COSIGN PRIVATE KEY';

/** The scrypt N of cosign keys: 2^15 in those of older versions, 2^16 now, 2^17 at the strongest setting. */
export type CosignScryptN = 32768 | 65536 | 131072;

export type CosignKeyKind = 'ecdsa-p256' | 'ecdsa-p384' | 'ecdsa-p521' | 'ed25519' | 'rsa-2048';

export interface CosignKeyPairText {
  /** What cosign writes to cosign.key. */
  readonly privateKeyText: string;
  readonly password: string;
  /** What cosign writes to cosign.pub. */
  readonly publicKeyPem: string;
}

export interface SealOptions {
  /** The PEM label; cosign writes SIGSTORE (COSIGN before 2.0.1). */
  readonly pemType?: CosignPemType;
  readonly scryptN?: CosignScryptN;
}

export interface KeyPairOptions extends SealOptions {
  readonly kind?: CosignKeyKind;
  /** Another key to seal instead of a new one of `kind` (one cosign does not sign with, say). */
  readonly privateKey?: KeyObject;
  /** A fresh random one if not given. */
  readonly password?: string;
}

/** A new key pair as cosign writes it: ECDSA P-256 by default, as `cosign generate-key-pair` makes. */
export function cosignKeyPair(options: KeyPairOptions = {}): CosignKeyPairText {
  const privateKey = options.privateKey ?? newPrivateKey(options.kind ?? 'ecdsa-p256');
  const password = options.password ?? randomBytes(12).toString('base64url');
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  return {
    privateKeyText: sealCosignKey(pkcs8, password, options),
    password,
    publicKeyPem: publicPem(privateKey),
  };
}

/** Any bytes sealed as cosign seals a private key's PKCS#8 DER, with a fresh salt and nonce. */
export function sealCosignKey(plaintext: Uint8Array, password: string, options: SealOptions = {}): string {
  const N = options.scryptN ?? 65536;
  const salt = randomBytes(32);
  const nonce = randomBytes(24);
  const key = scryptSync(Buffer.from(password, 'utf8'), salt, 32, {
    N,
    r: 8,
    p: 1,
    maxmem: 256 * 1024 * 1024,
  });
  const ciphertext = nacl.secretbox(plaintext, nonce, key);
  // Field names and order as Go's encoding/json writes go-securesystemslib's structs; []byte is base64.
  const envelope = {
    kdf: { name: 'scrypt', params: { N, r: 8, p: 1 }, salt: salt.toString('base64') },
    cipher: { name: 'nacl/secretbox', nonce: nonce.toString('base64') },
    ciphertext: Buffer.from(ciphertext).toString('base64'),
  };
  return pemEncode(
    options.pemType ?? 'ENCRYPTED SIGSTORE PRIVATE KEY',
    Buffer.from(JSON.stringify(envelope)),
  );
}

/** Go's pem.EncodeToMemory: 64 base64 characters a line, a newline after the END line. */
export function pemEncode(type: string, bytes: Buffer): string {
  const lines = bytes.toString('base64').match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${type}-----`, ...lines, `-----END ${type}-----`, ''].join('\n');
}

function newPrivateKey(kind: CosignKeyKind): KeyObject {
  switch (kind) {
    case 'ecdsa-p256':
      return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    case 'ecdsa-p384':
      return generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    case 'ecdsa-p521':
      return generateKeyPairSync('ec', { namedCurve: 'P-521' }).privateKey;
    case 'ed25519':
      return generateKeyPairSync('ed25519').privateKey;
    case 'rsa-2048':
      return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  }
}

/** cosign.pub: the PKIX DER of the public key, PEM-encoded as Go does it (not node's own PEM output). */
function publicPem(privateKey: KeyObject): string {
  return pemEncode('PUBLIC KEY', createPublicKey(privateKey).export({ type: 'spki', format: 'der' }));
}
