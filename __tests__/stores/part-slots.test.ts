import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { PartSlots } from '../../src/stores/part-slots.js';

describe('PartSlots', () => {
  it('runs at most its limit of parts at once, across uploads, reusing their buffers', async () => {
    const slots = new PartSlots(2);
    let running = 0;
    let peak = 0;
    const seen = new Set<Buffer>();
    // Two uploads of three parts each, all asking at once.
    await Promise.all(
      Array.from({ length: 6 }, () =>
        slots.run(async (slot) => {
          running++;
          peak = Math.max(peak, running);
          seen.add(slot.buffers[0]);
          await delay(5);
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(seen.size).toBe(2);
  });

  it('gives a part new buffers after a failed request, and never hands out a failed part’s buffers', async () => {
    const slots = new PartSlots(1);
    let failedWith: Buffer | undefined;
    const attempts: Buffer[] = [];
    await slots.run(async (slot) => {
      attempts.push(slot.buffers[0]);
      slot.renew(); // the first attempt failed
      attempts.push(slot.buffers[0]);
    });
    expect(attempts[0]).not.toBe(attempts[1]);
    await expect(
      slots.run((slot) => {
        failedWith = slot.buffers[0];
        return Promise.reject(new Error('refused'));
      }),
    ).rejects.toThrow('refused');
    const next = await slots.run((slot) => Promise.resolve(slot.buffers[0]));
    expect(next).not.toBe(failedWith);
  });
});
