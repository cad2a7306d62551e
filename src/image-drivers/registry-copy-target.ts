import type { Descriptor } from '../oci/descriptor.js';
import type { BlobReader, ManifestNode, RegistryOrigin } from '../oci/image.js';
import type { RegistryClient } from '../registry/client.js';
import { isDigest } from '../oci/digest.js';
import type { CopyTarget } from './copy-target.js';

/** What a copy target asks of a registry's client. */
export type TargetClient = Pick<
  RegistryClient,
  'listedTags' | 'manifestDigest' | 'hasBlob' | 'mountBlob' | 'uploadBlob' | 'putManifest'
>;

/** One repository of a registry, as a copy target. */
export class RegistryCopyTarget implements CopyTarget {
  readonly name: string;
  readonly origin: RegistryOrigin;
  /** Manifests this run saw or stored here: asking again would only cost a request per tag. */
  private readonly knownManifests = new Set<string>();
  /** Tags this run stored here: the repository's tag list, read before, says nothing about them. */
  private readonly writtenTags = new Set<string>();

  constructor(
    private readonly client: TargetClient,
    private readonly registry: string,
    private readonly repository: string,
  ) {
    this.name = `${registry}/${repository}`;
    this.origin = { registry, repository };
  }

  /**
   * A tag missing from the repository's tag list (one request for all its tags, shared with `latest:
   * auto`) needs no HEAD of its own: it gets written either way, and one that appeared after the list
   * was read is overwritten just as it would be after a HEAD. A listed tag is looked at, so that one
   * that already has the digest is left alone and a re-run writes nothing.
   */
  async tagDigest(tag: string): Promise<string | undefined> {
    if (!this.writtenTags.has(tag)) {
      const listed = await this.client.listedTags(this.repository);
      if (listed !== undefined && !listed.has(tag)) return undefined;
    }
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

  putBlob(descriptor: Descriptor, open: () => Promise<BlobReader>): Promise<void> {
    return this.client.uploadBlob(this.repository, descriptor, open);
  }

  async putManifest(reference: string, node: ManifestNode): Promise<string> {
    if (!isDigest(reference)) this.writtenTags.add(reference);
    return this.client.putManifest(this.repository, reference, {
      bytes: node.bytes,
      mediaType: node.mediaType,
    });
  }
}
