import { createHash, randomFill } from 'node:crypto';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';

const BLOCK = 8 * 1024 * 1024;

/** Random bytes (nothing along the way can compress or skip them), written in blocks; returns their sha256 (hex). */
export async function writeRandomFile(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  const block = Buffer.alloc(BLOCK);
  const handle = await open(path, 'w');
  try {
    for (let written = 0; written < size; written += block.length) {
      await promisify(randomFill)(block);
      const bytes = block.subarray(0, Math.min(block.length, size - written));
      hash.update(bytes);
      await handle.write(bytes);
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
