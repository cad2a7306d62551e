import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, rename, rm, open } from 'node:fs/promises';
import { dirname, join, basename, resolve, sep } from 'node:path';
import { UserError } from '../util/errors.js';
import { sha256File } from '../util/sha256-file.js';
import type { PackageHost } from './host.js';
import type { RepositoryStore } from '../stores/object-store.js';
import { DirectoryStore } from '../stores/directory-store.js';

/** A directory laid out like Falco's download server; what a web server or a sync job then serves. */
export class DirectoryHost implements PackageHost {
  readonly description: string;

  private readonly root: string;

  constructor(root: string) {
    // Normalized once, so `/srv//packages` and `/srv/./packages` compare equal to the paths under them.
    this.root = resolve(root);
    this.description = `directory ${this.root}`;
  }

  repositoryStore(): RepositoryStore {
    // The filesystem gives the same guarantees as conditional writes (O_EXCL locks, atomic renames).
    return { store: new DirectoryStore(this.root), conditional: true };
  }

  async existing(path: string): Promise<string | undefined> {
    try {
      return await sha256File(this.resolve(path));
    } catch (error) {
      if (isCode(error, 'ENOENT')) return undefined;
      throw error;
    }
  }

  async put(path: string, localFile: string, options: { sha256: string; replace: boolean }): Promise<void> {
    const target = this.resolve(path);
    await mkdir(dirname(target), { recursive: true });
    // Write beside the target and move it in whole: readers never see a half-written package.
    const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await copyFile(localFile, temporary);
      await syncFile(temporary);
      const copied = await sha256File(temporary);
      if (copied !== options.sha256) throw new Error(`${localFile} changed while it was being published`);
      if (options.replace) {
        await rename(temporary, target);
        return;
      }
      // link() fails if the target exists: a publisher that lost a race cannot overwrite the winner.
      try {
        await link(temporary, target);
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error;
        if ((await sha256File(target)) !== options.sha256) {
          throw new UserError(
            `packages: ${path}`,
            'was published with different content by someone else meanwhile',
            'publish a new version, or set overwrite: true',
          );
        }
      }
    } finally {
      await rm(temporary, { force: true });
    }
  }

  private resolve(path: string): string {
    const target = join(this.root, path);
    if (!target.startsWith(this.root.endsWith(sep) ? this.root : this.root + sep)) {
      throw new Error(`package path ${path} leaves the host directory`);
    }
    return target;
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && (error as NodeJS.ErrnoException).code === code;
}
