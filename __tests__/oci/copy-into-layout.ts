import type { ManifestNode, SourceImage } from '../../src/oci/image.js';
import type { OciLayoutTarget } from '../../src/oci/layout-target.js';

/**
 * The smallest correct copy of a source into a layout, for tests: children before their index, blobs
 * before their manifest, then the tag. (The action's own copy logic lives in src/image-drivers/.)
 */
export async function copyIntoLayout(
  source: SourceImage,
  target: OciLayoutTarget,
  tag: string,
): Promise<string> {
  const digest = await copyNode(source, target, source.root);
  await target.tag(tag, { mediaType: source.root.mediaType, digest, size: source.root.bytes.length });
  return digest;
}

async function copyNode(source: SourceImage, target: OciLayoutTarget, node: ManifestNode): Promise<string> {
  for (const child of node.children) await copyNode(source, target, child);
  await Promise.all(node.blobs.map((blob) => target.writeBlob(blob, () => source.openBlob(blob))));
  return target.putManifest(node.bytes, node.mediaType);
}
