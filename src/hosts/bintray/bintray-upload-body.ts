import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline, Transform, type Readable } from 'node:stream';
import type { Progress } from '../../util/progress.js';

/**
 * A package file on its way up, streamed: each attempt reads it anew, and its bytes are hashed (and
 * counted for the progress lines) as they go, so what was sent can be compared with what was planned.
 */
export class UploadBody {
  private hash: Hash = createHash('sha256');

  constructor(
    private readonly file: string,
    private readonly progress: Progress,
  ) {}

  /** A fresh stream of the file, for one attempt. */
  open(): Readable {
    const hash = createHash('sha256');
    this.hash = hash;
    const progress = this.progress;
    progress.restart();
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        progress.advance(chunk.length);
        done(null, chunk);
      },
    });
    // A read failure destroys the counted stream with it, which fails the request.
    return pipeline(createReadStream(this.file), counted, () => undefined);
  }

  /** The sha256 (hex) of the bytes the last attempt sent. */
  sentSha256(): string {
    return this.hash.copy().digest('hex');
  }
}
