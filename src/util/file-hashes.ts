import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FileHashes {
  readonly size: number;
  readonly md5: string;
  readonly sha1: string;
  readonly sha256: string;
}

/** The three hashes a Packages stanza lists, in one read of the file. */
export async function fileHashes(path: string): Promise<FileHashes> {
  const md5 = createHash('md5');
  const sha1 = createHash('sha1');
  const sha256 = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    md5.update(chunk);
    sha1.update(chunk);
    sha256.update(chunk);
    size += chunk.byteLength;
  }
  return { size, md5: md5.digest('hex'), sha1: sha1.digest('hex'), sha256: sha256.digest('hex') };
}
