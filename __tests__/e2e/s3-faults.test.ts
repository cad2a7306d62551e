import { statSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readPackageContents } from '../../src/formats/package-contents.js';
import { parseRepomd } from '../../src/formats/yum/repomd-xml.js';
import type { PackageToIndex } from '../../src/indexes/indexed-package.js';
import { RepositoryUpdater, type RepositoryReport } from '../../src/indexes/repository-updater.js';
import { StoreHost } from '../../src/hosts/store-host.js';
import { S3Store } from '../../src/stores/s3-store.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';
import { madeFalcoRpm } from '../indexes/made-packages.js';
import { startProxy, type CannedAnswer, type CountingProxy, type ProxyExchange } from './services/proxy.js';
import { startRadosgw, type Radosgw } from './services/radosgw.js';

// The faults a real S3 gives on release day, injected by a loopback proxy in front of radosgw: a 500 to
// a conditional PUT (radosgw's answer to a race's loser, AWS's occasional InternalError) that may or may
// not have landed, and AWS's 409 to overlapping conditional writes. None may leave a repomd.xml naming
// a file that is not there, or a package retention took out of the index.
const BUCKET = 'falco-faults';

let radosgw: Radosgw;
let raw: S3Client;
let direct: S3Store;
let work: string;
let proxy: CountingProxy | undefined;
let run = 0;

const credentials = (): { accessKeyId: string; secretAccessKey: string } => ({
  accessKeyId: radosgw.accessKeyId,
  secretAccessKey: radosgw.secretAccessKey,
});

beforeAll(async () => {
  radosgw = await startRadosgw();
  work = await mkdtemp(join(tmpdir(), 's3-faults-'));
  raw = new S3Client({
    endpoint: radosgw.endpoint,
    region: radosgw.region,
    forcePathStyle: true,
    credentials: credentials(),
  });
  await raw.send(new CreateBucketCommand({ Bucket: BUCKET }));
}, 120_000);

afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
});

