import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { checkedChunks, type ContentCheck } from './content-check.js';
import type { BlobReader } from './image.js';
import type { Progress } from '../util/progress.js';

/**
 * Writes a blob's chunks into `file` through `check`, each one on its way before the next is asked for
 * (the reader may reuse its buffer), and ends the file once the whole content checked out. Each chunk
 * goes into `progress` once it is written.
 */
export async function writeChecked(
  reader: BlobReader,
  check: ContentCheck,
  file: Writable,
  progress?: Progress,
): Promise<void> {
  // A failed write reports to its callback; without a listener the 'error' it also emits would throw.
  file.on('error', () => undefined);
  try {
    for await (const chunk of checkedChunks(reader, check)) {
      await new Promise<void>((resolve, reject) => {
        file.write(chunk, (error) => (error ? reject(error) : resolve()));
      });
      progress?.advance(chunk.length);
    }
  } finally {
    reader.destroy();
  }
  file.end();
  await finished(file);
}
