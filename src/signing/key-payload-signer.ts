import { createHash, verify, type KeyObject } from 'node:crypto';
import type { Signer } from '@sigstore/sign';
import { SIGNATURE_ANNOTATION, type ExistingSignature } from './cosign-signatures.js';
import type { CosignKey } from './cosign-key.js';
import { signedStatement } from './dsse-statement.js';
import type { PayloadSigner } from './payload-signer.js';
import { UserError } from '../util/errors.js';
import { sigstorePayloadSigner } from './sigstore-payload-signer.js';
import { signingAlgorithmOf } from './signing-algorithm.js';

/** Signs as `cosign sign --key` does: the key's own signature, its public key named in the bundle by its sha256. */
export function keyPayloadSigner(key: CosignKey, rekorUrl: string | undefined): PayloadSigner {
  // cosign logs an Ed25519 key's signature as Ed25519ph, which node:crypto cannot make: a pure Ed25519
  // signature would be refused by Rekor after the images were pushed. Refused here, at start-up.
  if (key.keyDetails === 'PKIX_ED25519' && rekorUrl !== undefined) {
    throw new UserError(
      'cosign-key',
      'is an Ed25519 key, whose signatures cosign logs as Ed25519ph, which this action cannot make',
      'use an ECDSA or RSA key (cosign generate-key-pair makes ECDSA P-256), or set transparency-log: false',
    );
  }
  const fingerprint = createHash('sha256')
    .update(key.publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex');
  const { hash } = signingAlgorithmOf(key.privateKey);
  const signer: Signer = {
    sign: async (data) => ({
      signature: key.sign(data),
      key: { $case: 'publicKey', publicKey: key.publicKeyPem, hint: fingerprint },
    }),
  };
  return sigstorePayloadSigner({
    kind: 'key',
    signer,
    rekorUrl,
    identity: async () => `public key sha256:${fingerprint}`,
    madeBy: async (existing, payload) => verifies(existing, payload, key.publicKey, hash),
    madeStatement: async (bundle, statement) => {
      const signed = signedStatement(bundle, statement);
      return signed !== undefined && verify(hash, signed.signedBytes, key.publicKey, signed.signature);
    },
    chain: async () => undefined,
  });
}

/** A layer is ours when it carries this payload and a signature this public key accepts. */
function verifies(
  existing: ExistingSignature,
  payload: Buffer,
  publicKey: KeyObject,
  hash: string | null,
): boolean {
  const signature = existing.annotations[SIGNATURE_ANNOTATION];
  if (signature === undefined) return false;
  if (existing.digest !== `sha256:${createHash('sha256').update(payload).digest('hex')}`) return false;
  return verify(hash, payload, publicKey, Buffer.from(signature, 'base64'));
}
