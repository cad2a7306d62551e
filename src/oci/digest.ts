import { createHash } from 'node:crypto';

/**
 * The digest algorithms of OCI descriptors, with the hex length each fixes. Holding a digest to exactly
 * this shape is also what makes it safe as a file name under blobs/: no `/`, no `..`.
 */
const HEX_LENGTHS = { sha256: 64, sha512: 128 } as const;

export type DigestAlgorithm = keyof typeof HEX_LENGTHS;

export interface ParsedDigest {
  readonly algorithm: DigestAlgorithm;
  readonly hex: string;
}

/** The digest grammar of the distribution spec: any algorithm, any encoding. */
const DIGEST = /^([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;

function isAlgorithm(name: string): name is DigestAlgorithm {
  return Object.hasOwn(HEX_LENGTHS, name);
}

/** `sha256:<64 hex>` or `sha512:<128 hex>` → its parts; undefined for anything else. */
export function parseDigest(digest: string): ParsedDigest | undefined {
  const match = /^([a-z0-9]+):([a-f0-9]+)$/.exec(digest);
  const algorithm = match?.[1];
  const hex = match?.[2];
  if (algorithm === undefined || hex === undefined || !isAlgorithm(algorithm)) return undefined;
  return hex.length === HEX_LENGTHS[algorithm] ? { algorithm, hex } : undefined;
}

/** True for a reference that names content (`sha256:…`, or a digest of an algorithm we cannot compute) rather than a tag. */
export function isDigest(reference: string): boolean {
  return DIGEST.test(reference);
}

/** The algorithm of a digest, when it is one we can compute; anything else is refused rather than trusted. */
export function algorithmOf(digest: string): DigestAlgorithm | undefined {
  const algorithm = DIGEST.exec(digest)?.[1];
  return algorithm !== undefined && isAlgorithm(algorithm) ? algorithm : undefined;
}

/** The digest of bytes held in memory (manifests, configs): small enough to hash in one go. */
export function digestBytes(bytes: Buffer, algorithm: DigestAlgorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** `sha256:` and the first 12 hex digits of a digest, for log lines that need only tell blobs apart. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  return digest.length > colon + 13 ? `${digest.slice(0, colon + 13)}…` : digest;
}
