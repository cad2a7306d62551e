import { ImageSignatures } from '../signing/image-signatures.js';
import type { PayloadSigner } from '../signing/payload-signer.js';
import type { ImageSigningPort } from './ports.js';
import type { SignatureStores } from './signature-stores.js';

/** The image signer of a run: one PayloadSigner and the signatures it made (so mirrors get the same). */
export function imageSigning(signer: PayloadSigner, storeFor: SignatureStores): ImageSigningPort {
  const signatures = new ImageSignatures(signer);
  return {
    kind: signer.kind,
    prepare: () => signer.identity(),
    sign: (step, digest) => signatures.sign(storeFor(step.registry, step.repository), digest, step.signedAs),
  };
}
