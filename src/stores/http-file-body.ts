import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import type { Progress } from '../util/progress.js';
import { changedSincePlanned } from './s3-digest.js';

/** Bytes per read: few steps for a large package, one buffer of this size in flight. */
const READ_BYTES = 1024 * 1024;

/**
 * A local file as a PUT body that checks what it sends against what was planned: its sha256 is
 * computed as the bytes go, and the last chunk is held back until the whole file has been read and
 * found to be the planned size and sha256. A file changed since it was planned therefore never
 * reaches the server whole: the request ends short of its Content-Length, which a server discards,
 * and the error names the file.
 */
export function verifiedFileBody(
  file: { readonly file: string; readonly size: number },
  sha256: string | undefined,
  progress: Progress,
): Readable {
  const hash = createHash('sha256');
  let held: Buffer | undefined;
  let seen = 0;
  const verifier = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      hash.update(chunk);
      seen += chunk.length;
      // Longer than planned: stop before the request could have its Content-Length of bytes.
      if (seen > file.size) {
        done(changedSincePlanned(file.file));
        return;
      }
      const previous = held;
      held = chunk;
      if (previous !== undefined) progress.advance(previous.length);
      done(null, previous);
    },
    flush(done: TransformCallback) {
      if (seen !== file.size || (sha256 !== undefined && hash.digest('hex') !== sha256)) {
        done(changedSincePlanned(file.file));
        return;
      }
      if (held !== undefined) progress.advance(held.length);
      done(null, held);
    },
  });
  // A read error reaches the request through the verifier, which the request reads.
  return pipeline(createReadStream(file.file, { highWaterMark: READ_BYTES }), verifier, () => undefined);
}
