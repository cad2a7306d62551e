import { afterEach, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { clockedBlob, eightyMiBLines } from '../fixtures/clocked-blob.js';
import { startFakeRegistry, type Answer, type FakeRegistry, type Received } from './fake-registry.js';

// The progress of blob uploads, on a clock that moves 50 ms each time the blob's source gives 1 MiB:
// 20 MiB/s whichever way the blob goes up.

const MIB = 1024 * 1024;

let fake: FakeRegistry | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

/** POST opens an upload session (with `sessionHeaders`); the rest is `answer`'s. */
async function registry(
  answer: (request: Received) => Answer,
  sessionHeaders: Record<string, string> = {},
): Promise<FakeRegistry> {
  fake = await startFakeRegistry((request) =>
    request.method === 'POST'
      ? {
          status: 202,
          headers: { location: '/v2/falcosecurity/falco/blobs/uploads/session', ...sessionHeaders },
        }
      : answer(request),
  );
  return fake;
}

describe('RegistryClient.uploadBlob progress', () => {
  it('logs each 10 % of a blob sent in one PUT, then the average rate once the registry stored it', async () => {
    const r = await registry(() => ({ status: 201 }));
    const source = clockedBlob(80);
    const logger = captureLogger();
    const client = new RegistryClient(r.address, undefined, { logger, now: source.now });
    await client.uploadBlob('falcosecurity/falco', source.descriptor, source.open);
    const label = `${r.address}/falcosecurity/falco: ${source.descriptor.digest.slice(0, 19)}…`;
    expect(logger.lines).toEqual([...eightyMiBLines(label), `${label} 100% of 80 MiB in 4.0 s, 20.0 MiB/s`]);
    expect(r.received.find((request) => request.method === 'PUT')?.bodyBytes).toBe(80 * MIB);
  });

  it('counts the chunks of a chunked upload as the registry takes them', async () => {
    const r = await registry(
      (request) =>
        request.method === 'PATCH'
          ? { status: 202, headers: { location: '/v2/falcosecurity/falco/blobs/uploads/session' } }
          : { status: 201 },
      { 'oci-chunk-min-length': String(8 * MIB) },
    );
    const source = clockedBlob(80);
    const logger = captureLogger();
    const client = new RegistryClient(r.address, undefined, { logger, now: source.now });
    await client.uploadBlob('falcosecurity/falco', source.descriptor, source.open);
    // Chunks of 8 MiB, each a 10 % step: a chunk is counted once its PATCH is answered, by when the
    // source gave its 8 MiB, so the rate is the source's.
    expect(r.received.filter((request) => request.method === 'PATCH').map((p) => p.bodyBytes)).toEqual(
      Array.from({ length: 10 }, () => 8 * MIB),
    );
    const label = `${r.address}/falcosecurity/falco: ${source.descriptor.digest.slice(0, 19)}…`;
    expect(logger.lines).toEqual([...eightyMiBLines(label), `${label} 100% of 80 MiB in 4.0 s, 20.0 MiB/s`]);
  });

  it('starts over from 0 % when an attempt fails and the blob is sent again', async () => {
    let puts = 0;
    const r = await registry(() => (++puts === 1 ? { status: 503 } : { status: 201 }));
    const source = clockedBlob(80);
    const logger = captureLogger();
    const client = new RegistryClient(r.address, undefined, {
      logger,
      now: source.now,
      sleep: async () => undefined,
    });
    await client.uploadBlob('falcosecurity/falco', source.descriptor, source.open);
    const label = `${r.address}/falcosecurity/falco: ${source.descriptor.digest.slice(0, 19)}…`;
    expect(source.opened()).toBe(2);
    const progress = logger.lines.filter((line) => line.startsWith(label));
    expect(progress).toEqual([
      ...eightyMiBLines(label),
      ...eightyMiBLines(label),
      `${label} 100% of 80 MiB in 4.0 s, 20.0 MiB/s`,
    ]);
    // Between the two passes, the retry is told.
    expect(logger.lines[9]).toContain('retry 1 of 4');
  });

  it('logs nothing for a blob of 64 MiB or less', async () => {
    const r = await registry(() => ({ status: 201 }));
    const source = clockedBlob(64);
    const logger = captureLogger();
    const client = new RegistryClient(r.address, undefined, { logger, now: source.now });
    await client.uploadBlob('falcosecurity/falco', source.descriptor, source.open);
    expect(logger.lines).toEqual([]);
  });
});
