import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Progress } from '../util/progress.js';

/** Bytes per read and write of a counted copy: few steps, and one buffer of this size per copy. */
const COPY_CHUNK_BYTES = 1024 * 1024;

/**
 * Copies a local file into `out` (to its end, as copyFile does), telling `progress` of each step once
 * it is written. One buffer serves the whole copy: it is filled again only after the write of its
 * previous bytes has called back.
 */
export function countedCopy(file: string, progress: Progress): (out: Writable) => Promise<void> {
  return async (out) => {
    // A failed write reports to its callback; without a listener the 'error' it also emits would throw.
    out.on('error', () => undefined);
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        const bytes = bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
        await new Promise<void>((resolve, reject) => {
          out.write(bytes, (error) => (error ? reject(error) : resolve()));
        });
        progress.advance(bytesRead);
      }
    } finally {
      await handle.close();
    }
    out.end();
    await finished(out);
  };
}
