import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { algorithmOf } from './digest.js';

export interface ExpectedContent {
  readonly digest: string;
  /** Checked too when known: a longer stream fails as soon as it passes the size. */
  readonly size?: number;
}

/**
 * Passes a blob through while hashing it, and fails the stream when the content is not what was
 * expected. The last piece is held back until the check passed: a reader that counts on the whole
 * content (an upload with its Content-Length, a chunked upload's final PUT) never gets it complete
 * when it is wrong, so a wrong blob is never committed.
 */
export class DigestCheck extends Transform {
  private readonly hash: Hash;
  private bytes = 0;
  private held: Buffer | undefined;
  /** The error the check failed with, to tell it from transport failures of the same stream. */
  failure: Error | undefined;

  constructor(
    private readonly expected: ExpectedContent,
    private readonly mismatch: (problem: string) => Error,
  ) {
    super();
    const algorithm = algorithmOf(expected.digest);
    if (!algorithm) throw mismatch(`cannot check the digest ${expected.digest} (sha256 and sha512 only)`);
    this.hash = createHash(algorithm);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    const { size } = this.expected;
    if (size !== undefined && this.bytes > size) {
      return done(this.fail(`the content is longer than its ${size} bytes`));
    }
    const previous = this.held;
    this.held = chunk;
    done(null, previous);
  }

  override _flush(done: TransformCallback): void {
    const { size, digest } = this.expected;
    if (size !== undefined && this.bytes !== size) {
      return done(this.fail(`the content has ${this.bytes} bytes, not ${size}`));
    }
    const actual = `${digest.slice(0, digest.indexOf(':'))}:${this.hash.digest('hex')}`;
    if (actual !== digest) return done(this.fail(`the content has digest ${actual}`));
    done(null, this.held);
  }

  private fail(problem: string): Error {
    this.failure = this.mismatch(problem);
    return this.failure;
  }
}
