import type { Descriptor } from '../oci/descriptor.js';
import type { BlobReader, ManifestNode } from '../oci/image.js';
import type { OciLayoutTarget } from '../oci/layout-target.js';
import { isDigest } from '../oci/digest.js';
import type { CopyTarget } from './copy-target.js';

/**
 * One repository inside an OCI image layout: its tags are index.json entries named `<repository>:<tag>`
 * (`org.opencontainers.image.ref.name`), which is how `skopeo inspect oci:<dir>:<repository>:<tag>` finds them.
 */
export class LayoutCopyTarget implements CopyTarget {
  readonly name: string;

  constructor(
    private readonly layout: OciLayoutTarget,
    private readonly repository: string,
  ) {
    this.name = `${layout.dir} ${repository}`;
  }

  tagDigest(tag: string): Promise<string | undefined> {
    return this.layout.tagDigest(`${this.repository}:${tag}`);
  }

  hasManifest(digest: string): Promise<boolean> {
    return this.layout.hasManifest(digest);
  }

  hasBlob(digest: string): Promise<boolean> {
    return this.layout.hasBlob(digest);
  }

  async mountBlob(): Promise<boolean> {
    // One layout is one blob store: a blob of another repository is already found by hasBlob.
    return false;
  }

  putBlob(descriptor: Descriptor, open: () => Promise<BlobReader>): Promise<void> {
    return this.layout.writeBlob(descriptor, open);
  }

  async putManifest(reference: string, node: ManifestNode): Promise<string> {
    const digest = await this.layout.putManifest(node.bytes, node.mediaType);
    if (!isDigest(reference)) {
      await this.layout.tag(`${this.repository}:${reference}`, {
        mediaType: node.mediaType,
        digest,
        size: node.bytes.length,
      });
    }
    return digest;
  }
}
