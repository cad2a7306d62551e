import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isNotFound } from '../util/errno.js';
import { breakIfOwnerDead } from './file-lock.js';
import { isDeadHere, parseOwner, parseTag } from './lock-owner.js';

/** A staged file a writer tagged with its process: `.<name>.<pid>@<host>.<uuid>.tmp`. */
const TAGGED_TEMP = /\.(\d+@[^/]+)\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;

/**
 * Removes what writers killed on this host left in the directory: files they staged but never renamed
 * in, the locks they held and the guards of those. What a live writer (or one of another host, which
 * cannot be asked) is doing is left alone.
 */
export async function sweepDeadWriters(directory: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  for (const name of names.filter((found) => found.startsWith('.'))) {
    const path = join(directory, name);
    const tag = TAGGED_TEMP.exec(name)?.[1];
    const writer = tag === undefined ? undefined : parseTag(tag);
    if (writer !== undefined) {
      if (isDeadHere(writer)) await rm(path, { force: true });
    } else if (name.endsWith('.lock')) {
      await breakIfOwnerDead(path);
    } else if (name.endsWith('.lock.break')) {
      const owner = parseOwner(await readFile(path, 'utf8').catch(() => ''));
      if (owner !== undefined && isDeadHere(owner)) await rm(path, { force: true });
    }
  }
}
