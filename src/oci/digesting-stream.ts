import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { DigestAlgorithm } from './digest.js';

/**
 * A pass-through that digests and counts what flows through it, so that content made on the way (a
 * layer compressed from a tar) gets its digest in the same pass. Content whose digest is known is
 * checked with a ContentCheck instead.
 */
export class DigestingStream extends Transform {
  private readonly hash: Hash;
  private bytes = 0;

  constructor(private readonly algorithm: DigestAlgorithm = 'sha256') {
    super();
    this.hash = createHash(algorithm);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    callback(null, chunk);
  }

  /** Bytes seen so far. */
  get size(): number {
    return this.bytes;
  }

  /** `<algorithm>:<hex>` of everything seen; call once, after the stream has ended. */
  digest(): string {
    return `${this.algorithm}:${this.hash.digest('hex')}`;
  }
}
