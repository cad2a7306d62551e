import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareAndSwap } from '../../src/indexes/compare-and-swap.js';
import { deleteUnlisted } from '../../src/indexes/old-files.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import type { PutBody, PutOptions } from '../../src/stores/object-store.js';

let root: string;
let store: DirectoryStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'old-files-'));
  store = new DirectoryStore(root);
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const HOUR = 3_600_000;
const CANDIDATES = {
  prefix: 'rpm/repodata/',
  pattern: /\/repodata\/[0-9a-f]{64}-[^/]+$/,
  contentTypeOf: () => 'application/gzip',
};
const STATE = 'rpm/repodata/repomd.xml';
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
    const deleted = await deleteUnlisted(store, CANDIDATES, async () => new Set([doc(1)]), HOUR, now);
    expect(deleted).toEqual([doc(2)]);
    expect(await store.list('rpm/')).toEqual([doc(1), doc(3), 'rpm/repodata/repomd.xml']);
  });

  /** A state naming these documents, as a repomd.xml does. */
  const stateOf = (...docs: string[]): Buffer => Buffer.from(docs.join('\n'));
  const listedIn = async (): Promise<Set<string>> =>
    new Set((await store.get(STATE))?.bytes.toString().split('\n') ?? []);

  /** A publisher committing a state that names doc(2) again: same content, so the same name. */
  const reuse = (): Promise<unknown> =>
    compareAndSwap({ store, conditional: true }, STATE, async () => ({
      files: [{ key: doc(2), bytes: Buffer.from('doc 2'), cacheControl: 'immutable' }],
      next: stateOf(doc(1), doc(2)),
      contentType: 'text/xml',
      result: undefined,
    }));

  /** doc(2): written long ago, listed by no state since; the state lists doc(1). */
  async function oldUnlisted(): Promise<Date> {
    const now = new Date();
    for (const n of [1, 2]) await store.put(doc(n), Buffer.from(`doc ${n}`));
    await store.put(STATE, stateOf(doc(1)));
    const old = new Date(now.getTime() - 2 * HOUR);
    await utimes(join(root, doc(2)), old, old);
    return now;
  }

  it('a reused file deleted after the publisher found it, before its commit, is written again', async () => {
    const now = await oldUnlisted();
    // The deleter runs whole between the publisher's look at doc(2) (there) and its commit.
    const publisherStore = new (class extends DirectoryStore {
      override async put(key: string, body: PutBody, options?: PutOptions): Promise<string> {
        if (key === STATE)
          expect(await deleteUnlisted(store, CANDIDATES, listedIn, HOUR, now)).toEqual([doc(2)]);
        return super.put(key, body, options);
      }
    })(root);
    await compareAndSwap({ store: publisherStore, conditional: true }, STATE, async () => ({
      files: [{ key: doc(2), bytes: Buffer.from('doc 2'), cacheControl: 'immutable' }],
      next: stateOf(doc(1), doc(2)),
      contentType: 'text/xml',
      result: undefined,
    }));
    expect(await listedIn()).toEqual(new Set([doc(1), doc(2)]));
    expect((await store.get(doc(2)))?.bytes.toString()).toBe('doc 2');
  });

  it('a reused file deleted by a deleter that read the state before the commit is put back', async () => {
    const now = await oldUnlisted();
    // The publisher commits (and checks its files) between the deleter's listing and its delete.
    const racing = new (class extends DirectoryStore {
      override async delete(key: string): Promise<void> {
        if (key === doc(2)) await reuse();
        await super.delete(key);
      }
    })(root);
    const deleted = await deleteUnlisted(racing, CANDIDATES, listedIn, HOUR, now);
    expect(deleted).toEqual([]);
    expect((await store.get(doc(2)))?.bytes.toString()).toBe('doc 2');
    expect(await listedIn()).toEqual(new Set([doc(1), doc(2)]));
  });
});
