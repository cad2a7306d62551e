import type { Descriptor } from '../oci/descriptor.js';
import { algorithmOf } from '../oci/digest.js';
import { UserError } from '../util/errors.js';
import { allInOrder } from '../util/all-in-order.js';
import { mapConcurrent } from '../util/map-concurrent.js';
import type { ManifestNode, RegistryOrigin, SourceImage } from '../oci/image.js';
import type { CopyTarget } from './copy-target.js';

/** What a copy did: nothing (the tag already had the digest), only manifests (promotion), or blobs too. */
export type CopyOutcome = 'unchanged' | 'promoted' | 'copied';

/**
 * What the run knows about blobs across copies: where on the target's registry a blob already is (so a
 * second repository mounts it instead of uploading it again), and a note of each blob the target now holds.
 */
export interface BlobLedger {
  whereIs(digest: string): RegistryOrigin | undefined;
  stored(digest: string): void;
  /**
   * Runs `store` once no other copy of this run is storing the same blob in this registry: images
   * pushed at once share base layers, and the one that waits then mounts what the other uploaded
   * instead of uploading it again.
   */
  alone<T>(digest: string, store: () => Promise<T>): Promise<T>;
}

const NO_LEDGER: BlobLedger = {
  whereIs: () => undefined,
  stored: () => undefined,
  alone: (_digest, store) => store(),
};

export interface CopyResult {
  readonly digest: string;
  /** The digest the tag had before the copy; undefined when it did not exist. */
  readonly previous: string | undefined;
  readonly outcome: CopyOutcome;
  readonly blobsUploaded: number;
  readonly blobsMounted: number;
}

/**
 * Copies `source` to `target` as `tag`. A tag already at the digest is left alone; content the target
 * already holds is not sent again (a promotion is one manifest PUT per tag); children of an index go
 * before the index, blobs before their manifest, so the target never names what it does not hold.
 */
export async function copyImage(
  source: SourceImage,
  target: CopyTarget,
  tag: string,
  ledger: BlobLedger = NO_LEDGER,
): Promise<CopyResult> {
  const root = source.root;
  // Registries and layouts name a tagged manifest by the sha256 of its bytes: an image addressed by
  // another algorithm would be published under a digest other than its own. Refused before any write.
  const algorithm = algorithmOf(root.digest);
  if (algorithm !== 'sha256') {
    throw new UserError(
      source.name,
      `its manifest ${root.digest} is addressed by ${algorithm ?? 'an unknown algorithm'}, but tags are published by sha256 digest`,
      'write the image again with sha256 digests (the default of docker, buildah and skopeo)',
    );
  }
  const previous = await target.tagDigest(tag);
  if (previous === root.digest) {
    return { digest: root.digest, previous, outcome: 'unchanged', blobsUploaded: 0, blobsMounted: 0 };
  }
  const counts = { uploaded: 0, mounted: 0 };
  // A source read from this very repository is there already: its manifest GET proved it.
  const sameRepository =
    source.origin !== undefined &&
    source.origin.registry === target.origin?.registry &&
    source.origin.repository === target.origin.repository;
  const present = sameRepository || (await target.hasManifest(root.digest));
  if (!present) await copyContent(source, target, root, counts, ledger);
  const digest = await target.putManifest(tag, root);
  // Cannot happen: both targets return the sha256 of the bytes, which is root.digest (checked above).
  if (digest !== root.digest) {
    throw new Error(`${target.name}:${tag} stored ${digest}, expected ${root.digest}`);
  }
  return {
    digest,
    previous,
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
  ledger: BlobLedger,
): Promise<void> {
  // The images of an index (one per platform) share nothing the target must hold first: they go
  // together, each round trip paid once for all of them rather than once per platform.
  await allInOrder(
    node.children.map((child) => async () => {
      if (await target.hasManifest(child.digest)) return;
      await copyContent(source, target, child, counts, ledger);
      await target.putManifest(child.digest, child);
    }),
  );
  // The blobs of one image go a few at a time: an image of hundreds of layers must not open hundreds
  // of requests at once (the target limits uploads further). Every copy under way settles before a
  // failure is reported, and none starts after it: the caller closes the source right after.
  const unique = [...new Map(node.blobs.map((blob) => [blob.digest, blob])).values()];
  await mapConcurrent(unique, BLOBS_AT_ONCE, (blob) => copyBlob(source, target, blob, counts, ledger));
}

/** Blobs of one image checked (HEAD), mounted or uploaded at once. */
const BLOBS_AT_ONCE = 8;

async function copyBlob(
  source: SourceImage,
  target: CopyTarget,
  blob: Descriptor,
  counts: { uploaded: number; mounted: number },
  ledger: BlobLedger,
): Promise<void> {
  await ledger.alone(blob.digest, async () => {
    if (!(await target.hasBlob(blob.digest))) {
      // A mount moves no bytes: from the source's own repository, or from one this run already filled.
      const places = [source.origin, ledger.whereIs(blob.digest)].filter((place) => place !== undefined);
      let mounted = false;
      for (const from of places) if (!mounted) mounted = await target.mountBlob(blob.digest, from);
      if (mounted) counts.mounted++;
      else {
        await target.putBlob(blob, () => source.readBlob(blob));
        counts.uploaded++;
      }
    }
    ledger.stored(blob.digest);
  });
}
