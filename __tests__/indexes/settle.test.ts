import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settleDerived } from '../../src/indexes/settle.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { NO_CACHE } from '../../src/stores/object-store.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

let root: string;
let store: DirectoryStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'settle-'));
  store = new DirectoryStore(root);
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe('settleDerived', () => {
  it('gives up with a UserError when another publisher commits in every round', async () => {
    await store.put('deb-dev/dists/stable/Release', Buffer.from('v0'));
    let rounds = 0;
    const error = await asyncUserErrorOf(
      settleDerived(store, 'deb-dev/dists/stable/Release', async (current) => {
        rounds++;
        // Someone else commits a newer state while this round writes its files.
        await store.put('deb-dev/dists/stable/Release', Buffer.from(`v${rounds}`));
        return [
          {
            key: 'deb-dev/dists/stable/InRelease',
            cacheControl: NO_CACHE,
            contentType: 'text/plain',
            matches: async () => false,
            produce: async () => Buffer.from(`signed ${current.bytes.toString()}`),
          },
        ];
      }),
    );
    expect(rounds).toBe(30);
    expect(error.subject).toBe('package-host: deb-dev/dists/stable/Release');
    expect(error.problem).toBe(
      'kept changing while its signatures and plain-name indexes were written (30 rounds): other publishers are updating this repository at the same time',
    );
    expect(error.remedy).toBe(
      'run again; if it keeps happening, let one publisher at a time update it (e.g. a workflow concurrency group)',
    );
    expect(error.message).toBe(
      'package-host: deb-dev/dists/stable/Release: kept changing while its signatures and plain-name indexes were written (30 rounds): other publishers are updating this repository at the same time — run again; if it keeps happening, let one publisher at a time update it (e.g. a workflow concurrency group)',
    );
    expect(error.message).not.toContain('\n');
  });

  it('writes nothing and reports no error when the state does not exist', async () => {
    expect(await settleDerived(store, 'deb-dev/dists/stable/Release', async () => [])).toEqual({
      written: 0,
      replaced: [],
    });
  });

  it('reports as replaced the files it wrote over or deleted, not those it created or left alone', async () => {
    await store.put('deb/dists/stable/Release', Buffer.from('state'));
    await store.put('deb/dists/stable/InRelease', Buffer.from('old signature'));
    await store.put('deb/dists/stable/Release.gpg', Buffer.from('old detached'));
    await store.put('deb/dists/stable/main/binary-amd64/Packages', Buffer.from('current'));
    const derived = (key: string, content: string | undefined) => ({
      key,
      cacheControl: NO_CACHE,
      contentType: 'text/plain',
      matches: async (existing: Buffer | undefined) => existing?.toString() === content,
      produce: async () => (content === undefined ? undefined : Buffer.from(content)),
    });
    const settled = await settleDerived(store, 'deb/dists/stable/Release', async () => [
      derived('deb/dists/stable/InRelease', 'new signature'),
      derived('deb/dists/stable/Release.gpg', undefined),
      derived('deb/dists/stable/main/binary-amd64/Packages', 'current'),
      derived('deb/dists/stable/main/binary-arm64/Packages', 'created'),
    ]);
    expect(settled.written).toBe(3);
    expect([...settled.replaced].sort()).toEqual([
      'deb/dists/stable/InRelease',
      'deb/dists/stable/Release.gpg',
    ]);
    expect(await store.head('deb/dists/stable/Release.gpg')).toBeUndefined();
  });
});
