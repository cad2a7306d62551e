import { describe, expect, it } from 'vitest';
import { PROGRESS_MIN_BYTES, startProgress } from '../../src/util/progress.js';
import { captureLogger } from '../fixtures/capture-logger.js';

const MIB = 1024 * 1024;
const LABEL = 'falcosecurity/falco: sha256:ab12…';

/** A reporter on a clock the test moves, and the lines it logged. */
function reporter(total: number) {
  const logger = captureLogger();
  let time = 5_000;
  const progress = startProgress({ logger, now: () => time }, LABEL, total);
  return {
    progress,
    lines: logger.lines,
    /** Moves the clock by `ms`, then reports `bytes` more. */
    after(ms: number, bytes: number) {
      time += ms;
      progress.advance(bytes);
    },
    wait(ms: number) {
      time += ms;
    },
  };
}

describe('startProgress', () => {
  it('logs a line at each 10 % step with the rate and time left, then a final line with the average', () => {
    const run = reporter(1000 * MIB);
    // 10 MiB every 100 ms: 100 MiB/s throughout.
    for (let i = 0; i < 100; i++) run.after(100, 10 * MIB);
    run.progress.finish();
    expect(run.lines).toEqual([
      `${LABEL} 10% of 1000 MiB, 100.0 MiB/s, ETA 9 s`,
      `${LABEL} 20% of 1000 MiB, 100.0 MiB/s, ETA 8 s`,
      `${LABEL} 30% of 1000 MiB, 100.0 MiB/s, ETA 7 s`,
      `${LABEL} 40% of 1000 MiB, 100.0 MiB/s, ETA 6 s`,
      `${LABEL} 50% of 1000 MiB, 100.0 MiB/s, ETA 5 s`,
      `${LABEL} 60% of 1000 MiB, 100.0 MiB/s, ETA 4 s`,
      `${LABEL} 70% of 1000 MiB, 100.0 MiB/s, ETA 3 s`,
      `${LABEL} 80% of 1000 MiB, 100.0 MiB/s, ETA 2 s`,
      `${LABEL} 90% of 1000 MiB, 100.0 MiB/s, ETA 1 s`,
      `${LABEL} 100% of 1000 MiB in 10.0 s, 100.0 MiB/s`,
    ]);
  });

  it('logs after 10 s without a step, and counts the next step from the line it logged', () => {
    const run = reporter(200 * MIB);
    // 1 MiB every 2.5 s: the fourth MiB comes 10 s after the start.
    for (let i = 0; i < 3; i++) run.after(2_500, MIB);
    expect(run.lines).toEqual([]);
    run.after(2_500, MIB);
    // 4 MiB in 10 s is 0.4 MiB/s; 196 MiB more take 490 s.
    expect(run.lines).toEqual([`${LABEL} 2% of 200 MiB, 0.4 MiB/s, ETA 8 min 10 s`]);
    // Then a burst: 16 MiB more (to 10 %) within 1.5 s logs at the step, not 10 s later.
    run.after(1_500, 16 * MIB);
    // 20 MiB in 11.5 s is 1.74 MiB/s; 180 MiB more at that rate take 103.5 s.
    expect(run.lines.at(-1)).toBe(`${LABEL} 10% of 200 MiB, 1.7 MiB/s, ETA 1 min 44 s`);
    expect(run.lines).toHaveLength(2);
  });

  it('logs one line for a chunk that passes several steps, and the next at the step after it', () => {
    const run = reporter(100 * MIB);
    run.after(1_000, 5 * MIB);
    run.after(1_000, 30 * MIB);
    run.after(1_000, 4 * MIB);
    run.after(1_000, MIB);
    // 35 MiB in 2 s: 17.5 MiB/s, 65 MiB more in 3.71 s; 40 MiB in 4 s: 10 MiB/s, 60 MiB in 6 s.
    expect(run.lines).toEqual([
      `${LABEL} 35% of 100 MiB, 17.5 MiB/s, ETA 4 s`,
      `${LABEL} 40% of 100 MiB, 10.0 MiB/s, ETA 6 s`,
    ]);
  });

  it('leaves the last byte to finish(), which logs once', () => {
    const run = reporter(100 * MIB);
    run.after(2_000, 100 * MIB);
    expect(run.lines).toEqual([]);
    run.wait(500);
    run.progress.finish();
    run.progress.finish();
    expect(run.lines).toEqual([`${LABEL} 100% of 100 MiB in 2.5 s, 40.0 MiB/s`]);
  });

  it('starts over on restart: percentages from zero, the rate from the restart', () => {
    const run = reporter(100 * MIB);
    run.after(1_000, 60 * MIB);
    run.wait(30_000);
    run.progress.restart();
    run.after(2_000, 10 * MIB);
    run.after(2_000, 10 * MIB);
    run.after(4_000, 80 * MIB);
    run.progress.finish();
    expect(run.lines).toEqual([
      `${LABEL} 60% of 100 MiB, 60.0 MiB/s, ETA 1 s`,
      `${LABEL} 10% of 100 MiB, 5.0 MiB/s, ETA 18 s`,
      `${LABEL} 20% of 100 MiB, 5.0 MiB/s, ETA 16 s`,
      `${LABEL} 100% of 100 MiB in 8.0 s, 12.5 MiB/s`,
    ]);
  });

  it('shows sizes that are not whole MiB with a tenth, and long transfers in minutes and hours', () => {
    const run = reporter(10_000 * MIB + 512 * 1024);
    run.after(100_000, 1_001 * MIB);
    run.wait(9_000_000);
    run.progress.finish();
    // 1001 MiB in 100 s is 10.01 MiB/s: the 8999.5 MiB left take 899.05 s, shown as the next whole
    // second; the whole took 9100 s, at 1.099 MiB/s.
    expect(run.lines).toEqual([
      `${LABEL} 10% of 10000.5 MiB, 10.0 MiB/s, ETA 15 min 0 s`,
      `${LABEL} 100% of 10000.5 MiB in 2 h 31 min, 1.1 MiB/s`,
    ]);
  });

  it('leaves out the rate when no time has passed', () => {
    const run = reporter(100 * MIB);
    run.after(0, 50 * MIB);
    run.progress.finish();
    expect(run.lines).toEqual([`${LABEL} 50% of 100 MiB`, `${LABEL} 100% of 100 MiB in 0.0 s`]);
  });

  it('logs nothing for transfers of 64 MiB or less, nor without a logger', () => {
    const small = reporter(PROGRESS_MIN_BYTES);
    for (let i = 0; i < 64; i++) small.after(20_000, MIB);
    small.progress.finish();
    expect(small.lines).toEqual([]);
    const nowhere = startProgress(undefined, LABEL, 1000 * MIB);
    expect(() => {
      nowhere.advance(500 * MIB);
      nowhere.finish();
    }).not.toThrow();
  });
});
