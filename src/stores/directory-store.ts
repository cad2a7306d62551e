import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { stageFile } from '../util/atomic-file.js';
import { hasErrnoCode, isNotFound } from '../util/errno.js';
import { UserError } from '../util/errors.js';
import { sha256File } from '../util/sha256-file.js';
import { sha256Hex } from '../util/sha256-hex.js';
import { directoryUserError, mkdirUserError } from './directory-errors.js';
import { withFileLock } from './file-lock.js';
import {
  PreconditionFailed,
  type ListedObject,
  type ObjectInfo,
  type ObjectStore,
  type PutBody,
  type PutOptions,
} from './object-store.js';

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

  constructor(root: string) {
    // Normalized once, so `/srv//packages` and `/srv/./packages` compare equal to the paths under them.
    this.root = resolve(root);
    this.description = `directory ${this.root}`;
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const path = this.pathOf(key);
    try {
      const [info, etag] = await Promise.all([stat(path), sha256File(path)]);
      return { etag, size: info.size, metadata: { sha256: etag } };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw directoryUserError(error, 'read', path) ?? error;
    }
  }

  async get(key: string): Promise<{ readonly bytes: Buffer; readonly info: ObjectInfo } | undefined> {
    const path = this.pathOf(key);
    try {
      const bytes = await readFile(path);
      const etag = sha256Hex(bytes);
      return { bytes, info: { etag, size: bytes.byteLength, metadata: { sha256: etag } } };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw directoryUserError(error, 'read', path) ?? error;
    }
  }

  async open(key: string): Promise<Readable | undefined> {
    const path = this.pathOf(key);
    // Opened before the stream exists, so a missing file is `undefined` here, not a stream error later.
    try {
      const handle = await open(path, 'r');
      return createReadStream('', { fd: handle.fd, autoClose: true });
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw directoryUserError(error, 'read', path) ?? error;
    }
  }

  async put(key: string, body: PutBody, options: PutOptions = {}): Promise<string> {
    const path = this.pathOf(key);
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (error) {
      throw mkdirUserError(error, dirname(path)) ?? error;
    }
    try {
      return await this.write(key, path, body, options);
    } catch (error) {
      throw directoryUserError(error, 'write', path) ?? error;
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await withFileLock(path, () => rm(path, { force: true }));
    } catch (error) {
      throw directoryUserError(error, 'delete', path) ?? error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    return (await this.entries(prefix)).map((entry) => entry.key);
  }

  async entries(prefix: string): Promise<ListedObject[]> {
    const found: ListedObject[] = [];
    // Only the directory the prefix names (or lies in) is walked, not the whole tree.
    const start = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const walk = async (relative: string): Promise<void> => {
      const directory = relative === '' ? this.root : this.pathOf(relative);
      let names: string[];
      try {
        names = await readdir(directory);
      } catch (error) {
        if (isNotFound(error) || hasErrnoCode(error, 'ENOTDIR')) return;
        throw directoryUserError(error, 'list', directory) ?? error;
      }
      for (const name of names) {
        // Temporary and lock files (dot names) are this store's own, never objects.
        if (name.startsWith('.')) continue;
        const key = relative === '' ? name : `${relative}/${name}`;
        if (!key.startsWith(prefix) && !prefix.startsWith(`${key}/`)) continue;
        const info = await stat(this.pathOf(key)).catch(() => undefined);
        if (info?.isDirectory()) await walk(key);
        else if (info?.isFile() && key.startsWith(prefix)) {
          found.push({ key, lastModified: info.mtime });
        }
      }
    };
    await walk(start);
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /**
   * The new content is staged beside the key first, outside the lock, so the lock is held only for
   * the compare and the rename, whatever the object's size.
   */
  private async write(key: string, path: string, body: PutBody, options: PutOptions): Promise<string> {
    const staged = await stageFile(path, body);
    try {
      const etag = Buffer.isBuffer(body) ? sha256Hex(body) : await sha256File(staged.temp);
      const announced = options.metadata?.['sha256'];
      if (announced !== undefined && announced !== etag) throw notWhatWasAnnounced(key, body);
      // Unconditional writes take the lock too: a conditional writer between its check and its rename
      // must not have the file replaced under it.
      await withFileLock(path, async () => {
        if (options.ifMatch !== undefined || options.ifNoneMatch) {
          const current = await this.head(key);
          if (options.ifNoneMatch && current !== undefined) {
            throw new PreconditionFailed(`${key} exists already`);
          }
          if (options.ifMatch !== undefined && current?.etag !== options.ifMatch) {
            throw new PreconditionFailed(`${key} changed since it was read`);
          }
        }
        await staged.commit();
      });
      return etag;
    } finally {
      await staged.discard();
    }
  }

  private pathOf(key: string): string {
    const path = join(this.root, key);
    const inside = this.root.endsWith(sep) ? this.root : this.root + sep;
    if (key === '' || !path.startsWith(inside)) throw new Error(`${key} is not a key inside ${this.root}`);
    return path;
  }
}

/**
 * The copy's sha256 is not the one the caller announced: a local file (a package) that changed since
 * it was hashed for the plan, which would publish other bytes than the ones planned and signed.
 */
function notWhatWasAnnounced(key: string, body: PutBody): Error {
  if (Buffer.isBuffer(body)) return new Error(`${key}: the sha256 metadata is not the sha256 of the content`);
  return new UserError(
    body.file,
    'changed while it was being published (its sha256 is no longer the one planned); nothing was written',
    'make sure nothing rewrites the package files while the action runs, then run it again',
  );
}
