import { createHash } from 'node:crypto';

/** sha256 of bytes in memory, lower-case hex: how indexes, repodata and the directory store name content. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
