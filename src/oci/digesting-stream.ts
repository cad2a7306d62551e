import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { DigestAlgorithm } from './digest.js';

/**
 * A pass-through that digests and counts what flows through it, so a blob is checked in the same pass
 * that moves it. With `maxBytes`, it fails as soon as more arrives: a wrong blob is refused without
 * being written out in full.
 */
export class DigestingStream extends Transform {
  private readonly hash: Hash;
  private bytes = 0;

  constructor(
    private readonly algorithm: DigestAlgorithm = 'sha256',
    private readonly maxBytes?: { readonly limit: number; readonly error: () => Error },
  ) {
    super();
    this.hash = createHash(algorithm);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.maxBytes !== undefined && this.bytes > this.maxBytes.limit) {
      callback(this.maxBytes.error());
      return;
    }
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
