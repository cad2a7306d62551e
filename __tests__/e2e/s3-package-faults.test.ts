import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { StoreHost } from '../../src/hosts/store-host.js';
import type { S3Store } from '../../src/stores/s3-store.js';
import { passOverFile } from '../../src/util/file-pass.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';
import { first, injected, s3Answer, startFaultyS3, type FaultyS3 } from './services/faulty-s3.js';
import type { ProxyExchange } from './services/proxy.js';

// Packages going up to radosgw through a loopback proxy: a 500 that leaves open whether the upload
// landed, and a package file rewritten after the plan hashed it.
let s3: FaultyS3;

beforeAll(async () => {
  s3 = await startFaultyS3('falco-package-faults');
}, 120_000);
afterEach(async () => s3.stopProxy());
afterAll(async () => s3?.stop());

const sha256Of = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

describe('packages on radosgw under injected faults', () => {
  test.each([
    ['did not land', 'answer'],
    ['landed', 'afterForward'],
  ] as const)('a 500 to a create-only package upload that %s: the package is there once', async (_, when) => {
    const store = await s3.behind({ [when]: first(/\.deb$/, s3Answer(500, 'InternalError')) });
    const bytes = randomBytes(4096);
    const file = join(s3.work, `package-${s3.prefix}.deb`);
    await writeFile(file, bytes);
    const path = 'deb/stable/falco-0.40.0-x86_64.deb';
    await new StoreHost(store, false).put(path, file, { sha256: sha256Of(bytes), replace: false });
    expect(injected(s3)).toBe(1);
    expect((await s3.direct.get(path))?.bytes.equals(bytes)).toBe(true);
    expect((await s3.direct.head(path))?.metadata).toEqual({ sha256: sha256Of(bytes) });
  });
});

describe('the sha256 metadata of a package is the digest of the bytes sent', () => {
  // The plan hashed the package; something rewrote it before its upload (the same size, other bytes).
  const PLANNED = sha256Of('the bytes the plan hashed');

  test.each([
    ['a small file, replaced (one PutObject)', 1024, true],
    ['a file of several parts, replaced (multipart)', 20 * 1024 * 1024, true],
    ['a new package, create-only (one conditional PUT)', 1024, false],
  ])('%s: refused with an error naming the file, nothing written', async (_, size, replace) => {
    const store = await s3.behind({});
    const file = join(s3.work, `rewritten-${s3.prefix}.deb`);
    await writeFile(file, randomBytes(size));
    const path = 'deb/stable/falco-0.40.0-x86_64.deb';
    const error = await asyncUserErrorOf(
      new StoreHost(store, false).put(path, file, { sha256: PLANNED, replace }),
    );
    expect(error.message).toBe(
      `${file}: changed while it was being published (its sha256 is no longer the one planned); nothing was written — make sure nothing rewrites the package files while the action runs, then run it again`,
    );
    expect(await s3.direct.head(path)).toBeUndefined();
    const uploads = await s3.raw.send(
      new ListMultipartUploadsCommand({ Bucket: s3.bucket, Prefix: `${s3.prefix}/` }),
    );
    expect(uploads.Uploads ?? []).toEqual([]);
  });

  test('a new package rewritten while it streams up: the store refuses it, nothing written', async () => {
    const size = 32 * 1024 * 1024;
    const bytes = randomBytes(size);
    const file = join(s3.work, 'streaming.deb');
    await writeFile(file, bytes);
    // The request has only begun when the proxy sees it: the rest of the file is read after this.
    const store = await s3.behind({
      answer: (exchange) => {
        if (exchange.method === 'PUT') writeFileSync(file, randomBytes(size));
        return undefined;
      },
    });
    const path = 'deb/stable/falco-0.40.0-x86_64.deb';
    const error = await asyncUserErrorOf(
      new StoreHost(store, false).put(path, file, { sha256: sha256Of(bytes), replace: false }),
    );
    expect(error.message).toContain(`${file}: changed while it was being published`);
    // Refused by the store itself: the body is not the sha256 it was signed with.
    expect(s3.proxy.exchanges.filter((e) => e.method === 'PUT').map((e) => e.status)).toEqual([400]);
    expect(await s3.direct.head(path)).toBeUndefined();
  });

  test('a file that matches its plan goes up with it as metadata', async () => {
    const store = await s3.behind({});
    const bytes = randomBytes(20 * 1024 * 1024);
    const file = join(s3.work, 'kept.deb');
    await writeFile(file, bytes);
    const host = new StoreHost(store, false);
    await host.put('deb/stable/falco-0.40.0-x86_64.deb', file, { sha256: sha256Of(bytes), replace: true });
    await host.put('deb/stable/falco-0.41.0-x86_64.deb', file, { sha256: sha256Of(bytes), replace: false });
    expect(await host.existing('deb/stable/falco-0.40.0-x86_64.deb')).toBe(sha256Of(bytes));
    expect(await host.existing('deb/stable/falco-0.41.0-x86_64.deb')).toBe(sha256Of(bytes));
  });
});

