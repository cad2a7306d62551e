import { UserError } from '../util/errors.js';
import type { Descriptor, Platform } from './descriptor.js';
import { digestBytes, parseDigest } from './digest.js';
import { configPlatform } from './image-config.js';
import type { SourceImage } from './image.js';
import { IMAGE_TYPES } from './media-types.js';

/** Configs are a few KiB (long histories reach a few hundred); more is not a config, and is not buffered. */
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

/** A part of a join, with the platform its config names. */
export interface Member {
  readonly part: SourceImage;
  readonly platform: Platform;
}

/** The platform an image's config names; an index cannot be joined. */
export async function platformOf(part: SourceImage): Promise<Platform> {
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
export function platformField(platform: Platform): Platform {
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

/** Refuses two parts that a runtime would take for the same platform. */
export function rejectDuplicatePlatforms(members: readonly Member[], name: string): void {
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
