import { createReadStream } from 'node:fs';
import { pipeline, Transform, type Readable } from 'node:stream';
import type { Progress } from '../util/progress.js';

/** Bytes per read of a counted body: a step to count every MiB rather than every 64 KiB. */
const COUNTED_READ_BYTES = 1024 * 1024;

/**
 * A local file's first `size` bytes as the body of a single PUT. With `progress`, each chunk is
 * counted as the request takes it (the same buffer passed on, not copied); without, the file's own
 * stream, as before.
 */
export function fileBody(
  file: { readonly file: string; readonly size: number },
  progress: Progress | undefined,
): Readable {
  const end = Math.max(file.size - 1, 0);
  if (progress === undefined) return createReadStream(file.file, { end });
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      progress.advance(chunk.length);
      done(null, chunk);
    },
  });
  // A read error reaches the request through the counter, which the SDK reads.
  return pipeline(
    createReadStream(file.file, { end, highWaterMark: COUNTED_READ_BYTES }),
    counter,
    () => undefined,
  );
}
