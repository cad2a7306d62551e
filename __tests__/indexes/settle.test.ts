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
    expect(await settleDerived(store, 'deb-dev/dists/stable/Release', async () => [])).toBe(0);
  });
});
