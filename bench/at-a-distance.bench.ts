import { link, mkdir, mkdtemp, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CountingProxy } from '../__tests__/e2e/services/proxy.js';
import { startRegistry, type Credentials, type Registry } from '../__tests__/e2e/services/registry.js';
import { newBucket } from '../__tests__/e2e/services/s3-bucket.js';
import { skopeoDigest } from '../__tests__/e2e/services/skopeo.js';
import { startSwift, type Swift } from '../__tests__/e2e/services/swift.js';
import { committedGpgKey, GPG_PASSPHRASE } from '../__tests__/formats/openpgp/committed-gpg-keys.js';
import { falcoPackage } from '../__tests__/indexes/falco-packages.js';
import { awsMeasured, swiftCredentials } from './aws-cli.js';
import { benchDelayMs, startDelayingProxy } from './delaying-proxies.js';
import { copyTagsFalcosWay, gpgHome, publishPackagesFalcosWay, SIGN, type GpgHome } from './falco-way.js';
import { exec, formatTable, median, wallMs } from './measure.js';
import { writeRandomLayout } from './oci-layout.js';
import { runActionMeasured, skopeoCopyMeasured, type Measured, type MeasuredAction } from './processes.js';
import { writeRandomFile } from './random-file.js';
import { buildVersions, PAYLOAD_BYTES } from './repository-fixtures.js';
import { seedOurs, seedTheirs } from './repository-seeds.js';
import { alternate } from './rounds.js';
import { FALCO_IMAGES, imagesInput, stageRelease } from './staging-images.js';
import { NO_TRAFFIC, trafficOf, type Traffic } from './traffic.js';

// The bundled action as a runner runs it, with every request it makes — and every request of the peer it
// is measured against, in this same run — going through loopback proxies that hold each answer
// BENCH_DELAY_MS (default 50 ms): registries and buckets at a real distance, where the number of
// sequential round trips decides the wall time. Figures and ratios are printed, never asserted; what is
// asserted is that each side really published what it was asked to. BENCH_TIMELINE=1 also prints each
// action run's log, every line after the ms it came at: where the time goes.
// Needs docker-registry, skopeo, Swift, awscli, apt-ftparchive, createrepo_c, gpg, dpkg-deb and rpmbuild, and
// about 12 GiB free in the temp dir (all of it removed at the end; the 1,000-version pool stays in .bench/).

const MIB = 1024 * 1024;
const DELAY_MS = benchDelayMs();
const DISK_NEEDED = 12 * 1024 * MIB;
const BUCKET = 'bench-distance';

const PROMO_LAYERS = 5;
const PROMO_LAYER_MIB = 4;
const PROMO_ROUNDS = 3;
const PUSH_LAYERS = 5;
const PUSH_LAYER_MIB = 205;
const PUSH_ROUNDS = 2;
const UPLOAD_BYTES = 1024 * MIB;
const UPLOAD_ROUNDS = 2;
const RELEASE_ROUNDS = 2;
const RELEASE_LAYER_BYTES = 256 * 1024;
const REPOSITORY_VERSIONS = 1000;
/** A mirror takes its login from the job's docker client configuration (the action) or --dest-creds (skopeo). */
const MIRROR_USER: Credentials = { username: 'mirror-pusher', password: 'mirror-Pw-bench-only' };
/** Falco's 6 packages of a release. */
const RELEASE_PACKAGES = (v: string): string[] =>
  ['x86_64', 'aarch64'].flatMap((arch) => [
    `falco-${v}-${arch}.deb`,
    `falco-${v}-${arch}.rpm`,
    `falco-${v}-${arch}.tar.gz`,
  ]);

let workspace: string;
let target: Registry;
let staging: Registry;
let mirror: Registry;
let swift: Swift;
let s3: S3Client;
let credentials: Record<string, string>;
const proxies: CountingProxy[] = [];

