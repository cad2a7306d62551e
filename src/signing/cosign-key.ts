import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { AS_COSIGN_WRITES_IT, badCosignKey, NEW_KEY_PAIR } from './cosign-key-errors.js';
import { parseEnvelope } from './encrypted-envelope.js';
import { openEnvelope } from './open-envelope.js';
import { firstPemBlock } from './pem-block.js';
import { signingAlgorithmOf, type CosignKeyDetails } from './signing-algorithm.js';

export type { CosignKeyDetails } from './signing-algorithm.js';

/** A cosign key pair, decrypted. */
export interface CosignKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The public key as `cosign generate-key-pair` writes cosign.pub: PKIX, PEM `PUBLIC KEY`. */
  readonly publicKeyPem: string;
  readonly keyDetails: CosignKeyDetails;
  /**
   * The signature cosign makes of these bytes: ECDSA as ASN.1 DER with the curve's hash (SHA-256 for
   * P-256), RSA PKCS#1 v1.5 with SHA-256, Ed25519 of the bytes themselves. (Cosign signs with Ed25519ph
   * instead when it uploads to a transparency log; node:crypto has no Ed25519ph.)
   */
  sign(data: Uint8Array): Buffer;
}

/** The PEM labels cosign writes and reads: SIGSTORE since cosign 2.0.1, COSIGN before (still read). */
const ENCRYPTED_TYPES: ReadonlySet<string> = new Set([
  'ENCRYPTED SIGSTORE PRIVATE KEY',
  'ENCRYPTED COSIGN PRIVATE KEY',
]);

/** What `cosign import-key-pair` takes in; cosign signs only once it has encrypted them. */
const UNENCRYPTED_TYPES: ReadonlySet<string> = new Set(['PRIVATE KEY', 'EC PRIVATE KEY', 'RSA PRIVATE KEY']);

/**
 * The key pair of the `cosign-key` input (the text of cosign.key), decrypted with `cosign-password`.
 * Every failure is a UserError naming one of the two inputs, and quoting neither.
 */
export function readCosignKey(text: string, password: string): CosignKey {
  const privateKey = parsePkcs8(openEnvelope(parseEnvelope(encryptedBlock(text)), password));
  const { keyDetails, hash } = signingAlgorithmOf(privateKey);
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyDetails,
    sign: (data) => sign(hash, data, privateKey),
  };
}

function encryptedBlock(text: string): Buffer {
  const block = firstPemBlock(text);
  if (!block) throw badCosignKey('is not a PEM private key');
  if (ENCRYPTED_TYPES.has(block.type)) return block.bytes;
  if (UNENCRYPTED_TYPES.has(block.type)) {
    throw badCosignKey(
      'is an unencrypted private key; cosign signs only with the encrypted keys it writes',
      'encrypt it with `cosign import-key-pair --key <file>` and give the import-cosign.key that writes',
    );
  }
  if (block.type === 'PUBLIC KEY') {
    throw badCosignKey('is a public key (cosign.pub); signing needs the private key', AS_COSIGN_WRITES_IT);
  }
  throw badCosignKey('holds a PEM block that is not a cosign private key');
}

/** Cosign encrypts the private key's PKCS#8 DER, whatever its type. */
function parsePkcs8(der: Buffer): KeyObject {
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw badCosignKey(
      'decrypts, but holds no PKCS#8 private key, so cosign cannot sign with it either',
      NEW_KEY_PAIR,
    );
  } finally {
    der.fill(0);
  }
}
