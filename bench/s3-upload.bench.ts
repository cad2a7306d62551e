import { createHash } from 'node:crypto';
import { mkdtemp, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSwift, type Swift } from '../__tests__/e2e/services/swift.js';
import { compileSource, type CompiledSource } from './compiled-source.js';
import { formatTable, median } from './measure.js';
import { runMeasured, type Measured } from './processes.js';
import { writeRandomFile } from './random-file.js';

// A 1 GiB package up to a real Swift s3api, the way a publish sends it (StoreHost over S3Store,
// serialized: Swift has no conditional writes, so it goes up as a parallel multipart upload), against
// `aws s3 cp` of the same file to the same store, measured in this same run. Figures and ratios are
// printed, never asserted; what is asserted is that both sides' objects arrived whole (size, sha256).
// Needs the Debian packages of Swift (see __tests__/e2e/services/swift.ts) and awscli, and about 4 GiB
// free in the temp dir (all of it removed at the end).

const MIB = 1024 * 1024;
const SIZE = 1024 * MIB;
const ROUNDS = 3;
const BUCKET = 'bench-packages';
const DISK_NEEDED = 4 * 1024 * MIB;
/** Debian's awscli; another `aws` may come first in PATH (a pyenv shim, a pip install). */
const AWS = '/usr/bin/aws';

let swift: Swift;
let s3: S3Client;
let workspace: string;
let compiled: CompiledSource;
let file: string;
let sha256: string;

