import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Progress } from '../../util/progress.js';

/**
 * A request body streamed from a file, never read whole into memory, that can be sent again: each
 * iteration opens the file anew, so a request the throttling plugin repeats after a rate limit sends
 * every byte again. It hashes what it sends, so the caller can tell whether the bytes that went are
 * the ones it planned (a file rewritten meanwhile is not).
 */
export class FileBody implements AsyncIterable<Buffer> {
  /** The sha256 (hex) of the last complete pass over the file; undefined before one. */
  sentSha256: string | undefined;

  constructor(
    private readonly file: string,
    /** The Content-Length announced: the client may stop asking for chunks once it has that many bytes. */
    private readonly size: number,
    private readonly progress: Progress,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    this.sentSha256 = undefined;
    this.progress.restart();
    const hash = createHash('sha256');
    let read = 0;
    for await (const chunk of createReadStream(this.file)) {
      const bytes = chunk as Buffer;
      read += bytes.length;
      hash.update(bytes);
      // Taken before the last chunk goes: the client may end the iteration right after it.
      if (read === this.size) this.sentSha256 = hash.copy().digest('hex');
      this.progress.advance(bytes.length);
      yield bytes;
    }
    // A file that grew or shrank since it was planned: what was read is not what was planned.
    if (read !== this.size) this.sentSha256 = hash.digest('hex');
  }
}
