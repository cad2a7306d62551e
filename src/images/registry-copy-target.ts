import type { Readable } from 'node:stream';
import type { Descriptor } from '../oci/descriptor.js';
import type { ManifestNode, RegistryOrigin } from '../oci/image.js';
import type { RegistryClient } from '../registry/client.js';
import type { CopyTarget } from './copy-target.js';

/** One repository of a registry, as a copy target. */
export class RegistryCopyTarget implements CopyTarget {
  readonly name: string;
  readonly origin: RegistryOrigin;
  /** Manifests this run saw or stored here: asking again would only cost a request per tag. */
  private readonly knownManifests = new Set<string>();

  constructor(
    private readonly client: RegistryClient,
    private readonly registry: string,
    private readonly repository: string,
  ) {
    this.name = `${registry}/${repository}`;
    this.origin = { registry, repository };
  }

  tagDigest(tag: string): Promise<string | undefined> {
    return this.client.manifestDigest(this.repository, tag);
  }

  async hasManifest(digest: string): Promise<boolean> {
    if (this.knownManifests.has(digest)) return true;
    const present = (await this.client.manifestDigest(this.repository, digest)) === digest;
    if (present) this.knownManifests.add(digest);
    return present;
  }

  hasBlob(digest: string): Promise<boolean> {
    return this.client.hasBlob(this.repository, digest);
  }

  async mountBlob(digest: string, from: RegistryOrigin): Promise<boolean> {
    // A mount only works inside one registry; from elsewhere the bytes must travel.
    if (from.registry !== this.registry || from.repository === this.repository) return false;
    return this.client.mountBlob(this.repository, digest, from.repository);
  }

  putBlob(descriptor: Descriptor, open: () => Promise<Readable>): Promise<void> {
    return this.client.uploadBlob(this.repository, descriptor, open);
  }

  putManifest(reference: string, node: ManifestNode): Promise<string> {
    return this.client.putManifest(this.repository, reference, {
      bytes: node.bytes,
      mediaType: node.mediaType,
    });
  }
}
