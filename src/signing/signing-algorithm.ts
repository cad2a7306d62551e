import type { KeyObject } from 'node:crypto';
import { badCosignKey, NEW_KEY_PAIR } from './cosign-key-errors.js';

/**
 * How cosign signs with a key, in Sigstore's names for it (PublicKeyDetails): the hash follows the
 * curve for ECDSA, RSA is PKCS#1 v1.5 with SHA-256 at the three sizes cosign accepts.
 */
export type CosignKeyDetails =
  | 'PKIX_ECDSA_P256_SHA_256'
  | 'PKIX_ECDSA_P384_SHA_384'
  | 'PKIX_ECDSA_P521_SHA_512'
  | 'PKIX_RSA_PKCS1V15_2048_SHA256'
  | 'PKIX_RSA_PKCS1V15_3072_SHA256'
  | 'PKIX_RSA_PKCS1V15_4096_SHA256'
  | 'PKIX_ED25519';

export interface SigningAlgorithm {
  readonly keyDetails: CosignKeyDetails;
  /** The digest node:crypto signs with; null for Ed25519, which signs the message itself. */
  readonly hash: 'sha256' | 'sha384' | 'sha512' | null;
}

const ECDSA_BY_CURVE: Readonly<Record<string, SigningAlgorithm>> = {
  prime256v1: { keyDetails: 'PKIX_ECDSA_P256_SHA_256', hash: 'sha256' },
  secp384r1: { keyDetails: 'PKIX_ECDSA_P384_SHA_384', hash: 'sha384' },
  secp521r1: { keyDetails: 'PKIX_ECDSA_P521_SHA_512', hash: 'sha512' },
};

const RSA_BY_BITS: Readonly<Record<number, SigningAlgorithm>> = {
  2048: { keyDetails: 'PKIX_RSA_PKCS1V15_2048_SHA256', hash: 'sha256' },
  3072: { keyDetails: 'PKIX_RSA_PKCS1V15_3072_SHA256', hash: 'sha256' },
  4096: { keyDetails: 'PKIX_RSA_PKCS1V15_4096_SHA256', hash: 'sha256' },
};

const ED25519: SigningAlgorithm = { keyDetails: 'PKIX_ED25519', hash: null };

/** How cosign signs with this private key; a key cosign does not sign with is a UserError about `cosign-key`. */
export function signingAlgorithmOf(privateKey: KeyObject): SigningAlgorithm {
  const type = privateKey.asymmetricKeyType;
  const { namedCurve, modulusLength } = privateKey.asymmetricKeyDetails ?? {};
  const algorithm =
    type === 'ec' && namedCurve !== undefined
      ? ECDSA_BY_CURVE[namedCurve]
      : type === 'rsa' && modulusLength !== undefined
        ? RSA_BY_BITS[modulusLength]
        : type === 'ed25519'
          ? ED25519
          : undefined;
  if (algorithm) return algorithm;
  const named = type === 'ec' ? 'ECDSA' : type === 'rsa' ? 'RSA' : (type ?? 'unknown');
  const described = [named, namedCurve, modulusLength && `${modulusLength}-bit`].filter(Boolean).join(' ');
  throw badCosignKey(
    `holds a key of a type cosign does not sign with (${described}); it signs with ECDSA P-256, P-384 or P-521, RSA of 2048, 3072 or 4096 bits, or Ed25519`,
    NEW_KEY_PAIR,
  );
}
