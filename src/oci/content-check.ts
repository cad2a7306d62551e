import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { algorithmOf } from './digest.js';

/** What a blob must be: its digest, and its size when it is known. */
export interface ExpectedContent {
  readonly digest: string;
  /** Checked too when known: a longer blob fails as soon as it passes the size. */
  readonly size?: number;
}

/**
 * Checks a blob's bytes against what it must be while they pass: `update` with each chunk (it throws
 * as soon as they run past the size), `verify` once they are all there. Its errors come from
 * `mismatch` and stay in `failure`, to tell a wrong blob from a failure of the transfer that moved it.
 */
export class ContentCheck {
  private readonly hash: Hash;
  private bytes = 0;
  private verified = false;
  failure: Error | undefined;

  constructor(
    private readonly expected: ExpectedContent,
    private readonly mismatch: (problem: string) => Error,
  ) {
    const algorithm = algorithmOf(expected.digest);
    if (!algorithm) throw mismatch(`cannot check the digest ${expected.digest} (sha256 and sha512 only)`);
    this.hash = createHash(algorithm);
  }

  /** True when the size is known: the check can tell the last chunk when it comes. */
  get sized(): boolean {
    return this.expected.size !== undefined;
  }

  /** True when the size is known and every byte of it is in: the digest can be checked now. */
  get complete(): boolean {
    return this.expected.size !== undefined && this.bytes === this.expected.size;
  }

  update(chunk: Buffer): void {
    this.bytes += chunk.length;
    const { size } = this.expected;
    if (size !== undefined && this.bytes > size)
      throw this.fail(`the content is longer than its ${size} bytes`);
    this.hash.update(chunk);
  }

  /** Throws unless the bytes so far are the whole content; the first call decides, later ones repeat it. */
  verify(): void {
    if (this.failure) throw this.failure;
    if (this.verified) return;
    const { size, digest } = this.expected;
    if (size !== undefined && this.bytes !== size) {
      throw this.fail(`the content has ${this.bytes} bytes, not ${size}`);
    }
    const actual = `${digest.slice(0, digest.indexOf(':'))}:${this.hash.digest('hex')}`;
    if (actual !== digest) throw this.fail(`the content has digest ${actual}`);
    this.verified = true;
  }

  private fail(problem: string): Error {
    this.failure = this.mismatch(problem);
    return this.failure;
  }
}

/**
 * `chunks` through `check`, the last of them let out only once the content checked out: a reader
 * that counts on the whole content (an upload with its Content-Length, the closing PUT of a chunked
 * upload) never gets a wrong blob complete. With the size known the check is made when the last byte
 * is in and nothing is held back, so the chunks may share one buffer; without it each chunk waits for
 * the next (they must not share one).
 */
export async function* checkedChunks(
  chunks: AsyncIterable<Buffer>,
  check: ContentCheck,
): AsyncGenerator<Buffer> {
  let held: Buffer | undefined;
  for await (const chunk of chunks) {
    check.update(chunk);
    if (check.complete) check.verify();
    if (check.sized) {
      yield chunk;
      continue;
    }
    if (held) yield held;
    held = chunk;
  }
  check.verify();
  if (held) yield held;
}

/** `checkedChunks` as a stream, for a reader that wants one (a blob read from a registry). */
export class DigestCheck extends Transform {
  private held: Buffer | undefined;

  constructor(private readonly check: ContentCheck) {
    super();
  }

  get failure(): Error | undefined {
    return this.check.failure;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.check.update(chunk);
    } catch (error) {
      return done(error as Error);
    }
    const previous = this.held;
    this.held = chunk;
    done(null, previous);
  }

  override _flush(done: TransformCallback): void {
    try {
      this.check.verify();
    } catch (error) {
      return done(error as Error);
    }
    done(null, this.held);
  }
}
