import { join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type { ProgressReporting } from '../util/progress.js';
import { listDirectory } from './directory-listing.js';
import { getFile, headFile, openFile } from './directory-reads.js';
import { deleteFile, putFile } from './directory-writes.js';
import type { ListedObject, ObjectInfo, ObjectStore, PutBody, PutOptions } from './object-store.js';

/**
 * A directory as an object store, with the compare-and-swap an S3 bucket gives: every write takes a
 * lock file beside its key (created with O_EXCL, which is atomic on a local filesystem), compares the
 * current content with the condition, then renames the new file in. The ETag is the sha256 of the
 * content, so an object rewritten with the same bytes keeps its ETag, as on S3; so is the `sha256`
 * metadata, which is why a put whose `sha256` metadata is not its content's is refused.
 */
export class DirectoryStore implements ObjectStore {
  readonly description: string;
  /** O_EXCL locks and renames on one filesystem: conditional writes that cannot be missing. */
  readonly conditionalWritesGuaranteed = true;
  private readonly root: string;

  constructor(
    root: string,
    /** Where the progress of files over 64 MiB is told; nowhere when absent. */
    private readonly progress?: ProgressReporting,
  ) {
    // Normalized once, so `/srv//packages` and `/srv/./packages` compare equal to the paths under them.
    this.root = resolve(root);
    this.description = `directory ${this.root}`;
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    return headFile(this.pathOf(key));
  }

  async get(key: string): Promise<{ readonly bytes: Buffer; readonly info: ObjectInfo } | undefined> {
    return getFile(this.pathOf(key));
  }

  async open(key: string): Promise<Readable | undefined> {
    return openFile(this.pathOf(key));
  }

  async put(key: string, body: PutBody, options: PutOptions = {}): Promise<string> {
    return putFile(key, this.pathOf(key), body, options, this.progress);
  }

  async delete(key: string): Promise<void> {
    return deleteFile(this.pathOf(key));
  }

  async list(prefix: string): Promise<string[]> {
    return (await this.entries(prefix)).map((entry) => entry.key);
  }

  async entries(prefix: string): Promise<ListedObject[]> {
    return listDirectory(this.root, prefix, (key) => this.pathOf(key));
  }

  private pathOf(key: string): string {
    const path = join(this.root, key);
    const inside = this.root.endsWith(sep) ? this.root : this.root + sep;
    if (key === '' || !path.startsWith(inside)) throw new Error(`${key} is not a key inside ${this.root}`);
    return path;
  }
}
