import { basename } from 'node:path';
import type { Subject } from './in-toto.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * An image as `actions/attest` names a registry subject: the fully-qualified repository, lower case,
 * without a tag (the digest pins the image): `docker.io/falcosecurity/falco`. Docker Hub is always
 * `docker.io`, the name that action asks for, whichever of its host names the target was given as.
 */
export function imageSubject(registryHost: string, repository: string, manifestDigest: string): Subject {
  const host = registryHost.toLowerCase() === 'index.docker.io' ? 'docker.io' : registryHost;
  const hex = manifestDigest.startsWith('sha256:') ? manifestDigest.slice('sha256:'.length) : '';
  return { name: `${host}/${repository}`.toLowerCase(), digest: { sha256: checkedHex(hex, manifestDigest) } };
}

/** A package as `actions/attest` names a file subject: by its file name, without the directories. */
export function packageSubject(path: string, sha256: string): Subject {
  return { name: basename(path), digest: { sha256: checkedHex(sha256, sha256) } };
}

/**
 * Subjects in a stable order (by name, then digest, in code-unit order), each name and digest once:
 * the statement then depends only on what was published, not on the order the steps ran in.
 */
export function sortedSubjects(subjects: readonly Subject[]): Subject[] {
  const unique = new Map(subjects.map((subject) => [`${subject.digest.sha256} ${subject.name}`, subject]));
  return [...unique.values()].sort(
    (a, b) => byCodeUnits(a.name, b.name) || byCodeUnits(a.digest.sha256, b.digest.sha256),
  );
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Digests come from what this action hashed or pushed: a malformed one is a defect, not a user's mistake.
function checkedHex(hex: string, given: string): string {
  if (!SHA256_HEX.test(hex)) throw new Error(`a provenance subject needs a sha256 digest, not ${given}`);
  return hex;
}
