/** The three hashes a Packages stanza lists (hex), and the size, taken in one read of the file. */
export interface FileHashes {
  readonly size: number;
  readonly md5: string;
  readonly sha1: string;
  readonly sha256: string;
}
