import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OciLayoutTarget } from '../../src/oci/layout-target.js';
import { blobFile } from './layout-fixture.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { clockedBlob, eightyMiBLines } from '../fixtures/clocked-blob.js';

// The progress of blobs written into an OCI layout, on a clock that the blob's source moves 50 ms per
// MiB (20 MiB/s): a chunk is counted once it is written to the blob's file.

describe('OciLayoutTarget.writeBlob progress', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'layout-progress-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('logs each 10 % of a large blob, then the average rate once it is in place; nothing when it is there', async () => {
    const blob = clockedBlob(80);
    const logger = captureLogger();
    const out = join(dir, 'out');
    const target = new OciLayoutTarget(out, { logger, now: blob.now });
    await target.writeBlob(blob.descriptor, blob.open);
    const label = `oci-layout:${out}: ${blob.descriptor.digest.slice(0, 19)}…`;
    expect(logger.lines).toEqual([...eightyMiBLines(label), `${label} 100% of 80 MiB in 4.0 s, 20.0 MiB/s`]);
    expect((await stat(blobFile(out, blob.descriptor.digest))).size).toBe(80 * 1024 * 1024);

    await target.writeBlob(blob.descriptor, blob.open);
    expect(logger.lines).toHaveLength(10);
    expect(blob.opened()).toBe(1);
  });

  it('has no last line for a blob that is not what its descriptor says', async () => {
    const blob = clockedBlob(80);
    const logger = captureLogger();
    const target = new OciLayoutTarget(join(dir, 'out'), { logger, now: blob.now });
    const wrong = { ...blob.descriptor, digest: `sha256:${'0'.repeat(64)}` };
    await expect(target.writeBlob(wrong, blob.open)).rejects.toThrow('is not what its descriptor says');
    expect(logger.lines).toHaveLength(9);
    expect(logger.lines.some((line) => line.includes('100%'))).toBe(false);
  });

  it('logs nothing for a blob of 64 MiB or less', async () => {
    const blob = clockedBlob(64);
    const logger = captureLogger();
    const target = new OciLayoutTarget(join(dir, 'out'), { logger, now: blob.now });
    await target.writeBlob(blob.descriptor, blob.open);
    expect(logger.lines).toEqual([]);
  });
});
