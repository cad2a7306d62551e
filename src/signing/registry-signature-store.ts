import { Readable } from 'node:stream';
import type { RegistryClient } from '../registry/client.js';
import type { OciArtifact } from './oci-artifact.js';
import type { SignatureStore, StoredManifestContent } from './signature-store.js';

/** What a signature store asks of a registry's client. */
export type SignatureClient = Pick<
  RegistryClient,
  'getManifest' | 'uploadBlob' | 'storeManifest' | 'openBlob'
>;

/** One repository of a registry as a signature store: signatures live beside the image they sign. */
export class RegistrySignatureStore implements SignatureStore {
  readonly name: string;
  /** Blobs stored here by this run (the empty config every referrer shares): not sent again. */
  private readonly stored = new Set<string>();

  constructor(
    private readonly client: SignatureClient,
    registry: string,
    private readonly repository: string,
  ) {
    this.name = `${registry}/${repository}`;
  }

  async manifest(reference: string): Promise<StoredManifestContent | undefined> {
    return this.client.getManifest(this.repository, reference);
  }

  async blob(digest: string): Promise<Buffer> {
    // The client checks the digest as the stream ends.
    const chunks: Buffer[] = [];
    for await (const chunk of await this.client.openBlob(this.repository, digest))
      chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async write(artifact: OciArtifact, reference: string): Promise<{ indexesReferrers: boolean }> {
    // No HEAD first: a signature's blobs are a few hundred bytes, almost always new (a bundle, a config
    // naming its layers), and storing one that is there already changes nothing. The HEAD would cost a
    // round trip to save one.
    for (const { descriptor, bytes } of artifact.blobs) {
      if (this.stored.has(descriptor.digest)) continue;
      await this.client.uploadBlob(this.repository, descriptor, async () => Readable.from([bytes]));
      this.stored.add(descriptor.digest);
    }
    const stored = await this.client.storeManifest(this.repository, reference, {
      bytes: artifact.bytes,
      mediaType: artifact.mediaType,
    });
    return { indexesReferrers: stored.indexesReferrers };
  }
}