afterAll(async () => {
  raw?.destroy();
  await radosgw?.stop();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

/** An S3 error answer as AWS gives it, which the SDK reads by its code. */
function s3Answer(status: number, code: string): CannedAnswer {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>injected</Message></Error>`,
  };
}

/** A conditional PUT (If-Match / If-None-Match) of a key that matches. */
function conditionalPut(exchange: ProxyExchange, key: RegExp): boolean {
  const headers = exchange.requestHeaders;
  const conditional = headers['if-match'] !== undefined || headers['if-none-match'] !== undefined;
  return exchange.method === 'PUT' && conditional && key.test(exchange.url.split('?')[0] ?? '');
}

/**
 * The store under `run-<n>`, reached through a proxy with these rules; `direct` reads it past the proxy.
 * `again` keeps the last test's prefix instead of taking a new one.
 */
async function storeBehind(rules: Parameters<typeof startProxy>[1], again = false): Promise<S3Store> {
  if (!again) run++;
  proxy = await startProxy(new URL(radosgw.endpoint).host, rules);
  const options = {
    bucket: BUCKET,
    prefix: `run-${run}`,
    region: radosgw.region,
    credentials: credentials(),
  };
  direct = new S3Store({ ...options, endpoint: radosgw.endpoint });
  return new S3Store({ ...options, endpoint: `http://${proxy.address}` });
}

/** Publishes one rpm of `version` into `rpm-dev`, keeping `keep` versions. */
async function publishRpm(store: S3Store, version: string, keep = 50): Promise<RepositoryReport> {
  const file = madeFalcoRpm(join(work, `build-${run}-${version}`), version, 'x86_64');
  const path = `rpm-dev/falco-${version}-x86_64.rpm`;
  await direct.put(path, { file, size: statSync(file).size });
  const pkg: PackageToIndex = { path, localFile: file, contents: await readPackageContents(file, 'rpm') };
  const updater = new RepositoryUpdater(() => ({ store, conditional: true }), {
    loadSigning: undefined,
    retention: { deb: keep, rpm: keep, bin: keep },
    date: new Date(0),
    graceMs: 60_000,
    sleep: async () => undefined,
  });
  const [planned] = await updater.prepare([pkg]);
  if (planned === undefined) throw new Error('nothing planned');
  return updater.update(planned, new Set([path]));
}

/** The repodata files repomd.xml names, each read past the proxy: undefined where one is missing. */
async function namedFiles(): Promise<Map<string, number | undefined>> {
  const repomd = await direct.get('rpm-dev/repodata/repomd.xml');
  if (repomd === undefined) throw new Error('no repomd.xml');
  const named = new Map<string, number | undefined>();
  for (const record of parseRepomd(repomd.bytes.toString('utf8')).records) {
    named.set(record.location, (await direct.head(`rpm-dev/${record.location}`))?.size);
  }
  return named;
}

const PRIMARY = /-primary\.xml\.gz$/;
const REPOMD = /\/repodata\/repomd\.xml$/;
/** The first exchange that matches, answered instead of passed on. */
const first =
  (key: RegExp, answer: CannedAnswer) =>
  (exchange: ProxyExchange, earlier: readonly ProxyExchange[]): CannedAnswer | undefined =>
    conditionalPut(exchange, key) && !earlier.some((e) => e.injected && conditionalPut(e, key))
      ? answer
      : undefined;

describe('repository updates on radosgw under injected faults', () => {
  test('a 500 to a repodata write that did not land: it is written again before repomd.xml names it', async () => {
    const store = await storeBehind({ answer: first(PRIMARY, s3Answer(500, 'InternalError')) });
    await publishRpm(store, '0.28.0-1+aaa0001');
    expect(proxy?.exchanges.filter((e) => e.injected)).toHaveLength(1);
    const named = await namedFiles();
    expect([...named.keys()].some((location) => PRIMARY.test(location))).toBe(true);
    for (const [location, size] of named)
      expect({ location, size }).toEqual({ location, size: expect.any(Number) });
  });

  test('a 500 to a repodata write that landed: it is found there, and repomd.xml names it', async () => {
    const store = await storeBehind({ afterForward: first(PRIMARY, s3Answer(500, 'InternalError')) });
    await publishRpm(store, '0.28.0-1+aaa0001');
    expect(proxy?.exchanges.filter((e) => e.injected)).toHaveLength(1);
    for (const [location, size] of await namedFiles()) {
      expect({ location, size }).toEqual({ location, size: expect.any(Number) });
    }
  });

  test('409 ConditionalRequestConflict to the repomd.xml write: read again and retried, the package listed', async () => {
    const store = await storeBehind({ answer: first(REPOMD, s3Answer(409, 'ConditionalRequestConflict')) });
    const report = await publishRpm(store, '0.28.0-1+aaa0001');
    expect(proxy?.exchanges.filter((e) => e.injected)).toHaveLength(1);
    expect(report.conflicts).toBe(1);
    const repomd = (await direct.get('rpm-dev/repodata/repomd.xml'))?.bytes.toString('utf8') ?? '';
    expect(parseRepomd(repomd).records.length).toBeGreaterThan(0);
    const primary = [...(await namedFiles()).keys()].find((location) => PRIMARY.test(location)) ?? '';
    expect(primary).not.toBe('');
  });

  test('a 500 to a repomd.xml write that landed: the package retention took out is still deleted', async () => {
    const store = await storeBehind({});
    await publishRpm(store, '0.28.0-1+aaa0001', 1);
    await proxy?.stop();
    // The same repository again, now behind a proxy that loses the answer to the next repomd.xml write.
    const faulty = await storeBehind({ afterForward: first(REPOMD, s3Answer(500, 'InternalError')) }, true);
    const report = await publishRpm(faulty, '0.28.0-2+bbb0002', 1);
    expect(proxy?.exchanges.filter((e) => e.injected)).toHaveLength(1);
    expect(report.removed).toEqual(['rpm-dev/falco-0.28.0-1+aaa0001-x86_64.rpm']);
    expect(await direct.list('rpm-dev/falco-')).toEqual(['rpm-dev/falco-0.28.0-2+bbb0002-x86_64.rpm']);
  });
});

describe('packages on radosgw under injected faults', () => {
  test.each([
    ['did not land', 'answer'],
    ['landed', 'afterForward'],
  ] as const)('a 500 to a create-only package upload that %s: the package is there once', async (_, when) => {
    const store = await storeBehind({ [when]: first(/\.deb$/, s3Answer(500, 'InternalError')) });
    const bytes = randomBytes(4096);
    const file = join(work, `package-${run}.deb`);
    await writeFile(file, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = 'deb/stable/falco-0.40.0-x86_64.deb';
    await new StoreHost(store, false).put(path, file, { sha256, replace: false });
    expect(proxy?.exchanges.filter((e) => e.injected)).toHaveLength(1);
    expect((await direct.get(path))?.bytes.equals(bytes)).toBe(true);
    expect((await direct.head(path))?.metadata).toEqual({ sha256 });
  });
});

describe('the sha256 metadata of a package is the digest of the bytes sent', () => {
  // The plan hashed the package; something rewrote it before its upload (the same size, other bytes).
  const PLANNED = createHash('sha256').update('the bytes the plan hashed').digest('hex');

  test.each([
    ['a small file, replaced (one PutObject)', 1024, true],
    ['a file of several parts, replaced (multipart)', 20 * 1024 * 1024, true],
    ['a new package, create-only (one conditional PUT)', 1024, false],
  ])('%s: refused with an error naming the file, nothing written', async (_, size, replace) => {
    const store = await storeBehind({});
    const file = join(work, `rewritten-${run}.deb`);
    await writeFile(file, randomBytes(size));
    const path = `deb/stable/falco-0.40.0-${run}-x86_64.deb`;
    const error = await asyncUserErrorOf(
      new StoreHost(store, false).put(path, file, { sha256: PLANNED, replace }),
    );
    expect(error.message).toBe(
      `${file}: changed while it was being published (its sha256 is no longer the one planned); nothing was written — make sure nothing rewrites the package files while the action runs, then run it again`,
    );
    expect(await direct.head(path)).toBeUndefined();
    const uploads = await raw.send(
      new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: `run-${run}/` }),
    );
    expect(uploads.Uploads ?? []).toEqual([]);
  });

  test('a new package rewritten while it streams up: the store refuses it, nothing written', async () => {
    const size = 32 * 1024 * 1024;
    const bytes = randomBytes(size);
    const file = join(work, `streaming-${run}.deb`);
    await writeFile(file, bytes);
    // The request has only begun when the proxy sees it: the rest of the file is read after this.
    const store = await storeBehind({
      answer: (exchange) => {
        if (exchange.method === 'PUT') writeFileSync(file, randomBytes(size));
        return undefined;
      },
    });
    const path = `deb/stable/falco-0.40.0-${run}-x86_64.deb`;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const error = await asyncUserErrorOf(
      new StoreHost(store, false).put(path, file, { sha256, replace: false }),
    );
    expect(error.message).toContain(`${file}: changed while it was being published`);
    // Refused by the store for its Content-MD5 (BadDigest), as the read before the PUT still matched.
    expect(proxy?.exchanges.filter((e) => e.method === 'PUT').map((e) => e.status)).toEqual([400]);
    expect(await direct.head(path)).toBeUndefined();
  });

  test('a file that matches its plan goes up with it as metadata', async () => {
    const store = await storeBehind({});
    const bytes = randomBytes(20 * 1024 * 1024);
    const file = join(work, `kept-${run}.deb`);
    await writeFile(file, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const host = new StoreHost(store, false);
    await host.put(`deb/stable/falco-0.40.0-x86_64.deb`, file, { sha256, replace: true });
    await host.put(`deb/stable/falco-0.41.0-x86_64.deb`, file, { sha256, replace: false });
    expect(await host.existing('deb/stable/falco-0.40.0-x86_64.deb')).toBe(sha256);
    expect(await host.existing('deb/stable/falco-0.41.0-x86_64.deb')).toBe(sha256);
  });
});
