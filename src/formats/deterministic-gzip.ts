import { constants, gzipSync } from 'node:zlib';

/** Offset of the gzip header's OS byte (RFC 1952: ID1 ID2 CM FLG MTIME[4] XFL OS). */
const OS_BYTE = 9;
const UNIX = 3;

/**
 * Gzip whose bytes depend only on the input: no file name, mtime 0 (zlib's defaults), and the OS byte
 * pinned to Unix, which zlib otherwise sets from the platform it was built for. Republishing an
 * unchanged index then yields the same file and the same hash in Release and repomd.xml.
 */
export function deterministicGzip(bytes: Uint8Array | string): Buffer {
  const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
  gz[OS_BYTE] = UNIX;
  return gz;
}