describe('a package sent in parts, each signed with the sha256 validation took', () => {
  const MIB = 1024 * 1024;
  const PATH = 'bin/x86_64/falco-0.40.0-x86_64.tar.gz';
  const isPart = (exchange: ProxyExchange, number?: number): boolean =>
    exchange.method === 'PUT' &&
    /[?&]partNumber=\d+/.test(exchange.url) &&
    (number === undefined ||
      new URL(exchange.url, 'http://s3').searchParams.get('partNumber') === String(number));

  /** A 20 MiB package (3 parts of 8 MiB) and the digests validation takes of it, in one read. */
  async function validated(name: string, store: S3Store) {
    const bytes = randomBytes(20 * MIB);
    const file = join(s3.work, name);
    await writeFile(file, bytes);
    const pass = await passOverFile(file, {
      hashes: ['sha256'],
      partSize: (size) => store.uploadPartSize(size),
    });
    if (pass.parts === undefined) throw new Error('a 20 MiB file goes up in parts');
    return { bytes, file, sha256: pass.digests.sha256, parts: pass.parts };
  }

  test('every part carries its digest as x-amz-content-sha256, and the object is the file', async () => {
    const store = await s3.behind({});
    const { bytes, file, sha256, parts } = await validated('parts.tar.gz', store);
    expect(parts.sha256).toHaveLength(3);
    await new StoreHost(store, false).put(PATH, file, { sha256, replace: true, parts });
    const sent = s3.proxy.exchanges.filter((e) => isPart(e));
    expect(sent.map((e) => e.requestHeaders['x-amz-content-sha256']).sort()).toEqual(
      [...parts.sha256].sort(),
    );
    expect(sent.map((e) => e.requestBytes).sort((a, b) => a - b)).toEqual([4 * MIB, 8 * MIB, 8 * MIB]);
    expect(
      s3.proxy.exchanges.some((e) => e.requestHeaders['x-amz-content-sha256'] === 'UNSIGNED-PAYLOAD'),
    ).toBe(false);
    expect((await s3.direct.get(PATH))?.bytes.equals(bytes)).toBe(true);
    expect((await s3.direct.head(PATH))?.metadata).toEqual({ sha256 });
  });

  test('a file rewritten after validation (same size): the store refuses its parts, nothing is written', async () => {
    const store = await s3.behind({});
    const { file, sha256, parts } = await validated('rewritten-parts.tar.gz', store);
    await writeFile(file, randomBytes(20 * MIB));
    const error = await asyncUserErrorOf(
      new StoreHost(store, false).put(PATH, file, { sha256, replace: true, parts }),
    );
    expect(error.message).toContain(`${file}: changed while it was being published`);
    const refused = s3.proxy.exchanges.filter((e) => isPart(e));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((e) => e.status === 400 || e.status === 0)).toBe(true);
    expect(await s3.direct.head(PATH)).toBeUndefined();
    const uploads = await s3.raw.send(
      new ListMultipartUploadsCommand({ Bucket: s3.bucket, Prefix: `${s3.prefix}/` }),
    );
    expect(uploads.Uploads ?? []).toEqual([]);
  });

  test.each([
    ['a 500', s3Answer(500, 'InternalError')],
    ['a 503 SlowDown', s3Answer(503, 'SlowDown')],
    // Not S3's error document but a front's page: the SDK cannot parse it, its status still says "later".
    ['a 502 in plain text', { status: 502, headers: { 'content-type': 'text/plain' }, body: 'Bad Gateway' }],
    ['a connection reset after 1 MiB of it', { resetAfterBytes: MIB }],
  ] as const)(
    '%s to a part: that part is sent again from the file, and the object is whole',
    async (_, fault) => {
      const store = await s3.behind({
        answer: (exchange, earlier) =>
          isPart(exchange, 2) && !earlier.some((e) => isPart(e, 2)) ? fault : undefined,
      });
      const { bytes, file, sha256, parts } = await validated('retried-part.tar.gz', store);
      await new StoreHost(store, false).put(PATH, file, { sha256, replace: true, parts });
      expect(s3.proxy.exchanges.filter((e) => isPart(e, 2))).toHaveLength(2);
      expect(s3.proxy.exchanges.filter((e) => isPart(e))).toHaveLength(4);
      expect((await s3.direct.get(PATH))?.bytes.equals(bytes)).toBe(true);
    },
  );

  test('a part refused for good (403) fails the upload once, and no part is left behind', async () => {
    const store = await s3.behind({
      answer: (exchange) => (isPart(exchange, 3) ? s3Answer(403, 'AccessDenied') : undefined),
    });
    const { file, sha256, parts } = await validated('denied-part.tar.gz', store);
    const error = await asyncUserErrorOf(
      new StoreHost(store, false).put(PATH, file, { sha256, replace: true, parts }),
    );
    expect(error.message).toContain('the store denied access (403 AccessDenied)');
    expect(s3.proxy.exchanges.filter((e) => isPart(e, 3))).toHaveLength(1);
    const uploads = await s3.raw.send(
      new ListMultipartUploadsCommand({ Bucket: s3.bucket, Prefix: `${s3.prefix}/` }),
    );
    expect(uploads.Uploads ?? []).toEqual([]);
    expect(await s3.direct.head(PATH)).toBeUndefined();
  });
});
