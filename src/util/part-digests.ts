import { createHash, type Hash } from 'node:crypto';

/**
 * The sha256 (hex) of each `partSize`-byte part of a file, the last one shorter: what a store that
 * takes a file in parts checks each part against (S3 verifies a part's `x-amz-content-sha256`).
 */
export interface PartDigests {
  readonly partSize: number;
  readonly sha256: readonly string[];
}

/** Hashes a file's bytes, given in order and in chunks of any size, part by part. */
export class PartHasher {
  private readonly digests: string[] = [];
  private current: Hash = createHash('sha256');
  private filled = 0;

  constructor(private readonly partSize: number) {
    if (!Number.isSafeInteger(partSize) || partSize <= 0) throw new Error(`part size ${partSize} is no size`);
  }

  update(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(this.partSize - this.filled, chunk.length - offset);
      this.current.update(chunk.subarray(offset, offset + take));
      this.filled += take;
      offset += take;
      if (this.filled === this.partSize) this.endPart();
    }
  }

  /** The digests of every part; a file of no bytes has no part. */
  finish(): PartDigests {
    if (this.filled > 0) this.endPart();
    return { partSize: this.partSize, sha256: this.digests };
  }

  private endPart(): void {
    this.digests.push(this.current.digest('hex'));
    this.current = createHash('sha256');
    this.filled = 0;
  }
}
