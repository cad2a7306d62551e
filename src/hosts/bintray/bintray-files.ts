import { UserError } from '../../util/errors.js';
import type { BintrayReply } from './bintray-api.js';

/** A file Bintray holds, as its file lists describe it. */
export interface RemoteFile {
  /** The path inside the repository (`stable/falco-0.26.0-x86_64.deb`). */
  readonly path: string;
  readonly version: string;
  readonly sha256: string;
  readonly size: number;
}

/**
 * Reads a file list of the API (`…/files`, `…/versions/<v>/files`): a JSON array of objects with at
 * least `path`, `version`, `sha256` and `size`. An entry without them is not a file we can compare.
 */
export function parseFiles(reply: BintrayReply, url: string): RemoteFile[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.body.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed)) throw unreadable(url, 'a file list that is not a JSON array');
  return parsed.map((entry: unknown) => {
    const file = entry as Partial<Record<keyof RemoteFile, unknown>> | null;
    const { path, version, sha256, size } = file ?? {};
    if (
      typeof path !== 'string' ||
      typeof version !== 'string' ||
      typeof sha256 !== 'string' ||
      !/^[a-f0-9]{64}$/i.test(sha256) ||
      typeof size !== 'number'
    ) {
      throw unreadable(url, 'a file without path, version, sha256 or size');
    }
    return { path, version, sha256: sha256.toLowerCase(), size };
  });
}

/** Reads Get Package's `versions` (newest first, as Bintray lists them). */
export function parseVersions(reply: BintrayReply, url: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.body.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const versions = (parsed as { versions?: unknown } | null)?.versions;
  if (!Array.isArray(versions) || !versions.every((version) => typeof version === 'string')) {
    throw unreadable(url, 'a package without a list of versions');
  }
  return versions as string[];
}

function unreadable(url: string, what: string): UserError {
  return new UserError(
    'package-host',
    `${url} answered ${what}`,
    'check that bintray-api-url is a Bintray-compatible API',
  );
}
