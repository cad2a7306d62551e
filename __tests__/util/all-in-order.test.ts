import { describe, expect, it } from 'vitest';
import { allInOrder } from '../../src/util/all-in-order.js';

const after = <T>(ms: number, value: T, fail = false): Promise<T> =>
  new Promise((resolve, reject) =>
    setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms),
  );

describe('allInOrder', () => {
  it('runs the tasks at once and gives their values in order', async () => {
    const started: number[] = [];
    const begin = Date.now();
    const values = await allInOrder([
      () => (started.push(Date.now() - begin), after(40, 'a')),
      () => (started.push(Date.now() - begin), after(10, 2)),
    ] as const);
    expect(values).toEqual(['a', 2]);
    // Both started before either ended.
    expect(Math.max(...started)).toBeLessThan(10);
  });

  it("throws the first task's failure in the list, not the first to happen, after all have settled", async () => {
    let lastEnded = false;
    const error = await allInOrder([
      () => after(30, 'first', true),
      () => after(1, 'second', true),
      () => after(50, 'third').then((value) => ((lastEnded = true), value)),
    ] as const).catch((reason: unknown) => reason);
    expect((error as Error).message).toBe('first');
    expect(lastEnded).toBe(true);
  });
});
