import { UserError } from '../util/errors.js';
import type { Platform } from './descriptor.js';
import { parseDigest } from './digest.js';
import { isJsonObject, parseJsonObject, type JsonObject } from './json.js';
import { parsePlatform } from './manifest-references.js';

const REBUILD = 'the image is damaged; build or save it again';

/** An image config (the JSON that `docker inspect` shows), read for the two things we need from it. */
function parseConfig(bytes: Buffer, subject: string): JsonObject {
  const config = parseJsonObject(bytes);
  if (config === undefined) throw new UserError(subject, 'the image config is not a JSON object', REBUILD);
  return config;
}

/** The platform the image was built for: what a multi-arch index lists it under. */
export function configPlatform(bytes: Buffer, subject: string): Platform {
  const platform = parsePlatform(parseConfig(bytes, subject));
  if (platform === undefined) {
    throw new UserError(subject, 'the image config names no architecture and os', REBUILD);
  }
  return platform;
}

/** rootfs.diff_ids: the digest of each layer uncompressed, in order. */
export function configDiffIds(bytes: Buffer, subject: string): readonly string[] {
  const rootfs = parseConfig(bytes, subject)['rootfs'];
  const diffIds: unknown = isJsonObject(rootfs) ? rootfs['diff_ids'] : undefined;
  const ids: readonly unknown[] = Array.isArray(diffIds) ? diffIds : [];
  if (!Array.isArray(diffIds) || !ids.every(isDigest)) {
    throw new UserError(subject, 'the image config has no valid rootfs.diff_ids', REBUILD);
  }
  return ids;
}

function isDigest(value: unknown): value is string {
  return typeof value === 'string' && parseDigest(value) !== undefined;
}
