import { UserError } from '../util/errors.js';
import type { Descriptor, Platform } from './descriptor.js';
import { parseDigest } from './digest.js';
import { isJsonObject, parseJsonObject, stringRecord } from './json.js';
import { IMAGE_TYPES, INDEX_TYPES } from './media-types.js';

/** What a manifest refers to: child manifests (an index) or its config then layers (an image manifest). */
export interface ManifestReferences {
  readonly children: readonly Descriptor[];
  readonly blobs: readonly Descriptor[];
}

/**
 * Reads the descriptors out of a manifest's bytes. `mediaType` is the one its parent (or index.json)
 * gives it: a manifest that says otherwise about itself is refused, as registries refuse it.
 * `subject` names the source for errors, `what` the manifest ("manifest sha256:...").
 */
export function manifestReferences(
  bytes: Buffer,
  mediaType: string,
  subject: string,
  what: string,
): ManifestReferences {
  const fail = (problem: string): never => {
    throw new UserError(subject, `${what} ${problem}`, 'the image is damaged; write it again');
  };
  const isIndex = INDEX_TYPES.includes(mediaType);
  if (!isIndex && !IMAGE_TYPES.includes(mediaType)) {
    return fail(`has media type ${mediaType}, which is neither an image manifest nor an index`);
  }
  const manifest = parseJsonObject(bytes) ?? fail('is not a JSON object');
  if (manifest['schemaVersion'] !== 2) fail('does not have schemaVersion 2');
  const own = manifest['mediaType'];
  if (own !== undefined && own !== mediaType) {
    fail(`says it is ${String(own)}, but is listed as ${mediaType}`);
  }
  if (isIndex) {
    const list = manifest['manifests'];
    if (!Array.isArray(list)) return fail('has no manifests list');
    return {
      children: list.map((entry: unknown, i) => parseDescriptor(entry, subject, `${what} manifests[${i}]`)),
      blobs: [],
    };
  }
  if (IMAGE_TYPES.includes(mediaType)) {
    const layers = manifest['layers'];
    if (!Array.isArray(layers)) return fail('has no layers list');
    const config = parseDescriptor(manifest['config'], subject, `${what} config`);
    return {
      children: [],
      blobs: [
        config,
        ...layers.map((entry: unknown, i) => parseDescriptor(entry, subject, `${what} layers[${i}]`)),
      ],
    };
  }
  return fail(`has media type ${mediaType}, which is neither an image manifest nor an index`);
}

/** A descriptor as a manifest or index.json holds it, checked field by field; `where` says which one. */
export function parseDescriptor(value: unknown, subject: string, where: string): Descriptor {
  const fail = (problem: string): never => {
    throw new UserError(subject, `${where} ${problem}`, 'the image is damaged; write it again');
  };
  if (!isJsonObject(value)) return fail('is not a descriptor object');
  const { mediaType, digest, size, platform, annotations } = value;
  if (typeof mediaType !== 'string' || mediaType === '') return fail('has no mediaType');
  if (typeof digest !== 'string' || parseDigest(digest) === undefined) {
    return fail(`has a malformed digest ${JSON.stringify(digest)}`);
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return fail('has no valid size');
  const descriptor: { -readonly [K in keyof Descriptor]: Descriptor[K] } = { mediaType, digest, size };
  if (platform !== undefined) {
    descriptor.platform = parsePlatform(platform) ?? fail('has a malformed platform');
  }
  if (annotations !== undefined) {
    descriptor.annotations = stringRecord(annotations) ?? fail('has annotations that are not all strings');
  }
  return descriptor;
}

/** `{architecture, os, variant?}`, as descriptors and image configs both hold it; undefined when malformed. */
export function parsePlatform(value: unknown): Platform | undefined {
  if (!isJsonObject(value)) return undefined;
  const { architecture, os, variant } = value;
  if (typeof architecture !== 'string' || typeof os !== 'string') return undefined;
  if (variant !== undefined && typeof variant !== 'string') return undefined;
  return variant === undefined ? { architecture, os } : { architecture, os, variant };
}
