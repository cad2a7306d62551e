import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { sha256File } from '../../src/util/sha256-file.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { eightyMiBLines } from '../fixtures/clocked-blob.js';
import { tickingClock, writeMiBFile } from '../fixtures/ticking-clock.js';

// A package copied into a directory host tells its progress in steps of 1 MiB, on a clock that moves
// 50 ms per step (20 MiB/s).

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'directory-progress-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('DirectoryStore.put progress', () => {
  it('logs each 10 % of a large file as it is copied, then the average rate once it is in place', async () => {
    const file = await writeMiBFile(join(dir, 'falco-0.40.0-x86_64.tar.gz'), 80);
    const logger = captureLogger();
    const store = new DirectoryStore(join(dir, 'host'), { logger, now: tickingClock(50) });
    const key = 'bin/x86_64/falco-0.40.0-x86_64.tar.gz';
    const sha256 = await sha256File(file);
    expect(await store.put(key, { file, size: 80 * 1024 * 1024 }, { metadata: { sha256 } })).toBe(sha256);
    expect(logger.lines).toEqual([...eightyMiBLines(key), `${key} 100% of 80 MiB in 4.0 s, 20.0 MiB/s`]);
    expect((await readFile(join(dir, 'host', key))).equals(await readFile(file))).toBe(true);
  });

  it('has no last line when the copy is refused', async () => {
    const file = await writeMiBFile(join(dir, 'falco-0.40.0-x86_64.tar.gz'), 80);
    const logger = captureLogger();
    const store = new DirectoryStore(join(dir, 'host'), { logger, now: tickingClock(50) });
    const put = store.put(
      'bin/x86_64/falco.tar.gz',
      { file, size: 80 * 1024 * 1024 },
      {
        metadata: { sha256: '0'.repeat(64) },
      },
    );
    await expect(put).rejects.toThrow('changed while it was being published');
    expect(logger.lines).toHaveLength(9);
    expect(logger.lines.some((line) => line.includes('100%'))).toBe(false);
  });

  it('logs nothing for a file of 64 MiB or less, nor for bytes', async () => {
    const file = await writeMiBFile(join(dir, 'small.tar.gz'), 64);
    const logger = captureLogger();
    const store = new DirectoryStore(join(dir, 'host'), { logger, now: tickingClock(50) });
    await store.put('bin/small.tar.gz', { file, size: 64 * 1024 * 1024 });
    await store.put('deb/dists/stable/Release', Buffer.alloc(80 * 1024 * 1024));
    expect(logger.lines).toEqual([]);
    expect((await readFile(join(dir, 'host', 'bin/small.tar.gz'))).equals(await readFile(file))).toBe(true);
  });
});
