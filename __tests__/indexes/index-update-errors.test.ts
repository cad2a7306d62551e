import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APT_FORMAT } from '../../src/indexes/apt-format.js';
import { updateIndex } from '../../src/indexes/index-update.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

let root: string;
let store: DirectoryStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'index-update-'));
  store = new DirectoryStore(root);
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe('updateIndex', () => {
  it('refuses a state committed since the check that cannot be read, naming the repository', async () => {
    // What the check read before the publish (its ETag) is no longer there: the update reads the state anew.
    await store.put('deb-dev/dists/stable/Release', Buffer.from('Origin: Falco\n\nSecond: stanza\n'));
    const error = await asyncUserErrorOf(
      updateIndex(
        {
          target: { store, conditional: true },
          root: 'deb-dev',
          added: [],
          pruning: undefined,
          signing: undefined,
          date: new Date('2024-01-01T00:00:00Z'),
          graceMs: 0,
          now: () => new Date(),
          sleep: async () => undefined,
          known: { etag: 'what the check read', state: APT_FORMAT.empty },
        },
        APT_FORMAT,
      ),
    );
    expect(error.subject).toBe('package-host: deb-dev');
    expect(error.problem).toBe(
      'the current APT indexes cannot be read (a Release file is exactly one stanza)',
    );
    expect(error.remedy).toBe(
      'repair them (or move them away to start the repository afresh), then run again',
    );
    expect(error.message).toBe(`${error.subject}: ${error.problem} — ${error.remedy}`);
    // Nothing was written over the state.
    expect((await store.get('deb-dev/dists/stable/Release'))?.bytes.toString()).toBe(
      'Origin: Falco\n\nSecond: stanza\n',
    );
  });
});
