import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { PreconditionFailed } from '../../src/stores/object-store.js';

let root: string;
let store: DirectoryStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'directory-store-'));
  store = new DirectoryStore(root);
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('DirectoryStore', () => {
  it('answers with the sha256 of the content as ETag, and undefined for what is not there', async () => {
    const etag = await store.put('deb/dists/stable/Release', Buffer.from('one'));
    expect(etag).toBe(sha256('one'));
    expect(await store.head('deb/dists/stable/Release')).toMatchObject({ etag, size: 3 });
    expect((await store.get('deb/dists/stable/Release'))?.bytes.toString()).toBe('one');
    expect(await store.head('deb/dists/stable/InRelease')).toBeUndefined();
    expect(await store.get('nothing/here')).toBeUndefined();
    expect(await store.open('nothing/here')).toBeUndefined();
  });

  it('creates only what is absent with If-None-Match, replaces only the version read with If-Match', async () => {
    const first = await store.put('key', Buffer.from('a'), { ifNoneMatch: true });
    await expect(store.put('key', Buffer.from('b'), { ifNoneMatch: true })).rejects.toBeInstanceOf(
      PreconditionFailed,
    );
    await expect(store.put('key', Buffer.from('b'), { ifMatch: sha256('stale') })).rejects.toBeInstanceOf(
      PreconditionFailed,
    );
    await expect(store.put('missing', Buffer.from('b'), { ifMatch: first })).rejects.toBeInstanceOf(
      PreconditionFailed,
    );
    const second = await store.put('key', Buffer.from('b'), { ifMatch: first });
    expect(second).toBe(sha256('b'));
    expect((await store.get('key'))?.bytes.toString()).toBe('b');
  });

  it('copies a local file in whole and answers its sha256', async () => {
    const local = join(root, '..', `local-${Date.now()}`);
    await writeFile(local, 'package bytes');
    try {
      expect(await store.put('rpm/falco.rpm', { file: local, size: 13 })).toBe(sha256('package bytes'));
      expect((await store.get('rpm/falco.rpm'))?.bytes.toString()).toBe('package bytes');
    } finally {
      await rm(local, { force: true });
    }
  });

  it('lists keys under a prefix, sorted, without its own lock and temporary files', async () => {
    await store.put('rpm/repodata/b', Buffer.from('x'));
    await store.put('rpm/repodata/a', Buffer.from('x'));
    await store.put('rpm-dev/repodata/c', Buffer.from('x'));
    await writeFile(join(root, 'rpm/repodata/.a.lock'), '');
    expect(await store.list('rpm/')).toEqual(['rpm/repodata/a', 'rpm/repodata/b']);
    expect(await store.list('rpm')).toEqual(['rpm-dev/repodata/c', 'rpm/repodata/a', 'rpm/repodata/b']);
    const old = new Date('2020-01-01T00:00:00Z');
    await utimes(join(root, 'rpm/repodata/a'), old, old);
    expect((await store.entries('rpm/repodata/'))[0]).toEqual({ key: 'rpm/repodata/a', lastModified: old });
  });

  it('refuses keys that leave its directory', async () => {
    await expect(store.put('../outside', Buffer.from('x'))).rejects.toThrow('not a key inside');
  });

  it('declares its conditional writes guaranteed (no probe needed) and is described by its normalized root', () => {
    expect(store.conditionalWritesGuaranteed).toBe(true);
    expect(new DirectoryStore(`${root}//sub/./dir/`).description).toBe(`directory ${join(root, 'sub/dir')}`);
  });

  it('refuses a put whose sha256 metadata is not its content, writing nothing', async () => {
    await expect(store.put('key', Buffer.from('a'), { metadata: { sha256: sha256('b') } })).rejects.toThrow(
      'key: the sha256 metadata is not the sha256 of the content',
    );
    expect(await store.put('key', Buffer.from('a'), { metadata: { sha256: sha256('a') } })).toBe(sha256('a'));
    expect(await readdir(root)).toEqual(['key']);
  });

  it('deletes under the lock, and deleting what is not there is fine', async () => {
    await store.put('deb/x', Buffer.from('x'));
    await store.delete('deb/x');
    await store.delete('deb/x');
    expect(await store.list('')).toEqual([]);
    expect(await readdir(join(root, 'deb'))).toEqual([]);
  });

  it('8 writers doing read → conditional write at once: every one of them lands, none is lost', async () => {
    await store.put('counter', Buffer.from('[]'));
    let conflicts = 0;
    // The race is forced, not hoped for: every writer's first write waits until all 8 have read the
    // same state, so exactly one of those writes can hold its condition and 7 must find it changed.
    let firstReads = 0;
    let allRead: () => void = () => undefined;
    const everyoneRead = new Promise<void>((resolve) => (allRead = resolve));
    const writer = async (id: number): Promise<void> => {
      for (let attempt = 0; ; attempt++) {
        const current = await store.get('counter');
        if (!current) throw new Error('counter vanished');
        const ids = JSON.parse(current.bytes.toString()) as number[];
        if (attempt === 0) {
          if (++firstReads === 8) allRead();
          await everyoneRead;
        }
        try {
          await store.put('counter', Buffer.from(JSON.stringify([...ids, id])), {
            ifMatch: current.info.etag,
          });
          return;
        } catch (error) {
          if (!(error instanceof PreconditionFailed)) throw error;
          conflicts++;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, id) => writer(id)));
    const ids = JSON.parse((await store.get('counter'))?.bytes.toString() ?? '[]') as number[];
    expect(ids.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(conflicts).toBeGreaterThanOrEqual(7); // the 7 first-round losers, at least
    expect((await readdir(root)).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