beforeAll(async () => {
  const disk = await statfs(tmpdir());
  const free = disk.bavail * disk.bsize;
  if (free < DISK_NEEDED) {
    throw new Error(`${tmpdir()} has ${mib(free)} free; the benchmarks need ${mib(DISK_NEEDED)}`);
  }
  workspace = await mkdtemp(join(tmpdir(), 'bench-distance-'));
  [target, staging, mirror, swift] = await Promise.all([
    startRegistry(),
    startRegistry(),
    startRegistry({ htpasswd: MIRROR_USER }),
    startSwift(),
  ]);
  s3 = await newBucket(swift, BUCKET);
  credentials = swiftCredentials(swift, workspace);
});
afterAll(async () => {
  await Promise.all(proxies.map((proxy) => proxy.stop()));
  s3?.destroy();
  await Promise.all([target?.stop(), staging?.stop(), mirror?.stop(), swift?.stop()]);
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

const results: string[][] = [['benchmark', 'action', 'peer', 'ratio (action/peer)']];
const targets: string[][] = [['target (issue 14)', 'measured', 'met']];
const notes: string[] = [];
afterAll(() => {
  console.log(
    `\nEvery request of both sides delayed ${DELAY_MS} ms (BENCH_DELAY_MS).\n\n${formatTable(results)}\n\n${formatTable(targets)}\n\n${notes.join('\n')}\n`,
  );
});

function mib(bytes: number): string {
  return `${(bytes / MIB).toFixed(1)} MiB`;
}
/** Bytes as KiB below a MiB, so a few kilobytes do not show as 0.0 MiB. */
function size(bytes: number): string {
  return bytes < MIB ? `${(bytes / 1024).toFixed(1)} KiB` : mib(bytes);
}
function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}
function ratio(ours: number, peer: number): string {
  return peer === 0 ? '—' : (ours / peer).toFixed(2);
}
function yes(met: boolean): string {
  return met ? 'yes' : 'NO';
}
function walls(runs: readonly { wallMs: number }[]): string {
  return runs.map((run) => run.wallMs.toFixed(0)).join(', ');
}

/** A delaying proxy in front of `upstream`, stopped at the end even when a round fails half-way. */
async function delayed(upstream: string): Promise<CountingProxy> {
  const proxy = await startDelayingProxy(upstream, DELAY_MS);
  proxies.push(proxy);
  return proxy;
}
async function stopAll(...started: CountingProxy[]): Promise<void> {
  for (const proxy of started) {
    proxies.splice(proxies.indexOf(proxy), 1);
    await proxy.stop();
  }
}

async function runAction(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<MeasuredAction> {
  const run = await runActionMeasured(inputs, env, workspace);
  if (run.exitCode !== 0)
    throw new Error(`the action failed (${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
  if (process.env.BENCH_TIMELINE === '1') console.log(`action run, ms since start:\n${run.timeline}`);
  return run;
}

/** Every request the proxies saw, in the order they came, with the ms since the first and its answer. */
function requestTimeline(proxies: readonly CountingProxy[], names: readonly string[]): string {
  const all = proxies.flatMap((proxy, i) =>
    proxy.exchanges.map((exchange) => ({ exchange, name: names[i] ?? '?' })),
  );
  all.sort((a, b) => a.exchange.at - b.exchange.at);
  const first = all[0]?.exchange.at ?? 0;
  const lines = all.map(
    ({ exchange, name }) =>
      `${(exchange.at - first).toFixed(0).padStart(6)} ${name} ${exchange.method} ${exchange.url.split('?')[0] ?? ''} ${exchange.status}`,
  );
  return `requests, ms since the first:\n${lines.join('\n')}`;
}

/** A figure row: the action's and the peer's, and their ratio. */
function row(title: string, ours: number, peer: number, show: (value: number) => string): string[] {
  return [title, show(ours), show(peer), ratio(ours, peer)];
}
function trafficRows(title: string, ours: Traffic, peer: Traffic): string[][] {
  return [
    row(`${title}: requests`, ours.requests, peer.requests, String),
    row(`${title}: blob requests`, ours.blobRequests, peer.blobRequests, String),
    row(`${title}: body bytes`, ours.bytes, peer.bytes, size),
  ];
}

interface Side {
  readonly wallMs: number;
  readonly traffic: Traffic;
}

describe(`at a distance (${DELAY_MS} ms per request)`, () => {
  it(`promotes an existing ${PROMO_LAYERS}-layer image to 4 tags: the action vs skopeo, one copy per tag`, async () => {
    const layout = await writeRandomLayout(
      join(workspace, 'promo-layout'),
      'staging',
      PROMO_LAYERS,
      PROMO_LAYER_MIB * MIB,
    );
    await skopeoCopyMeasured([
      '--dest-tls-verify=false',
      '--preserve-digests',
      `oci:${layout.dir}:staging`,
      `docker://${target.address}/bench/promo:staging`,
    ]);
    const ours: Side[] = [];
    const peer: Side[] = [];
    for (let round = 0; round < PROMO_ROUNDS; round++) {
      const version = `1.${round}.0`;
      // Two image lines with latest: true make 4 tags: 1.R.0, latest, 1.R.0-slim, latest-slim.
      const tags = [version, 'latest', `${version}-slim`, 'latest-slim'];
      await alternate(
        round,
        async () => {
          const proxy = await delayed(target.address);
          const source = `docker://${proxy.address}/bench/promo:staging`;
          const run = await runAction({
            ref: `refs/tags/${version}`,
            'image-driver': 'registry',
            registry: proxy.address,
            latest: 'true',
            images: `${source} bench/promo\n${source} bench/promo suffix=-slim`,
          });
          ours.push({ wallMs: run.wallMs, traffic: trafficOf(proxy) });
          await stopAll(proxy);
        },
        async () => {
          const proxy = await delayed(target.address);
          const wall = await wallMs(async () => {
            for (const tag of tags) {
              await skopeoCopyMeasured([
                '--src-tls-verify=false',
                '--dest-tls-verify=false',
                `docker://${proxy.address}/bench/promo:staging`,
                `docker://${proxy.address}/bench/promo:skopeo-${tag}`,
              ]);
            }
          });
          peer.push({ wallMs: wall, traffic: trafficOf(proxy) });
          await stopAll(proxy);
        },
      );
      for (const tag of tags) {
        expect(await skopeoDigest(`${target.address}/bench/promo:${tag}`), tag).toBe(layout.manifestDigest);
      }
    }
    const [a, b] = [ours[0]?.traffic ?? NO_TRAFFIC, peer[0]?.traffic ?? NO_TRAFFIC];
    const wall = [median(ours.map((r) => r.wallMs)), median(peer.map((r) => r.wallMs))] as const;
    const title = `promote ${PROMO_LAYERS}×${PROMO_LAYER_MIB} MiB image to 4 tags`;
    results.push(
      row(`${title}: wall, median of ${PROMO_ROUNDS}`, wall[0], wall[1], ms),
      ...trafficRows(title, a, b),
    );
    targets.push(
      ['promotion: wall ≤ 0.25× skopeo', ratio(wall[0], wall[1]), yes(wall[0] / wall[1] <= 0.25)],
      [
        'promotion: 2 + N = 6 requests, 0 blob requests',
        `${a.requests}, ${a.blobRequests}`,
        yes(a.requests <= 6 && a.blobRequests === 0),
      ],
    );
    notes.push(`promotion, walls per round (ms), action: ${walls(ours)}; skopeo: ${walls(peer)}`);
  });

  it(`pushes a new ~1 GiB, ${PUSH_LAYERS}-layer image from an OCI layout: the action vs skopeo copy`, async () => {
    const layout = await writeRandomLayout(
      join(workspace, 'push-layout'),
      'build',
      PUSH_LAYERS,
      PUSH_LAYER_MIB * MIB,
    );
    const ours: (Side & { rssKiB: number })[] = [];
    const peer: (Side & { rssKiB: number })[] = [];
    for (let round = 0; round < PUSH_ROUNDS; round++) {
      const version = `2.${round}.0`;
      await alternate(
        round,
        async () => {
          const proxy = await delayed(target.address);
          const run = await runAction({
            ref: `refs/tags/${version}`,
            'image-driver': 'registry',
            registry: proxy.address,
            latest: 'false',
            // Relative to the workspace, as a workflow names a layout its build step wrote.
            images: `oci-layout:push-layout:build bench/push-action-${round}`,
          });
          ours.push({ wallMs: run.wallMs, traffic: trafficOf(proxy), rssKiB: run.maxRssKiB });
          await stopAll(proxy);
        },
        async () => {
          const proxy = await delayed(target.address);
          const run = await skopeoCopyMeasured([
            '--dest-tls-verify=false',
            '--preserve-digests',
            `oci:${layout.dir}:build`,
            `docker://${proxy.address}/bench/push-skopeo-${round}:${version}`,
          ]);
          peer.push({ wallMs: run.wallMs, traffic: trafficOf(proxy), rssKiB: run.polledPeakKiB });
          await stopAll(proxy);
        },
      );
      expect(await skopeoDigest(`${target.address}/bench/push-action-${round}:${version}`)).toBe(
        layout.manifestDigest,
      );
      expect(await skopeoDigest(`${target.address}/bench/push-skopeo-${round}:${version}`)).toBe(
        layout.manifestDigest,
      );
    }
    const wall = [median(ours.map((r) => r.wallMs)), median(peer.map((r) => r.wallMs))] as const;
    const rss = [
      Math.max(...ours.map((r) => r.rssKiB)) * 1024,
      Math.max(...peer.map((r) => r.rssKiB)) * 1024,
    ] as const;
    const title = `push ${PUSH_LAYERS}×${PUSH_LAYER_MIB} MiB image`;
    results.push(
      row(`${title}: wall, median of ${PUSH_ROUNDS}`, wall[0], wall[1], ms),
      ...trafficRows(title, ours[0]?.traffic ?? NO_TRAFFIC, peer[0]?.traffic ?? NO_TRAFFIC),
      [
        `${title}: peak RSS, max of ${PUSH_ROUNDS}`,
        `${mib(rss[0])} (VmHWM at exit)`,
        `${mib(rss[1])} (polled VmHWM)`,
        ratio(rss[0], rss[1]),
      ],
    );
    targets.push(
      ['push: wall ≤ 0.8× skopeo', ratio(wall[0], wall[1]), yes(wall[0] / wall[1] <= 0.8)],
      ['push: action peak RSS ≤ 128 MiB', mib(rss[0]), yes(rss[0] <= 128 * MIB)],
    );
    notes.push(`push, walls per round (ms), action: ${walls(ours)}; skopeo: ${walls(peer)}`);
    await rm(layout.dir, { recursive: true, force: true });
  });

  it('uploads a 1 GiB package to Swift S3 (serialized): the whole action vs aws s3 cp', async () => {
    const original = join(workspace, 'upload-original');
    const sha256 = await writeRandomFile(original, UPLOAD_BYTES);
    const ours: MeasuredAction[] = [];
    const peer: Measured[] = [];
    for (let round = 0; round < UPLOAD_ROUNDS; round++) {
      const name = `falco-0.40.${round}-x86_64.tar.gz`;
      const dir = join(workspace, `upload-${round}`);
      await mkdir(dir);
      await link(original, join(dir, name)); // each round's version its own file name, without copying 1 GiB
      const peerKey = `aws/round-${round}/${name}`;
      await alternate(
        round,
        async () => {
          const proxy = await delayed(swift.endpoint.slice('http://'.length));
          ours.push(
            await runAction(
              {
                ref: `refs/tags/0.40.${round}`,
                packages: `upload-${round}/*`,
                'package-host': `s3://${BUCKET}/action`,
                's3-endpoint': `http://${proxy.address}`,
                serialized: 'true',
              },
              credentials,
            ),
          );
          await stopAll(proxy);
        },
        async () => {
          const proxy = await delayed(swift.endpoint.slice('http://'.length));
          peer.push(
            await awsMeasured(
              `http://${proxy.address}`,
              ['s3', 'cp', '--no-progress', join(dir, name), `s3://${BUCKET}/${peerKey}`],
              credentials,
            ),
          );
          await stopAll(proxy);
        },
      );
      for (const key of [`action/bin/x86_64/${name}`, peerKey]) {
        const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
        expect(head.ContentLength, key).toBe(UPLOAD_BYTES);
      }
      const recorded = await s3.send(
        new HeadObjectCommand({ Bucket: BUCKET, Key: `action/bin/x86_64/${name}` }),
      );
      expect(recorded.Metadata?.['sha256']).toBe(sha256);
    }
    const wall = [median(ours.map((r) => r.wallMs)), median(peer.map((r) => r.wallMs))] as const;
    const rss = [
      Math.max(...ours.map((r) => r.maxRssKiB)) * 1024,
      Math.max(...peer.map((r) => r.polledPeakKiB)) * 1024,
    ] as const;
    const title = `upload ${mib(UPLOAD_BYTES)} to Swift S3`;
    results.push(row(`${title}: wall, median of ${UPLOAD_ROUNDS}`, wall[0], wall[1], ms), [
      `${title}: peak RSS, max of ${UPLOAD_ROUNDS}`,
      `${mib(rss[0])} (VmHWM at exit)`,
      `${mib(rss[1])} (polled VmHWM)`,
      ratio(rss[0], rss[1]),
    ]);
    targets.push(
      ['upload: wall ≤ 1.0× aws s3 cp', ratio(wall[0], wall[1]), yes(wall[0] / wall[1] <= 1.0)],
      ['upload: action peak RSS ≤ 128 MiB', mib(rss[0]), yes(rss[0] <= 128 * MIB)],
    );
    notes.push(
      `upload, walls per round (ms), action: ${walls(ours)}; aws: ${walls(peer)}`,
      `upload, action peak RSS per round: ${ours.map((r) => mib(r.maxRssKiB * 1024)).join(', ')}`,
    );
    await rm(original, { force: true });
  });

  // The first run builds the 1,000-version seeds into .bench/ (about 15 min on 2 cores); later runs take minutes.
  it(
    `publishes a whole Falco release (4 images × 2 architectures, 1 mirror, 6 packages into signed APT+YUM repositories of ${REPOSITORY_VERSIONS} versions): the action vs Falco's way`,
    async () => {
      const seeds = resolve(`.bench/repository-${PAYLOAD_BYTES}`);
      const pool = await buildVersions(seeds, REPOSITORY_VERSIONS);
      await seedOurs(join(seeds, 'ours'), pool);
      await seedTheirs(join(seeds, 'theirs'), pool);
      const key = committedGpgKey('sign');
      const gpg: GpgHome = await gpgHome(join(workspace, 'gnupg'), key, GPG_PASSPHRASE);
      try {
        // Falco's repositories signed as its scripts sign them, in a hard-linked copy (the seeds stay unsigned).
        const theirsSeed = join(workspace, 'theirs-seed');
        await exec('cp', ['-al', join(seeds, 'theirs'), theirsSeed], process.env);
        await exec('bash', ['-c', SIGN], { ...gpg.env, REPO: theirsSeed, PASSPHRASE: GPG_PASSPHRASE });
        // Both repositories up to Swift directly (the seeding is not what is measured).
        for (const [side, dir] of [
          ['ours', join(seeds, 'ours')],
          ['theirs', theirsSeed],
        ] as const) {
          await awsMeasured(
            swift.endpoint,
            ['s3', 'sync', '--no-progress', '--only-show-errors', dir, `s3://${BUCKET}/release-${side}`],
            credentials,
          );
        }
        const ours: Side[] = [];
        const peer: Side[] = [];
        /** A delaying proxy in front of each server a release talks to: staging, registry, mirror, S3. */
        const delayedRoutes = (): Promise<[CountingProxy, CountingProxy, CountingProxy, CountingProxy]> =>
          Promise.all([
            delayed(staging.address),
            delayed(target.address),
            delayed(mirror.address),
            delayed(swift.endpoint.slice('http://'.length)),
          ]);
        // Round -1, not counted, is the action's first run: it signs its repositories (seeded unsigned).
        for (let round = -1; round < RELEASE_ROUNDS; round++) {
          const version = `0.${REPOSITORY_VERSIONS + 2 + round}.0`;
          const packages = join(workspace, 'release', version);
          for (const file of RELEASE_PACKAGES(version)) falcoPackage(packages, file, version);
          const staged = await stageRelease(staging.address, `b${version}`, workspace, RELEASE_LAYER_BYTES);
          const publishOurs = async (): Promise<void> => {
            const started = await delayedRoutes();
            const [stagingProxy, targetProxy, mirrorProxy, s3Proxy] = started;
            const dockerConfig = await mirrorLogin(mirrorProxy.address);
            const run = await runAction(
              {
                ref: `refs/tags/${version}`,
                'image-driver': 'registry',
                registry: targetProxy.address,
                'mirror-registries': mirrorProxy.address,
                latest: 'true',
                images: imagesInput(stagingProxy.address, staged, 'ours'),
                packages: `release/${version}/*`,
                'package-host': `s3://${BUCKET}/release-ours`,
                's3-endpoint': `http://${s3Proxy.address}`,
                serialized: 'true',
                'signing-key': key,
                'signing-passphrase': GPG_PASSPHRASE,
              },
              { ...credentials, DOCKER_CONFIG: dockerConfig },
            );
            if (round >= 0) ours.push({ wallMs: run.wallMs, traffic: trafficOf(...started) });
            if (process.env.BENCH_TIMELINE === '1')
              console.log(requestTimeline(started, ['staging', 'registry', 'mirror', 's3']));
            await stopAll(...started);
          };
          const publishTheirs = async (): Promise<void> => {
            const started = await delayedRoutes();
            const [stagingProxy, targetProxy, mirrorProxy, s3Proxy] = started;
            const wall = await wallMs(async () => {
              await copyTagsFalcosWay(
                staged.flatMap((image) =>
                  [targetProxy, mirrorProxy].flatMap((registry) =>
                    [version, 'latest'].map((tag) => ({
                      from: `docker://${stagingProxy.address}/${image.path}:index`,
                      to: `docker://${registry.address}/theirs/${image.name}:${tag}`,
                      login: registry === mirrorProxy ? MIRROR_USER : undefined,
                    })),
                  ),
                ),
              );
              await publishPackagesFalcosWay({
                endpoint: `http://${s3Proxy.address}`,
                bucket: BUCKET,
                prefix: 'release-theirs',
                newPackages: packages,
                work: join(workspace, 'falco-way'),
                passphrase: GPG_PASSPHRASE,
                env: { ...credentials, ...gpg.env },
              });
            });
            if (round >= 0) peer.push({ wallMs: wall, traffic: trafficOf(...started) });
            await stopAll(...started);
          };
          if (round < 0) await publishOurs();
          else await alternate(round, publishOurs, publishTheirs);

          // Both really published: every tag on both registries, the new version in both signed indexes.
          for (const side of round < 0 ? ['ours'] : ['ours', 'theirs']) {
            for (const image of FALCO_IMAGES) {
              const [main, mirrored] = await Promise.all(
                [target, mirror].map((registry) =>
                  skopeoDigest(
                    `${registry.address}/${side}/${image}:${version}`,
                    registry === mirror ? MIRROR_USER : undefined,
                  ),
                ),
              );
              expect(mirrored, `${side}/${image}:${version}`).toBe(main);
            }
            const packagesIndex = await text(`release-${side}/deb/dists/stable/main/binary-amd64/Packages`);
            expect(packagesIndex).toContain(`Version: ${version}`);
            expect(await text(`release-${side}/deb/dists/stable/InRelease`)).toContain(
              'BEGIN PGP SIGNED MESSAGE',
            );
            expect(await text(`release-${side}/rpm/repodata/repomd.xml.asc`)).toContain(
              'BEGIN PGP SIGNATURE',
            );
          }
          await rm(packages, { recursive: true, force: true });
        }
        const wall = [median(ours.map((r) => r.wallMs)), median(peer.map((r) => r.wallMs))] as const;
        const [a, b] = [ours[0]?.traffic ?? NO_TRAFFIC, peer[0]?.traffic ?? NO_TRAFFIC];
        const title = 'whole Falco release';
        results.push(
          row(`${title}: wall, median of ${RELEASE_ROUNDS}`, wall[0], wall[1], ms),
          ...trafficRows(`${title} (registries + S3)`, a, b),
        );
        targets.push([
          'release: wall ≤ 0.1× Falco’s way',
          ratio(wall[0], wall[1]),
          yes(wall[0] / wall[1] <= 0.1),
        ]);
        notes.push(
          `release, walls per round (ms), action: ${walls(ours)}; Falco's way: ${walls(peer)}`,
          `release, all rounds' traffic, action: ${ours.map((r) => r.traffic.requests).join(', ')} requests; Falco's way: ${peer.map((r) => r.traffic.requests).join(', ')}`,
          `release: Falco's way runs its ${FALCO_IMAGES.length * 2 * 2} skopeo copies, then its package script, one after the other`,
        );
      } finally {
        await gpg.stop();
      }
    },
    45 * 60_000,
  );
});

/** A docker client configuration holding the mirror's login for `address`, as a login step writes it; returns its directory. */
async function mirrorLogin(address: string): Promise<string> {
  const dir = join(workspace, 'docker-config');
  await mkdir(dir, { recursive: true });
  const auth = Buffer.from(`${MIRROR_USER.username}:${MIRROR_USER.password}`).toString('base64');
  await writeFile(join(dir, 'config.json'), JSON.stringify({ auths: { [address]: { auth } } }));
  return dir;
}

/** An object of the bucket as text. */
async function text(key: string): Promise<string> {
  const body = (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body;
  if (body === undefined) throw new Error(`${key} came without a body`);
  return body.transformToString();
}
