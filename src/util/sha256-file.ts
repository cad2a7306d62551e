import { passOverFile } from './file-pass.js';

/** sha256 (hex) of a file, in one read through two reused buffers: packages can be GiBs. */
export async function sha256File(path: string): Promise<string> {
  return (await passOverFile(path, { hashes: ['sha256'] })).digests.sha256;
}
