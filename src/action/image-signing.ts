import type { ImageTarget } from '../image-drivers/image-target.js';
import { OciLayoutTarget } from '../oci/layout-target.js';
import type { RegistryClient } from '../registry/client.js';
import { ImageSignatures } from '../signing/image-signatures.js';
import { LayoutSignatureStore } from '../signing/layout-signature-store.js';
import type { PayloadSigner } from '../signing/payload-signer.js';
import { RegistrySignatureStore } from '../signing/registry-signature-store.js';
import type { SignatureStore } from '../signing/signature-store.js';
import type { ImageSigningPort } from './ports.js';

/**
 * The image signer of a run: one PayloadSigner, the signatures it made (so mirrors get the same), and a
 * signature store per repository, on the registry client the pushes use (same credentials).
 */
export function imageSigning(
  signer: PayloadSigner,
  clientFor: (registry: string) => RegistryClient,
): ImageSigningPort {
  const signatures = new ImageSignatures(signer);
  const layouts = new Map<string, OciLayoutTarget>();
  const storeFor = (registry: ImageTarget, repository: string): SignatureStore => {
    if (registry.kind === 'registry') {
      return new RegistrySignatureStore(clientFor(registry.host), registry.host, repository);
    }
    let layout = layouts.get(registry.dir);
    if (!layout) {
      layout = new OciLayoutTarget(registry.dir);
      layouts.set(registry.dir, layout);
    }
    return new LayoutSignatureStore(layout, repository);
  };
  return {
    kind: signer.kind,
    prepare: () => signer.identity(),
    sign: (step, digest) => signatures.sign(storeFor(step.registry, step.repository), digest, step.signedAs),
  };
}
