import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteUnlisted } from '../../src/indexes/old-files.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';

let root: string;
let store: DirectoryStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'old-files-'));
  store = new DirectoryStore(root);
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const HOUR = 3_600_000;
const doc = (n: number): string => `rpm/repodata/${String(n).repeat(64).slice(0, 64)}-primary.xml.gz`;

describe('deleteUnlisted', () => {
  it('deletes hash-named files the state no longer lists once they are past the grace period', async () => {
    const now = new Date('2026-01-02T00:00:00Z');
    for (const n of [1, 2, 3]) await store.put(doc(n), Buffer.from(`doc ${n}`));
    await store.put('rpm/repodata/repomd.xml', Buffer.from('state'));
    const old = new Date(now.getTime() - 2 * HOUR);
    // 1: listed (current); 2: unlisted and old; 3: unlisted but young (a client may still fetch it,
    // or a publisher about to commit wrote it).
    for (const n of [1, 2]) await utimes(join(root, doc(n)), old, old);
    await utimes(join(root, 'rpm/repodata/repomd.xml'), old, old);
    await utimes(join(root, doc(3)), now, now);
    const deleted = await deleteUnlisted(
      store,
      { prefix: 'rpm/repodata/', pattern: /\/repodata\/[0-9a-f]{64}-[^/]+$/ },
      new Set([doc(1)]),
      HOUR,
      now,
    );
    expect(deleted).toEqual([doc(2)]);
    expect(await store.list('rpm/')).toEqual([doc(1), doc(3), 'rpm/repodata/repomd.xml']);
  });
});
