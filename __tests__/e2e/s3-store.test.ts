import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import {
  CreateBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ConditionalWritesUnsupported, WriteOutcomeUnknown } from '../../src/stores/object-store.js';
import { S3Store } from '../../src/stores/s3-store.js';
import { UserError } from '../../src/util/errors.js';
import { passOverFile } from '../../src/util/file-pass.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';
import type { Swift } from './services/swift.js';
import { startSwift } from './services/swift.js';

const BUCKET = 'falco-e2e';
const PREFIX = 'packages';
const PLUS_KEY = 'deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb';

let swift: Swift;
let store: S3Store;
let raw: S3Client;
let work: string;

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  swift = await startSwift();
  work = await mkdtemp(join(tmpdir(), 's3-store-'));
  // The store under test finds its keys the way the action does: through the SDK's default chain.
  vi.stubEnv('AWS_ACCESS_KEY_ID', swift.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', swift.secretAccessKey);
  raw = new S3Client({
    endpoint: swift.endpoint,
    region: swift.region,
    forcePathStyle: true,
    credentials: { accessKeyId: swift.accessKeyId, secretAccessKey: swift.secretAccessKey },
  });
  await raw.send(new CreateBucketCommand({ Bucket: BUCKET }));
  store = new S3Store({ bucket: BUCKET, prefix: PREFIX, endpoint: swift.endpoint, region: swift.region });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  raw?.destroy();
  await swift?.stop();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('S3Store on Swift s3api', () => {
  test('put, head, get, open, list and delete an object with its metadata and Cache-Control', async () => {
    const bytes = Buffer.from('Package: falco\n');
    const etag = await store.put('deb/dists/stable/main/binary-amd64/Packages', bytes, {
      contentType: 'text/plain',
      cacheControl: 'no-cache',
      metadata: { sha256: sha256(bytes) },
    });
    expect(etag).toMatch(/^[0-9a-f]{32}$/); // unquoted

    const info = await store.head('deb/dists/stable/main/binary-amd64/Packages');
    expect(info).toEqual({ etag, size: bytes.length, metadata: { sha256: sha256(bytes) } });
    const got = await store.get('deb/dists/stable/main/binary-amd64/Packages');
    expect(got?.bytes.equals(bytes)).toBe(true);
    expect(got?.info.etag).toBe(etag);
    const stream = await store.open('deb/dists/stable/main/binary-amd64/Packages');
    expect(stream === undefined ? undefined : (await buffer(stream)).toString()).toBe('Package: falco\n');

    // The store's prefix is where the object really is, with the headers a web client will see.
    const direct = await raw.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}/deb/dists/stable/main/binary-amd64/Packages` }),
    );
    expect(direct.CacheControl).toBe('no-cache');
    expect(direct.ContentType).toBe('text/plain');

    expect(await store.list('deb/')).toEqual(['deb/dists/stable/main/binary-amd64/Packages']);
    await store.delete('deb/dists/stable/main/binary-amd64/Packages');
    expect(await store.head('deb/dists/stable/main/binary-amd64/Packages')).toBeUndefined();
    expect(await store.get('deb/dists/stable/main/binary-amd64/Packages')).toBeUndefined();
    expect(await store.open('deb/dists/stable/main/binary-amd64/Packages')).toBeUndefined();
    await store.delete('deb/dists/stable/main/binary-amd64/Packages'); // deleting a missing key is no error
  });

  test(`a key with '+' round-trips: ${PLUS_KEY}`, async () => {
    const file = join(work, 'plus.deb');
    const bytes = randomBytes(4096);
    await writeFile(file, bytes);
    await store.put(PLUS_KEY, { file, size: bytes.length }, { cacheControl: 'max-age=31536000, immutable' });
    // '+' must not turn into a space (or back) anywhere: not in the path, not in the listing.
    expect(await store.list('deb-dev/')).toEqual([PLUS_KEY]);
    expect((await store.get(PLUS_KEY))?.bytes.equals(bytes)).toBe(true);
    expect(await store.head('deb-dev/stable/falco-0.27.0-12 abc1234-x86_64.deb')).toBeUndefined();
    const direct = await raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}/${PLUS_KEY}` }));
    expect(direct.CacheControl).toBe('max-age=31536000, immutable');
    await store.delete(PLUS_KEY);
    expect(await store.list('deb-dev/')).toEqual([]);
  });

  test('a 20 MiB file goes up as a multipart upload and reads back whole', async () => {
    const file = join(work, 'big.rpm');
    const bytes = randomBytes(20 * 1024 * 1024);
    await writeFile(file, bytes);
    const etag = await store.put(
      'rpm/falco-0.40.0-x86_64.rpm',
      { file, size: bytes.length },
      { cacheControl: 'max-age=31536000, immutable', metadata: { sha256: sha256(bytes) } },
    );
    // 8 MiB parts: 3 of them, and the AWS-style multipart ETag says so.
    expect(etag).toMatch(/^[0-9a-f]{32}-3$/);
    const info = await store.head('rpm/falco-0.40.0-x86_64.rpm');
    expect(info).toEqual({ etag, size: bytes.length, metadata: { sha256: sha256(bytes) } });
    const direct = await raw.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}/rpm/falco-0.40.0-x86_64.rpm` }),
    );
    expect(direct.CacheControl).toBe('max-age=31536000, immutable');
    const stream = await store.open('rpm/falco-0.40.0-x86_64.rpm');
    expect(stream === undefined ? undefined : sha256(await buffer(stream))).toBe(sha256(bytes));
  });

  test.each([
    ['one PutObject', 3 * 1024 * 1024],
    ['a multipart upload', 20 * 1024 * 1024],
  ])(
    'a file that is not what validation hashed (%s) is refused by Swift itself, and nothing is written',
    async (_, size) => {
      const file = join(work, `changed-${size}.tar.gz`);
      const validated = randomBytes(size);
      await writeFile(file, validated);
      const partSize = store.uploadPartSize(size);
      const pass = await passOverFile(file, { hashes: ['sha256'], partSize: () => partSize });
      // Rewritten after validation, same size: only the store's check of each body's sha256 can tell.
      await writeFile(file, randomBytes(size));
      const key = `bin/x86_64/changed-${size}.tar.gz`;
      const error = await asyncUserErrorOf(
        store.put(key, { file, size, parts: pass.parts }, { metadata: { sha256: pass.digests.sha256 } }),
      );
      expect(error.message).toContain(`${file}: changed while it was being published`);
      expect(await store.head(key)).toBeUndefined();
      const uploads = await raw.send(
        new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: `${PREFIX}/${key}` }),
      );
      expect(uploads.Uploads ?? []).toEqual([]);
    },
  );

  test('list pages through more than 1000 keys, sorted', async () => {
    const keys = Array.from(
      { length: 1010 },
      (_, i) => `bin-dev/x86_64/falco-${String(i).padStart(4, '0')}.tar.gz`,
    );
    const queue = [...keys];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let key = queue.pop(); key !== undefined; key = queue.pop())
          await store.put(key, Buffer.from(key));
      }),
    );
    expect(await store.list('bin-dev/')).toEqual(keys);
  });

  test('conditional PUTs are refused as unsupported (Swift answers 501), and nothing is written', async () => {
    const etag = await store.put('rpm/repodata/repomd.xml', Buffer.from('<repomd/>'));
    await expect(
      store.put('rpm/repodata/repomd.xml', Buffer.from('<new/>'), { ifMatch: etag }),
    ).rejects.toBeInstanceOf(ConditionalWritesUnsupported);
    await expect(
      store.put('rpm/repodata/created.xml', Buffer.from('<new/>'), { ifNoneMatch: true }),
    ).rejects.toBeInstanceOf(ConditionalWritesUnsupported);
    expect((await store.get('rpm/repodata/repomd.xml'))?.bytes.toString()).toBe('<repomd/>');
    expect(await store.head('rpm/repodata/created.xml')).toBeUndefined();
  });

  test('a wrong secret is a UserError naming the bucket, without the secret', async () => {
    const secret = 'wrong-secret-7f3a9c';
    const wrong = new S3Store({
      bucket: BUCKET,
      prefix: PREFIX,
      endpoint: swift.endpoint,
      credentials: { accessKeyId: swift.accessKeyId, secretAccessKey: secret },
    });
    for (const attempt of [
      () => wrong.put('deb/x', Buffer.from('x')),
      () => wrong.head('deb/x'),
      () => wrong.list('deb/'),
    ]) {
      const error: unknown = await attempt().then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(UserError);
      const message = error instanceof Error ? error.message : '';
      expect(message).toContain(`s3://${BUCKET}`);
      expect(message).toContain('AWS credentials');
      expect(message).not.toContain(secret);
    }
  });

  test('a conditional PUT that fails with 500 is sent once and reported as of unknown outcome (radosgw)', async () => {
    // Swift never gets this far (501), so a stand-in answers as radosgw does to a race's loser. The SDK
    // would retry a 500 three times; a repeat of a write that may have landed must be the caller's call.
    let puts = 0;
    const server = createServer((request, response) => {
      if (request.method === 'PUT') puts++;
      request.resume();
      request.on('end', () => {
        response.writeHead(500, { 'content-type': 'application/xml' });
        response.end('<?xml version="1.0"?><Error><Code>InternalError</Code><Message>x</Message></Error>');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const standIn = new S3Store({
        bucket: BUCKET,
        prefix: PREFIX,
        endpoint: `http://127.0.0.1:${port}`,
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      });
      await expect(
        standIn.put('deb/dists/stable/InRelease', Buffer.from('x'), { ifMatch: '"abc"' }),
      ).rejects.toBeInstanceOf(WriteOutcomeUnknown);
      expect(puts).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
