import type { ImageTarget } from '../image-drivers/image-target.js';
import { OciLayoutTarget } from '../oci/layout-target.js';
import type { RegistryClient } from '../registry/client.js';
import { LayoutSignatureStore } from '../signing/layout-signature-store.js';
import { RegistrySignatureStore } from '../signing/registry-signature-store.js';
import type { SignatureStore } from '../signing/signature-store.js';

/** Where signatures and attestations of a repository go: beside its images, on the clients the pushes use. */
export type SignatureStores = (registry: ImageTarget, repository: string) => SignatureStore;

/** One store per repository for the run, so what it learns (the blobs it stored) serves every step. */
export function signatureStores(clientFor: (registry: string) => RegistryClient): SignatureStores {
  const layouts = new Map<string, OciLayoutTarget>();
  const registries = new Map<string, RegistrySignatureStore>();
  return (registry, repository) => {
    if (registry.kind === 'registry') {
      const key = `${registry.host}/${repository}`;
      let store = registries.get(key);
      if (!store) {
        store = new RegistrySignatureStore(clientFor(registry.host), registry.host, repository);
        registries.set(key, store);
      }
      return store;
    }
    let layout = layouts.get(registry.dir);
    if (!layout) {
      layout = new OciLayoutTarget(registry.dir);
      layouts.set(registry.dir, layout);
    }
    return new LayoutSignatureStore(layout, repository);
  };
}