beforeAll(async () => {
  const disk = await statfs(tmpdir());
  const free = disk.bavail * disk.bsize;
  if (free < DISK_NEEDED) {
    throw new Error(`${tmpdir()} has ${mib(free)} free; the benchmark needs ${mib(DISK_NEEDED)}`);
  }
  workspace = await mkdtemp(join(tmpdir(), 'bench-s3-'));
  [swift, compiled] = await Promise.all([
    startSwift(),
    compileSource(['src/hosts/store-host.ts', 'src/stores/s3-store.ts']),
  ]);
  s3 = new S3Client({
    endpoint: swift.endpoint,
    region: swift.region,
    forcePathStyle: true,
    credentials: { accessKeyId: swift.accessKeyId, secretAccessKey: swift.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  file = join(workspace, 'falco-0.40.0-x86_64.tar.gz');
  sha256 = await writeRandomFile(file, SIZE);
}, 300_000);
afterAll(async () => {
  s3?.destroy();
  await swift?.stop();
  await compiled?.remove();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

const results: string[][] = [['benchmark', 'ours (StoreHost → S3Store)', 'aws s3 cp', 'ratio (ours/aws)']];
const targets: string[][] = [['target', 'measured', 'met']];
const notes: string[] = [];
afterAll(() => {
  console.log(`\n${formatTable(results)}\n\n${formatTable(targets)}\n\n${notes.join('\n')}\n`);
});

function mib(bytes: number): string {
  return `${(bytes / MIB).toFixed(1)} MiB`;
}
function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}
function ratio(ours: number, peer: number): string {
  return peer === 0 ? '—' : (ours / peer).toFixed(2);
}
function rate(wallMs: number): string {
  return `${(SIZE / MIB / (wallMs / 1000)).toFixed(0)} MiB/s`;
}
function yes(met: boolean): string {
  return met ? 'yes' : 'NO';
}

/** Credentials from the environment only: neither side may read a config or credentials file of the machine's. */
function awsEnvironment(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: workspace,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: swift.accessKeyId,
    AWS_SECRET_ACCESS_KEY: swift.secretAccessKey,
    AWS_DEFAULT_REGION: swift.region,
    AWS_CONFIG_FILE: join(workspace, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(workspace, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    // Newer awscli (2.23+) streams uploads as aws-chunked with a trailing CRC by default, which Swift
    // answers with 501; the settings that turn it off are ignored by versions without it.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
  };
}

/** What a publish runs for one new package on a serialized Swift host: the store check, then the put. */
const UPLOAD_SCRIPT = (storeHost: string, s3Store: string): string => `
import { StoreHost } from ${JSON.stringify(storeHost)};
import { S3Store } from ${JSON.stringify(s3Store)};
const [endpoint, bucket, path, file, sha256] = process.argv.slice(2);
const host = new StoreHost(new S3Store({ bucket, prefix: 'ours', endpoint }), true);
const start = performance.now();
await host.check();
const checked = performance.now();
await host.put(path, file, { sha256, replace: false });
console.log(JSON.stringify({ checkMs: checked - start, putMs: performance.now() - checked }));
`;

interface Ours extends Measured {
  readonly maxRssKiB: number;
  readonly cpuMs: number;
  readonly putMs: number;
}

async function uploadOurs(script: string, path: string): Promise<Ours> {
  const run = await runMeasured(
    process.execPath,
    ['--import', resolve('bench/maxrss.mjs'), script, swift.endpoint, BUCKET, path, file, sha256],
    { env: awsEnvironment(), cwd: workspace },
  );
  const maxRss = /^maxrss-kib (\d+)$/m.exec(run.stderr)?.[1];
  const cpu = /^cpu-ms (\d+)$/m.exec(run.stderr)?.[1];
  if (run.exitCode !== 0 || maxRss === undefined || cpu === undefined) {
    throw new Error(`our upload failed (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
  }
  const { putMs } = JSON.parse(run.stdout) as { putMs: number };
  return { ...run, maxRssKiB: Number(maxRss), cpuMs: Number(cpu), putMs };
}

async function uploadPeer(key: string): Promise<Measured> {
  const run = await runMeasured(
    AWS,
    ['--endpoint-url', swift.endpoint, 's3', 'cp', '--no-progress', file, `s3://${BUCKET}/${key}`],
    { env: awsEnvironment(), cwd: workspace },
  );
  if (run.exitCode !== 0) throw new Error(`aws s3 cp failed (exit ${run.exitCode}):\n${run.stderr}`);
  return run;
}

/** The object as Swift serves it: its size, our sha256 metadata if any, and the sha256 of its bytes. */
async function stored(key: string): Promise<{ size: number; metadata?: string; sha256: string }> {
  const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
  const body = (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body;
  if (body === undefined) throw new Error(`${key} came without a body`);
  const hash = createHash('sha256');
  for await (const chunk of body as AsyncIterable<Buffer>) hash.update(chunk);
  return { size: head.ContentLength ?? -1, metadata: head.Metadata?.['sha256'], sha256: hash.digest('hex') };
}

/** Runs both sides in turn, ours first in even rounds (0, 2, …): neither always meets the warmer store. */
async function alternate(round: number, ours: () => Promise<void>, peer: () => Promise<void>): Promise<void> {
  for (const side of round % 2 === 0 ? [ours, peer] : [peer, ours]) await side();
}

describe('S3 package upload benchmark', () => {
  it('uploads a 1 GiB package to Swift: StoreHost over S3Store vs aws s3 cp', async () => {
    const script = join(compiled.dir, 'upload.mjs');
    await writeFile(
      script,
      UPLOAD_SCRIPT(
        compiled.moduleUrl('src/hosts/store-host.ts'),
        compiled.moduleUrl('src/stores/s3-store.ts'),
      ),
    );
    const ours: Ours[] = [];
    const peer: Measured[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const path = `bin/x86_64/round-${round}/falco-0.40.0-x86_64.tar.gz`;
      const peerKey = `peer/round-${round}/falco-0.40.0-x86_64.tar.gz`;
      await alternate(
        round,
        async () => void ours.push(await uploadOurs(script, path)),
        async () => void peer.push(await uploadPeer(peerKey)),
      );
      // Correctness, not speed: both objects whole, ours with its sha256 recorded.
      const [mine, theirs] = [await stored(`ours/${path}`), await stored(peerKey)];
      expect(mine).toEqual({ size: SIZE, metadata: sha256, sha256 });
      expect(theirs).toEqual({ size: SIZE, metadata: undefined, sha256 });
      // Swift keeps what it is given: without this the rounds would need 6 GiB of disk.
      for (const key of [`ours/${path}`, peerKey]) {
        await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
      }
    }

    const wall = [median(ours.map((r) => r.wallMs)), median(peer.map((r) => r.wallMs))] as const;
    const cpu = [median(ours.map((r) => r.cpuMs)), median(peer.map((r) => r.polledCpuMs))] as const;
    const rss = [
      Math.max(...ours.map((r) => r.maxRssKiB)) * 1024,
      Math.max(...peer.map((r) => r.polledPeakKiB)) * 1024,
    ] as const;
    const putMs = median(ours.map((r) => r.putMs));
    const title = `upload ${mib(SIZE)} to Swift s3api`;
    results.push(
      [
        `${title}: wall, median of ${ROUNDS}`,
        `${ms(wall[0])} (${rate(wall[0])}; the put alone ${ms(putMs)})`,
        `${ms(wall[1])} (${rate(wall[1])})`,
        ratio(wall[0], wall[1]),
      ],
      [`${title}: CPU user+sys, median`, ms(cpu[0]), `${ms(cpu[1])} (polled)`, ratio(cpu[0], cpu[1])],
      [
        `${title}: peak RSS, max of ${ROUNDS}`,
        `${mib(rss[0])} (VmHWM at exit)`,
        `${mib(rss[1])} (polled VmHWM)`,
        ratio(rss[0], rss[1]),
      ],
    );
    targets.push(
      ['upload: wall ≤ 1.0× aws s3 cp', ratio(wall[0], wall[1]), yes(wall[0] / wall[1] <= 1.0)],
      ['upload: our peak RSS ≤ 128 MiB', mib(rss[0]), yes(rss[0] <= 128 * MIB)],
    );
    notes.push(
      `upload, walls per round (ms), ours: ${ours.map((r) => r.wallMs.toFixed(0)).join(', ')}; aws: ${peer.map((r) => r.wallMs.toFixed(0)).join(', ')} (rounds 1, 3: ours first)`,
      `upload, our peak RSS per round: ${ours.map((r) => mib(r.maxRssKiB * 1024)).join(', ')}`,
    );
  });
});
