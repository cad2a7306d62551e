import { UserError } from '../util/errors.js';
import type { Descriptor, Platform } from './descriptor.js';
import { digestBytes, parseDigest } from './digest.js';
import { configPlatform } from './image-config.js';
import type { ManifestNode, SourceImage } from './image.js';
import { IMAGE_TYPES, MediaTypes } from './media-types.js';

/** Configs are a few KiB (long histories reach a few hundred); more is not a config, and is not buffered. */
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

interface Member {
  readonly part: SourceImage;
  readonly platform: Platform;
}

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

async function platformOf(part: SourceImage): Promise<Platform> {
  const { root } = part;
  if (!IMAGE_TYPES.includes(root.mediaType)) {
    throw new UserError(
      part.name,
      `is a multi-arch index (${root.mediaType}); only single-image sources can be joined with +`,
      'join one image per architecture, or publish this index on its own',
    );
  }
  const [config] = root.blobs;
  if (config === undefined) throw new UserError(part.name, 'its manifest has no config');
  return configPlatform(await readConfig(part, config), part.name);
}

async function readConfig(part: SourceImage, config: Descriptor): Promise<Buffer> {
  if (config.size > MAX_CONFIG_BYTES) {
    throw new UserError(part.name, `its config is ${config.size} bytes, too large for an image config`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await part.openBlob(config)) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > config.size) break; // more than promised: the digest check below fails it
    chunks.push(buffer);
  }
  const bytes = Buffer.concat(chunks);
  const algorithm = parseDigest(config.digest)?.algorithm ?? 'sha256';
  if (size !== config.size || digestBytes(bytes, algorithm) !== config.digest) {
    throw new UserError(
      part.name,
      `its config does not match its digest ${config.digest}`,
      'the image is damaged',
    );
  }
  return bytes;
}

/** The platform as an index lists it: variant only when there is one, keys in one fixed order. */
function platformField(platform: Platform): Platform {
  const { architecture, os, variant } = platform;
  return variant === undefined || variant === '' ? { architecture, os } : { architecture, os, variant };
}

function describePlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

/** What a runtime picks an image by: linux/arm64 and linux/arm64/v8 are the same platform to it. */
function platformKey(platform: Platform): string {
  const variant =
    platform.architecture === 'arm64' && platform.variant === 'v8' ? '' : (platform.variant ?? '');
  return `${platform.os}/${platform.architecture}/${variant}`;
}

function rejectDuplicatePlatforms(members: readonly Member[], name: string): void {
  const seen = new Map<string, Member>();
  for (const member of members) {
    const key = platformKey(member.platform);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new UserError(
        name,
        `${earlier.part.name} and ${member.part.name} are both ${describePlatform(member.platform)} images`,
        'join one image per platform',
      );
    }
    seen.set(key, member);
  }
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
