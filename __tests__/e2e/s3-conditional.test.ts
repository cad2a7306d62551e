import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { StoreHost } from '../../src/hosts/store-host.js';
import { PreconditionFailed, WriteOutcomeUnknown } from '../../src/stores/object-store.js';
import { S3Store } from '../../src/stores/s3-store.js';
import { UserError } from '../../src/util/errors.js';
import type { Radosgw } from './services/radosgw.js';
import { startRadosgw } from './services/radosgw.js';

// Compare-and-swap on a store that really has it: Swift answers 501 to conditional PUTs (s3-store and
// s3-host cover that refusal), radosgw checks If-Match / If-None-Match like AWS S3.
const BUCKET = 'falco-cas';
const PREFIX = 'packages';

let radosgw: Radosgw;
let store: S3Store;
let raw: S3Client;
let work: string;

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  radosgw = await startRadosgw();
  work = await mkdtemp(join(tmpdir(), 's3-conditional-'));
  const credentials = { accessKeyId: radosgw.accessKeyId, secretAccessKey: radosgw.secretAccessKey };
  raw = new S3Client({
    endpoint: radosgw.endpoint,
    region: radosgw.region,
    forcePathStyle: true,
    credentials,
  });
  await raw.send(new CreateBucketCommand({ Bucket: BUCKET }));
  store = new S3Store({
    bucket: BUCKET,
    prefix: PREFIX,
    endpoint: radosgw.endpoint,
    region: radosgw.region,
    credentials,
  });
});

