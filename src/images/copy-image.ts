import type { Descriptor } from '../oci/descriptor.js';
import type { ManifestNode, SourceImage } from '../oci/image.js';
import type { CopyTarget } from './copy-target.js';

/** What a copy did: nothing (the tag already had the digest), only manifests (promotion), or blobs too. */
export type CopyOutcome = 'unchanged' | 'promoted' | 'copied';

export interface CopyResult {
  readonly digest: string;
  readonly outcome: CopyOutcome;
  readonly blobsUploaded: number;
  readonly blobsMounted: number;
}

/**
 * Copies `source` to `target` as `tag`. A tag already at the digest is left alone; content the target
 * already holds is not sent again (a promotion is one manifest PUT per tag); children of an index go
 * before the index, blobs before their manifest, so the target never names what it does not hold.
 */
export async function copyImage(source: SourceImage, target: CopyTarget, tag: string): Promise<CopyResult> {
  const root = source.root;
  if ((await target.tagDigest(tag)) === root.digest) {
    return { digest: root.digest, outcome: 'unchanged', blobsUploaded: 0, blobsMounted: 0 };
  }
  const counts = { uploaded: 0, mounted: 0 };
  const present = await target.hasManifest(root.digest);
  if (!present) await copyContent(source, target, root, counts);
  const digest = await target.putManifest(tag, root);
  if (digest !== root.digest) {
    throw new Error(`${target.name}:${tag} stored ${digest}, expected ${root.digest}`);
  }
  return {
    digest,
    outcome: present ? 'promoted' : 'copied',
    blobsUploaded: counts.uploaded,
    blobsMounted: counts.mounted,
  };
}

/** Everything a manifest needs before it can be stored: its children (stored by digest) or its blobs. */
async function copyContent(
  source: SourceImage,
  target: CopyTarget,
  node: ManifestNode,
  counts: { uploaded: number; mounted: number },
): Promise<void> {
  for (const child of node.children) {
    if (await target.hasManifest(child.digest)) continue;
    await copyContent(source, target, child, counts);
    await target.putManifest(child.digest, child);
  }
  // The blobs of one image go in parallel; the target limits how many uploads run at once.
  const unique = [...new Map(node.blobs.map((blob) => [blob.digest, blob])).values()];
  await Promise.all(unique.map((blob) => copyBlob(source, target, blob, counts)));
}

async function copyBlob(
  source: SourceImage,
  target: CopyTarget,
  blob: Descriptor,
  counts: { uploaded: number; mounted: number },
): Promise<void> {
  if (await target.hasBlob(blob.digest)) return;
  if (source.origin && (await target.mountBlob(blob.digest, source.origin))) {
    counts.mounted++;
    return;
  }
  await target.putBlob(blob, () => source.openBlob(blob));
  counts.uploaded++;
}
