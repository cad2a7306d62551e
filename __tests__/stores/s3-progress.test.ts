import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Store } from '../../src/stores/s3-store.js';
import { sha256File } from '../../src/util/sha256-file.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { eightyMiBLines } from '../fixtures/clocked-blob.js';
import { tickingClock, writeMiBFile } from '../fixtures/ticking-clock.js';
import { startFakeS3, type FakeS3 } from './fake-s3.js';

// Packages uploaded to S3 tell their progress, on a clock that moves 50 ms each time it is read (once
// at the start, once per step).

const MIB = 1024 * 1024;
let dir: string;
let s3: FakeS3;
let file: string;
let sha256: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3-progress-'));
  s3 = await startFakeS3();
  file = await writeMiBFile(join(dir, 'falco-0.40.0-x86_64.tar.gz'), 80);
  sha256 = await sha256File(file);
});
afterAll(async () => {
  await s3?.stop();
  await rm(dir, { recursive: true, force: true });
});

function store(now: () => number) {
  const logger = captureLogger();
  const s3Store = new S3Store({
    bucket: 'falco-distribution',
    prefix: 'packages',
    endpoint: s3.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
    progress: { logger, now },
  });
  return { store: s3Store, lines: logger.lines };
}

const KEY = 'bin/x86_64/falco-0.40.0-x86_64.tar.gz';

describe('S3Store.put progress', () => {
  it('counts a create-only PUT in steps of 1 MiB as the request takes them', async () => {
    const { store: s3Store, lines } = store(tickingClock(50));
    const sent = s3.received.length;
    await s3Store.put(KEY, { file, size: 80 * MIB }, { ifNoneMatch: true, metadata: { sha256 } });
    expect(lines).toEqual([...eightyMiBLines(KEY), `${KEY} 100% of 80 MiB in 4.0 s, 20.0 MiB/s`]);
    const puts = s3.received.slice(sent).filter((request) => request.method === 'PUT');
    expect(puts.map((request) => [request.ifNoneMatch, request.bodyBytes])).toEqual([['*', 80 * MIB]]);
  });

  it('counts each part of a multipart upload once the store has it', async () => {
    const { store: s3Store, lines } = store(tickingClock(50));
    const sent = s3.received.length;
    await s3Store.put(KEY, { file, size: 80 * MIB }, { metadata: { sha256 } });
    const parts = s3.received.slice(sent).filter((request) => request.url.includes('partNumber='));
    expect(parts.map((part) => part.bodyBytes)).toEqual(Array.from({ length: 10 }, () => 8 * MIB));
    // Parts of 8 MiB, each a 10 % step and one tick: 160 MiB/s, under a second left at every step.
    expect(lines).toEqual([
      ...Array.from({ length: 9 }, (_, step) => `${KEY} ${(step + 1) * 10}% of 80 MiB, 160.0 MiB/s, ETA 1 s`),
      `${KEY} 100% of 80 MiB in 0.5 s, 160.0 MiB/s`,
    ]);
  });

  it('logs nothing for bytes, however many', async () => {
    const { store: s3Store, lines } = store(tickingClock(50));
    await s3Store.put('deb/dists/stable/Release', Buffer.alloc(80 * MIB));
    expect(lines).toEqual([]);
  });
});
