import { readdir, stat } from 'node:fs/promises';
import { hasErrnoCode, isNotFound } from '../util/errno.js';
import { directoryUserError } from './directory-errors.js';
import type { ListedObject } from './object-store.js';

/**
 * Every file of the store under `prefix`, sorted by key. Only the directory the prefix names (or lies
 * in) is walked, not the whole tree; `pathOf` gives a key's path under `root`.
 */
export async function listDirectory(
  root: string,
  prefix: string,
  pathOf: (key: string) => string,
): Promise<ListedObject[]> {
  const found: ListedObject[] = [];
  const start = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
  const walk = async (relative: string): Promise<void> => {
    const directory = relative === '' ? root : pathOf(relative);
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
      const info = await stat(pathOf(key)).catch(() => undefined);
      if (info?.isDirectory()) await walk(key);
      else if (info?.isFile() && key.startsWith(prefix)) {
        found.push({ key, lastModified: info.mtime });
      }
    }
  };
  await walk(start);
  return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
