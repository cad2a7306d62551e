import { gunzipSync } from 'node:zlib';

/**
 * The most a repository index (APT's Packages, YUM's primary/filelists/other) may open up to. Falco's
 * are a few MiB; a compressed index bigger than this is damaged or hostile (a few KiB of gzip can
 * open up to gigabytes), and is refused before it is held in memory whole.
 */
export const MAX_INDEX_BYTES = 128 * 1024 * 1024;

/** Gunzips an index read from a host; `what` names it in the error (`main/binary-amd64/Packages.gz`). */
export function gunzipIndex(bytes: Uint8Array, what: string): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_INDEX_BYTES });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new Error(
        `${what} opens up to more than ${MAX_INDEX_BYTES / 1024 / 1024} MiB, more than an index may hold`,
        { cause: error },
      );
    }
    throw error;
  }
}
