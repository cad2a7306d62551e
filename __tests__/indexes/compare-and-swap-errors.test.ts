import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareAndSwap } from '../../src/indexes/compare-and-swap.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { WriteOutcomeUnknown } from '../../src/stores/object-store.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

let root: string;
let store: DirectoryStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'swap-errors-'));
  store = new DirectoryStore(root);
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe('compareAndSwap', () => {
  it('gives up with a UserError when another publisher commits before each of its writes', async () => {
    const key = 'rpm-dev/repodata/repomd.xml';
    await store.put(key, Buffer.from('0'));
    let attempts = 0;
    const error = await asyncUserErrorOf(
      compareAndSwap(
        { store, conditional: true },
        key,
        async (current) => {
          attempts++;
          // Another publisher commits between this attempt's read and its conditional write.
          await store.put(key, Buffer.from(`other ${attempts}`));
          return {
            files: [],
            next: Buffer.from(`${current?.bytes.toString() ?? ''}+ours`),
            contentType: 'text/xml',
            result: undefined,
          };
        },
        { sleep: async () => undefined, attempts: 4 },
      ),
    );
    expect(attempts).toBe(4);
    expect(error.subject).toBe('package-host: rpm-dev/repodata/repomd.xml');
    expect(error.problem).toBe('changed under each of 4 attempts to update it: too many publishers at once');
    expect(error.remedy).toBe(
      'run again; if it keeps happening, let one publisher at a time update it (e.g. a workflow concurrency group)',
    );
    expect(error.message).toBe(
      'package-host: rpm-dev/repodata/repomd.xml: changed under each of 4 attempts to update it: too many publishers at once — run again; if it keeps happening, let one publisher at a time update it (e.g. a workflow concurrency group)',
    );
    // What the other publishers committed stays.
    expect((await store.get(key))?.bytes.toString()).toBe('other 4');
  });

  it('after writes of unknown outcome, reads again, and gives up saying the store failed', async () => {
    const key = 'rpm-dev/repodata/repomd.xml';
    let puts = 0;
    const failing = new (class extends DirectoryStore {
      override async put(): Promise<string> {
        puts++;
        throw new WriteOutcomeUnknown(`${key}: the store failed a conditional write (500 InternalError)`);
      }
    })(root);
    const error = await asyncUserErrorOf(
      compareAndSwap(
        { store: failing, conditional: true },
        key,
        async () => ({ files: [], next: Buffer.from('ours'), contentType: 'text/xml', result: undefined }),
        { sleep: async () => undefined, attempts: 3 },
      ),
    );
    expect(puts).toBe(3);
    expect(error.message).toBe(
      `package-host: ${key}: the store failed the last of 3 attempts to update it (${key}: the store failed a conditional write (500 InternalError)) — check the store is healthy, then run again`,
    );
  });
});
