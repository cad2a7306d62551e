import { Readable } from 'node:stream';
import { isDigest } from '../oci/digest.js';
import { parseJsonObject } from '../oci/json.js';
import { UserError } from '../util/errors.js';
import type { OciLayoutTarget } from '../oci/layout-target.js';
import type { OciArtifact } from './oci-artifact.js';
import type { SignatureStore, StoredManifestContent } from './signature-store.js';

/**
 * One name inside an OCI image layout as a signature store: signature and referrers tags are index.json
 * entries `<repository>:sha256-<hex>[.sig]`, as `cosign save` and oras lay them out. A layout has no
 * referrers API, so its referrers are always listed by tag.
 */
export class LayoutSignatureStore implements SignatureStore {
  readonly name: string;

  constructor(
    private readonly layout: OciLayoutTarget,
    private readonly repository: string,
  ) {
    this.name = `${layout.dir} ${repository}`;
  }

  async manifest(reference: string): Promise<StoredManifestContent | undefined> {
    const digest = isDigest(reference)
      ? reference
      : await this.layout.tagDigest(`${this.repository}:${reference}`);
    const bytes = digest === undefined ? undefined : await this.layout.readSmallBlob(digest);
    if (bytes === undefined) return undefined;
    const mediaType = parseJsonObject(bytes)?.['mediaType'];
    return {
      mediaType: typeof mediaType === 'string' ? mediaType : 'application/vnd.oci.image.manifest.v1+json',
      bytes,
    };
  }

  async blob(digest: string): Promise<Buffer> {
    const bytes = await this.layout.readSmallBlob(digest);
    if (bytes === undefined) {
      throw new UserError(this.layout.dir, `lists ${digest} but holds no such blob`, 'check the layout');
    }
    return bytes;
  }

  async write(artifact: OciArtifact, reference: string): Promise<{ indexesReferrers: boolean }> {
    for (const { descriptor, bytes } of artifact.blobs) {
      await this.layout.writeBlob(descriptor, async () => Readable.from([bytes]));
    }
    const digest = await this.layout.putManifest(artifact.bytes, artifact.mediaType);
    if (!isDigest(reference)) {
      await this.layout.tag(`${this.repository}:${reference}`, {
        mediaType: artifact.mediaType,
        digest,
        size: artifact.bytes.length,
      });
    }
    return { indexesReferrers: false };
  }
}
