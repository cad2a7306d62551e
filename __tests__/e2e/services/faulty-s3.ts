import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { S3Store } from '../../../src/stores/s3-store.js';
import {
  startProxy,
  type CannedAnswer,
  type CountingProxy,
  type ProxyExchange,
  type ProxyRules,
} from './proxy.js';
import { startRadosgw, type Radosgw } from './radosgw.js';

/** radosgw with a bucket, and stores of it reached through a fault-injecting proxy. */
export interface FaultyS3 {
  readonly bucket: string;
  /** A scratch directory for local files. */
  readonly work: string;
  /** An SDK client straight to radosgw, for what the store does not expose (multipart uploads). */
  readonly raw: S3Client;
  /**
   * A store under a prefix of its own (`run-<n>`; the last one again with `again`), reached through a
   * new proxy with these rules; `direct` then reads the same prefix past the proxy.
   */
  behind(rules: ProxyRules, again?: boolean): Promise<S3Store>;
  readonly direct: S3Store;
  readonly proxy: CountingProxy;
  readonly prefix: string;
  /** Stops the current proxy (after each test). */
  stopProxy(): Promise<void>;
  stop(): Promise<void>;
}

export async function startFaultyS3(bucket: string): Promise<FaultyS3> {
  const radosgw: Radosgw = await startRadosgw();
  const work = await mkdtemp(join(tmpdir(), 's3-faults-'));
  const credentials = { accessKeyId: radosgw.accessKeyId, secretAccessKey: radosgw.secretAccessKey };
  const raw = new S3Client({
    endpoint: radosgw.endpoint,
    region: radosgw.region,
    forcePathStyle: true,
    credentials,
  });
  await raw.send(new CreateBucketCommand({ Bucket: bucket }));
  let run = 0;
  let proxy: CountingProxy | undefined;
  let direct: S3Store | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('no store yet: call behind() first');
    return value;
  };
  return {
    bucket,
    work,
    raw,
    async behind(rules, again = false) {
      if (!again) run++;
      await proxy?.stop();
      proxy = await startProxy(new URL(radosgw.endpoint).host, rules);
      const options = { bucket, prefix: `run-${run}`, region: radosgw.region, credentials };
      direct = new S3Store({ ...options, endpoint: radosgw.endpoint });
      return new S3Store({ ...options, endpoint: `http://${proxy.address}` });
    },
    get direct() {
      return started(direct);
    },
    get proxy() {
      return started(proxy);
    },
    get prefix() {
      return `run-${run}`;
    },
    async stopProxy() {
      await proxy?.stop();
      proxy = undefined;
    },
    async stop() {
      await proxy?.stop();
      raw.destroy();
      await radosgw.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** An S3 error answer as AWS gives it, which the SDK reads by its code. */
export function s3Answer(status: number, code: string): CannedAnswer {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>injected</Message></Error>`,
  };
}

/** A conditional PUT (If-Match / If-None-Match) of a key that matches. */
export function conditionalPut(exchange: ProxyExchange, key: RegExp): boolean {
  const headers = exchange.requestHeaders;
  const conditional = headers['if-match'] !== undefined || headers['if-none-match'] !== undefined;
  return exchange.method === 'PUT' && conditional && key.test(exchange.url.split('?')[0] ?? '');
}

/** A rule answering the first conditional PUT of a matching key with `answer`, and no other. */
export const first =
  (key: RegExp, answer: CannedAnswer) =>
  (exchange: ProxyExchange, earlier: readonly ProxyExchange[]): CannedAnswer | undefined =>
    conditionalPut(exchange, key) && !earlier.some((e) => e.injected && conditionalPut(e, key))
      ? answer
      : undefined;

/** How many answers the proxy gave itself. */
export const injected = (s3: FaultyS3): number => s3.proxy.exchanges.filter((e) => e.injected).length;
