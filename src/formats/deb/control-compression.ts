import { promisify } from 'node:util';
import { gunzip, zstdDecompress } from 'node:zlib';
import { xzDecompressBytes } from './xz.js';

/** How a .deb's control.tar member is compressed, told by its name (dpkg names it that way). */
export type ControlCompression = 'none' | 'gzip' | 'xz' | 'zstd';

const BY_NAME: Readonly<Record<string, ControlCompression>> = {
  'control.tar': 'none',
  'control.tar.gz': 'gzip',
  'control.tar.xz': 'xz',
  'control.tar.zst': 'zstd',
};

/** The compression of a control member; undefined for one dpkg does not write (`control.tar.bz2`...). */
export function controlCompression(memberName: string): ControlCompression | undefined {
  return Object.hasOwn(BY_NAME, memberName) ? BY_NAME[memberName] : undefined;
}

export const CONTROL_MEMBERS = Object.keys(BY_NAME);

const gunzipAsync = promisify(gunzip);
const zstdAsync = promisify(zstdDecompress);

/**
 * The control.tar bytes. Output is capped at `maxBytes`: control.tar holds a few small files, and
 * a cap keeps a damaged or hostile member from expanding into all of memory.
 */
export async function decompressControl(
  bytes: Buffer,
  compression: ControlCompression,
  maxBytes: number,
): Promise<Buffer> {
  switch (compression) {
    case 'none':
      return bytes;
    case 'gzip':
      return gunzipAsync(bytes, { maxOutputLength: maxBytes });
    case 'zstd':
      return zstdAsync(bytes, { maxOutputLength: maxBytes });
    case 'xz':
      return xzDecompressBytes(bytes, maxBytes);
  }
}
