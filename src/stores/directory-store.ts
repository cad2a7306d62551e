import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { sha256File } from '../util/sha256-file.js';
import { withFileLock } from './file-lock.js';
import {
  PreconditionFailed,
  type ListedObject,
  type ObjectInfo,
  type ObjectStore,
  type PutBody,
  type PutOptions,
} from './object-store.js';
import { sha256Hex } from '../util/sha256-hex.js';

/**
 * A directory as an object store, with the compare-and-swap an S3 bucket gives: every write takes a
 * lock file beside its key (created with O_EXCL, which is atomic on a local filesystem), compares the
 * current content with the condition, then renames the new file in. The ETag is the sha256 of the
 * content, so an object rewritten with the same bytes keeps its ETag, as on S3.
 */
export class DirectoryStore implements ObjectStore {
  readonly description: string;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.description = `directory ${this.root}`;
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const path = this.pathOf(key);
    try {
      const [info, etag] = await Promise.all([stat(path), sha256File(path)]);
      return { etag, size: info.size, metadata: { sha256: etag } };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async get(key: string): Promise<{ readonly bytes: Buffer; readonly info: ObjectInfo } | undefined> {
    try {
      const bytes = await readFile(this.pathOf(key));
      const etag = sha256Hex(bytes);
      return { bytes, info: { etag, size: bytes.byteLength, metadata: { sha256: etag } } };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async open(key: string): Promise<Readable | undefined> {
    const path = this.pathOf(key);
    // Opened before the stream exists, so a missing file is `undefined` here, not a stream error later.
    try {
      const handle = await open(path, 'r');
      return createReadStream('', { fd: handle.fd, autoClose: true });
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async put(key: string, body: PutBody, options: PutOptions = {}): Promise<string> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // The new content is staged beside the key first, outside the lock, so the lock is held only for
    // the compare and the rename, whatever the object's size.
    const staged = await stage(body, path);
    try {
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
        await rename(staged.file, path);
      });
      return staged.etag;
    } finally {
      await rm(staged.file, { force: true });
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    await withFileLock(path, () => rm(path, { force: true }));
  }

  async list(prefix: string): Promise<string[]> {
    return (await this.entries(prefix)).map((entry) => entry.key);
  }

  async entries(prefix: string): Promise<ListedObject[]> {
    const found: ListedObject[] = [];
    // Only the directory the prefix names (or lies in) is walked, not the whole tree.
    const start = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const walk = async (relative: string): Promise<void> => {
      let names: string[];
      try {
        names = await readdir(relative === '' ? this.root : this.pathOf(relative));
      } catch (error) {
        if (isMissing(error) || isCode(error, 'ENOTDIR')) return;
        throw error;
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

  private pathOf(key: string): string {
    const path = join(this.root, key);
    if (key === '' || !path.startsWith(this.root + sep))
      throw new Error(`${key} is not a key inside ${this.root}`);
    return path;
  }
}

/** Writes the body to a temporary file beside `path`, flushed to disk; returns it with its sha256. */
async function stage(body: PutBody, path: string): Promise<{ readonly file: string; readonly etag: string }> {
  // A dot name: never listed as an object, and on the same filesystem, so the rename is atomic.
  const file = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    if (Buffer.isBuffer(body)) {
      await writeFile(file, body, { flag: 'wx' });
    } else {
      await copyFile(body.file, file);
    }
    const handle = await open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { file, etag: Buffer.isBuffer(body) ? sha256Hex(body) : await sha256File(file) };
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return isCode(error, 'ENOENT');
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
