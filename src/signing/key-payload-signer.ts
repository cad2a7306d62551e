import { createHash, verify, type KeyObject } from 'node:crypto';
import type { Signer } from '@sigstore/sign';
import { SIGNATURE_ANNOTATION, type ExistingSignature } from './cosign-signatures.js';
import type { CosignKey } from './cosign-key.js';
import { signedStatement } from './dsse-statement.js';
import type { PayloadSigner } from './payload-signer.js';
import { sigstorePayloadSigner } from './sigstore-payload-signer.js';
import { signingAlgorithmOf } from './signing-algorithm.js';

/** Signs as `cosign sign --key` does: the key's own signature, its public key named in the bundle by its sha256. */
export function keyPayloadSigner(key: CosignKey, rekorUrl: string | undefined): PayloadSigner {
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
