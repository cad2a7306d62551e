import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ObjectStore } from '../../../src/stores/object-store.js';

/**
 * Copies every object of a store into `dir` under its key, as a sync job copies a bucket for a web
 * server; returns the keys, sorted.
 */
export async function copyStore(store: ObjectStore, dir: string): Promise<string[]> {
  const keys = await store.list('');
  for (const key of keys) {
    const object = await store.get(key);
    if (object === undefined) throw new Error(`${store.description}: ${key} was listed, then missing`);
    await mkdir(dirname(join(dir, key)), { recursive: true });
    await writeFile(join(dir, key), object.bytes);
  }
  return keys;
}
