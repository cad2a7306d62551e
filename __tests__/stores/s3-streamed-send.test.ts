import { mkdtemp, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Store } from '../../src/stores/s3-store.js';
import { passOverFile } from '../../src/util/file-pass.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';
import { writeMiBFile } from '../fixtures/ticking-clock.js';
import { startFakeS3, type FakeS3 } from './fake-s3.js';

// A package cut short after validation, while its bytes stream up. A store answers a request only once
// its body has all come, so the request must be ended from this side the moment the file runs out:
// otherwise it waits for the client's socket timeout (60 s, longer than these tests may take).

const MIB = 1024 * 1024;
let dir: string;
let s3: FakeS3;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3-streamed-send-'));
  s3 = await startFakeS3();
});
afterAll(async () => {
  await s3?.stop();
  await rm(dir, { recursive: true, force: true });
});

const store = (): S3Store =>
  new S3Store({
    bucket: 'falco-distribution',
    prefix: 'packages',
    endpoint: s3.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
  });

const changed = (file: string): string =>
  `${file}: changed while it was being published (its sha256 is no longer the one planned); nothing was written — make sure nothing rewrites the package files while the action runs, then run it again`;

describe('a package file that ends early while it streams up', () => {
  it('a create-only PUT is ended at once, and the error names the file', async () => {
    const file = await writeMiBFile(join(dir, 'falco-0.40.0-x86_64.deb'), 4);
    const { digests } = await passOverFile(file, { hashes: ['sha256'] });
    await truncate(file, 3 * MIB);
    const cutBefore = s3.cutShort.length;
    const error = await asyncUserErrorOf(
      store().put(
        'deb/stable/falco-0.40.0-x86_64.deb',
        { file, size: 4 * MIB },
        {
          ifNoneMatch: true,
          metadata: { sha256: digests.sha256 },
        },
      ),
    );
    expect(error.message).toBe(changed(file));
    const cut = s3.cutShort.slice(cutBefore);
    expect(cut.map((request) => [request.method, request.ifNoneMatch])).toEqual([['PUT', '*']]);
    expect(cut[0]?.bodyBytes).toBeLessThanOrEqual(3 * MIB);
  });

  it('a part is ended at once, the upload aborted, and the error names the file', async () => {
    const file = await writeMiBFile(join(dir, 'falco-0.40.0-x86_64.tar.gz'), 20);
    const size = 20 * MIB;
    const s3Store = store();
    const pass = await passOverFile(file, { hashes: ['sha256'], partSize: (n) => s3Store.uploadPartSize(n) });
    if (pass.parts === undefined) throw new Error('a 20 MiB file goes up in parts');
    await truncate(file, 12 * MIB);
    const [cutBefore, sentBefore] = [s3.cutShort.length, s3.received.length];
    const error = await asyncUserErrorOf(
      s3Store.put(
        'bin/x86_64/falco-0.40.0-x86_64.tar.gz',
        { file, size, parts: pass.parts },
        {
          metadata: { sha256: pass.digests.sha256 },
        },
      ),
    );
    expect(error.message).toBe(changed(file));
    // Part 2 (8 to 16 MiB) runs out at 12 MiB, part 3 (from 16 MiB) at once: neither gets an answer.
    const cut = s3.cutShort.slice(cutBefore).filter((request) => request.url.includes('partNumber='));
    expect(cut.length).toBeGreaterThan(0);
    for (const part of cut) expect(part.bodyBytes).toBeLessThan(8 * MIB);
    const sent = s3.received.slice(sentBefore);
    expect(sent.some((request) => request.method === 'DELETE' && request.url.includes('uploadId='))).toBe(
      true,
    );
    expect(sent.some((request) => request.method === 'POST' && request.url.includes('uploadId='))).toBe(
      false,
    );
  });
});
