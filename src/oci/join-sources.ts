import { UserError } from '../util/errors.js';
import type { Descriptor } from './descriptor.js';
import { digestBytes } from './digest.js';
import type { ManifestNode, SourceImage } from './image.js';
import { platformField, platformOf, rejectDuplicatePlatforms } from './join-platforms.js';
import { MediaTypes } from './media-types.js';

/**
 * Assembles single-image sources (one per architecture) into one multi-arch OCI index, each listed
 * under the platform its config names, in the order given. The index bytes depend only on the parts,
 * so joining the same images again gives the same digest.
 */
export async function joinSources(parts: readonly SourceImage[]): Promise<SourceImage> {
  const name = parts.map((part) => part.name).join('+');
  if (parts.length === 0) throw new UserError('images', 'no source images to join');
  const members = await Promise.all(parts.map(async (part) => ({ part, platform: await platformOf(part) })));
  rejectDuplicatePlatforms(members, name);

  const children = members.map((member) => member.part.root);
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaTypes.ociIndex,
      manifests: members.map(({ part, platform }) => ({
        mediaType: part.root.mediaType,
        digest: part.root.digest,
        size: part.root.bytes.length,
        platform: platformField(platform),
      })),
    }),
  );
  const root: ManifestNode = {
    digest: digestBytes(bytes),
    mediaType: MediaTypes.ociIndex,
    bytes,
    children,
    blobs: [],
  };

  // Each blob is read from the first part that lists it (parts may share layers).
  const owners = new Map<string, SourceImage>();
  for (const part of parts)
    for (const blob of part.root.blobs) if (!owners.has(blob.digest)) owners.set(blob.digest, part);
  const ownerOf = (descriptor: Descriptor): SourceImage => {
    const owner = owners.get(descriptor.digest);
    if (owner === undefined) throw new UserError(name, `no joined image has blob ${descriptor.digest}`);
    return owner;
  };
  const origin = sharedOrigin(parts);
  return {
    name,
    root,
    ...(origin === undefined ? {} : { origin }),
    openBlob: async (descriptor) => ownerOf(descriptor).openBlob(descriptor),
    readBlob: async (descriptor) => ownerOf(descriptor).readBlob(descriptor),
    close: async () => {
      const results = await Promise.allSettled(parts.map((part) => part.close()));
      const failed = results.find((result) => result.status === 'rejected');
      if (failed !== undefined) throw failed.reason;
    },
  };
}

/** Parts that all come from one repository keep it as the origin, so a registry target can mount their blobs. */
function sharedOrigin(parts: readonly SourceImage[]): SourceImage['origin'] {
  const [first, ...others] = parts.map((part) => part.origin);
  if (first === undefined) return undefined;
  const same = others.every(
    (origin) => origin?.registry === first.registry && origin.repository === first.repository,
  );
  return same ? first : undefined;
}
