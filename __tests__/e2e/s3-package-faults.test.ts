import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { StoreHost } from '../../src/hosts/store-host.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';
import { first, injected, s3Answer, startFaultyS3, type FaultyS3 } from './services/faulty-s3.js';

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
    // Refused by the store for its Content-MD5 (BadDigest), as the read before the PUT still matched.
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
