import { createHash } from 'node:crypto';

/** Digest algorithms we can check; anything else in a reference is refused rather than trusted. */
const ALGORITHMS = new Set(['sha256', 'sha512']);

const DIGEST = /^([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;

/** True for a reference that names content (`sha256:…`) rather than a tag. */
export function isDigest(reference: string): boolean {
  return DIGEST.test(reference);
}

/** The algorithm of a digest we can compute; undefined for one we cannot. */
export function algorithmOf(digest: string): string | undefined {
  const algorithm = DIGEST.exec(digest)?.[1];
  return algorithm && ALGORITHMS.has(algorithm) ? algorithm : undefined;
}

/** The digest of `bytes` (sha256 unless told otherwise). */
export function digestOf(bytes: Buffer, algorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}
