import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareAndSwap, StaleRead } from '../../src/indexes/compare-and-swap.js';
import { settleDerived } from '../../src/indexes/settle.js';
import { NO_CACHE } from '../../src/stores/object-store.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { RacingStore } from '../fixtures/racing-store.js';

let root: string;
let store: DirectoryStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'swap-'));
  store = new DirectoryStore(root);
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const noWait = async (): Promise<void> => undefined;

describe('compareAndSwap', () => {
  it('creates the state, writing its referenced files first', async () => {
    const swap = await compareAndSwap(
      { store, conditional: true },
      'repo/state',
      async (current) => {
        expect(current).toBeUndefined();
        return {
          files: [{ key: 'repo/by-hash/1', bytes: Buffer.from('index'), cacheControl: NO_CACHE }],
          next: Buffer.from('state 1'),
          contentType: 'text/plain',
          result: 'made',
        };
      },
      { sleep: noWait },
    );
    expect(swap).toMatchObject({ result: 'made', changed: true });
    expect((await store.get('repo/by-hash/1'))?.bytes.toString()).toBe('index');
  });

  it('proposes again on top of a state that changed between its read and its write', async () => {
    await store.put('repo/state', Buffer.from('a'));
    let proposals = 0;
    const seen: string[] = [];
    const swap = await compareAndSwap(
      { store, conditional: true },
      'repo/state',
      async (current) => {
        seen.push(current?.bytes.toString() ?? '');
        // Another publisher commits right after our first read.
        if (proposals++ === 0) await store.put('repo/state', Buffer.from('a+other'));
        return {
          files: [],
          next: Buffer.from(`${current?.bytes.toString() ?? ''}+ours`),
          contentType: 'text/plain',
          result: 1,
        };
      },
      { sleep: noWait },
    );
    expect(seen).toEqual(['a', 'a+other']);
    expect(swap.changed).toBe(true);
    expect((await store.get('repo/state'))?.bytes.toString()).toBe('a+other+ours');
  });

  it("two writers at once: the one overtaken proposes again on the other's state, and both land", async () => {
    await store.put('repo/state', Buffer.from('a'));
    // The first write is held until the second writer has read the same state and comes to write.
    const racing = new RacingStore(store, ['repo/state']);
    const seen: string[] = [];
    const writer = (name: string) =>
      compareAndSwap(
        { store: racing, conditional: true },
        'repo/state',
        async (current) => {
          const state = current?.bytes.toString() ?? '';
          seen.push(`${name} read ${state}`);
          return {
            files: [],
            next: Buffer.from(`${state}+${name}`),
            contentType: 'text/plain',
            result: name,
          };
        },
        { sleep: noWait },
      );
    const swaps = await Promise.all([writer('one'), writer('two')]);
    expect(racing.raced('repo/state')).toBe(true);
    expect(racing.conflicts.get('repo/state')).toBe(1);
    expect(swaps.map((swap) => swap.changed)).toEqual([true, true]);
    // Both read the first state; the one whose write was refused read the winner's and built on it.
    const [first, second, third] = seen;
    expect([first, second].sort()).toEqual(['one read a', 'two read a']);
    const loser = third?.startsWith('one') ? 'one' : 'two';
    const winner = loser === 'one' ? 'two' : 'one';
    expect(third).toBe(`${loser} read a+${winner}`);
    expect(seen).toHaveLength(3);
    expect((await store.get('repo/state'))?.bytes.toString()).toBe(`a+${winner}+${loser}`);
  });

  it('writes nothing when the proposal has no next state', async () => {
    await store.put('repo/state', Buffer.from('a'));
    const swap = await compareAndSwap(
      { store, conditional: true },
      'repo/state',
      async () => ({ files: [], next: undefined, contentType: 'text/plain', result: 0 }),
      { sleep: noWait },
    );
    expect(swap.changed).toBe(false);
  });

  it('gives up after its attempts with an error that says why', async () => {
    await expect(
      compareAndSwap(
        { store, conditional: true },
        'repo/state',
        async () => {
          throw new StaleRead('index does not match');
        },
        { sleep: noWait, attempts: 3 },
      ),
    ).rejects.toThrow('changed under each of 3 attempts');
  });
});

describe('settleDerived', () => {
  it('derives again from a state committed by someone else while it wrote', async () => {
    await store.put('repo/state', Buffer.from('v1'));
    let rounds = 0;
    await settleDerived(store, 'repo/state', async (current) => {
      rounds++;
      const state = current.bytes.toString();
      // During the first round, another publisher commits v2.
      if (rounds === 1) await store.put('repo/state', Buffer.from('v2'));
      return [
        {
          key: 'repo/state.sig',
          cacheControl: NO_CACHE,
          contentType: 'text/plain',
          matches: async (existing) => existing?.toString() === `signed ${state}`,
          produce: async () => Buffer.from(`signed ${state}`),
        },
      ];
    });
    expect(rounds).toBe(2);
    expect((await store.get('repo/state.sig'))?.bytes.toString()).toBe('signed v2');
  });
});