afterAll(async () => {
  raw?.destroy();
  await radosgw?.stop();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('S3Store conditional writes on Ceph radosgw', () => {
  test('If-None-Match: * creates a missing key and is refused on an existing one', async () => {
    const key = 'deb/dists/stable/Release';
    const etag = await store.put(key, Buffer.from('first'), { ifNoneMatch: true });
    await expect(store.put(key, Buffer.from('second'), { ifNoneMatch: true })).rejects.toBeInstanceOf(
      PreconditionFailed,
    );
    const got = await store.get(key);
    expect(got?.bytes.toString()).toBe('first');
    expect(got?.info.etag).toBe(etag);
  });

  test('If-Match is refused with a stale ETag and on a missing key', async () => {
    const key = 'rpm/repodata/repomd.xml';
    const stale = await store.put(key, Buffer.from('<repomd v="1"/>'));
    const current = await store.put(key, Buffer.from('<repomd v="2"/>'));
    expect(current).not.toBe(stale);
    await expect(store.put(key, Buffer.from('<repomd v="3"/>'), { ifMatch: stale })).rejects.toBeInstanceOf(
      PreconditionFailed,
    );
    expect((await store.get(key))?.bytes.toString()).toBe('<repomd v="2"/>');
    // AWS answers 404 here, radosgw 412: either way the object read is gone, so the writer re-reads.
    await expect(
      store.put('rpm/repodata/missing.xml', Buffer.from('x'), { ifMatch: current }),
    ).rejects.toBeInstanceOf(PreconditionFailed);
    expect(await store.head('rpm/repodata/missing.xml')).toBeUndefined();
  });

  test('If-Match with the current ETag replaces the object and returns the ETag HEAD reports', async () => {
    const key = 'deb/dists/stable/main/binary-amd64/Packages';
    const first = await store.put(key, Buffer.from('Package: falco\n'));
    // Quoted as HTTP has it or bare as the port keeps it: radosgw matches only the bare form.
    const second = await store.put(key, Buffer.from('Package: falco\nVersion: 1\n'), { ifMatch: first });
    const third = await store.put(key, Buffer.from('Package: falco\nVersion: 2\n'), {
      ifMatch: `"${second}"`,
    });
    expect(second).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set([first, second, third]).size).toBe(3);
    expect((await store.head(key))?.etag).toBe(third);
    expect((await store.get(key))?.bytes.toString()).toBe('Package: falco\nVersion: 2\n');
  });

  test('a multipart upload returns the ETag HEAD reports, and If-Match accepts it', async () => {
    // radosgw's CompleteMultipartUpload answers with an empty ETag; the store must not pass that on.
    const file = join(work, 'big.rpm');
    const bytes = randomBytes(20 * 1024 * 1024);
    await writeFile(file, bytes);
    const key = 'rpm/falco-0.40.0-x86_64.rpm';
    const etag = await store.put(key, { file, size: bytes.length }, { metadata: { sha256: sha256(bytes) } });
    expect(etag).toMatch(/^[0-9a-f]{32}-3$/);
    expect(await store.head(key)).toEqual({ etag, size: bytes.length, metadata: { sha256: sha256(bytes) } });

    // A conditional write of a file is one streamed PUT: its ETag comes back in the answer.
    const small = join(work, 'small.rpm');
    await writeFile(small, 'rpm 0.40.0');
    const replaced = await store.put(key, { file: small, size: 10 }, { ifMatch: etag });
    expect(replaced).toBe(createHash('md5').update('rpm 0.40.0').digest('hex'));
    expect((await store.head(key))?.etag).toBe(replaced);
  });

  test('8 writers appending to one JSON object through get → put(If-Match) lose nothing', async () => {
    const WRITERS = 8;
    const ROUNDS = 5;
    let conflicts = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const key = `cas/round-${round}.json`;
      await store.put(key, Buffer.from('[]'), { ifNoneMatch: true });
      const writer = async (id: string): Promise<void> => {
        for (let attempt = 1; ; attempt++) {
          const current = await store.get(key);
          if (current === undefined) throw new Error(`${key} vanished`);
          const ids = JSON.parse(current.bytes.toString()) as string[];
          // A write reported as failed may still have landed: re-reading is how a writer finds out.
          if (ids.includes(id)) return;
          try {
            await store.put(key, Buffer.from(JSON.stringify([...ids, id])), { ifMatch: current.info.etag });
            return;
          } catch (error) {
            const lost = error instanceof PreconditionFailed || error instanceof WriteOutcomeUnknown;
            if (!lost || attempt >= 50) throw error;
            conflicts++;
          }
        }
      };
      const ids = Array.from({ length: WRITERS }, (_, i) => `writer-${i}`);
      await Promise.all(ids.map(writer));
      const final = JSON.parse((await store.get(key))?.bytes.toString() ?? 'null') as string[];
      expect([...final].sort()).toEqual(ids);
    }
    // The writers really raced: without conflicts this would prove nothing about compare-and-swap.
    expect(conflicts).toBeGreaterThan(0);
  });
});

describe('StoreHost on Ceph radosgw', () => {
  test('check() finds conditional writes supported, and writes nothing', async () => {
    await expect(new StoreHost(store, false).check()).resolves.toBeUndefined();
    expect(await store.list('.falco-publisher/')).toEqual([]);
  });

  test('create-only publishing: the same package twice is fine, different content is refused', async () => {
    const host = new StoreHost(store, false);
    await host.check();
    const file = join(work, 'falco-0.26.0-x86_64.deb');
    await writeFile(file, 'deb 0.26.0');
    const hash = sha256(Buffer.from('deb 0.26.0'));
    const path = 'deb/stable/falco-0.26.0-x86_64.deb';
    await host.put(path, file, { sha256: hash, replace: false });
    // Another publisher got there first with the same bytes: If-None-Match refuses, the sha256 agrees.
    await host.put(path, file, { sha256: hash, replace: false });
    expect(await host.existing(path)).toBe(hash);

    const other = join(work, 'other.deb');
    await writeFile(other, 'deb 0.26.0, rebuilt');
    await expect(
      host.put(path, other, { sha256: sha256(Buffer.from('deb 0.26.0, rebuilt')), replace: false }),
    ).rejects.toBeInstanceOf(UserError);
    expect(await host.existing(path)).toBe(hash);
  });
});
