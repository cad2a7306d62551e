import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layeredImage, skopeoRun, writeImageLayout } from '../__tests__/e2e/layered-image.js';
import { startProxy, type CountingProxy } from '../__tests__/e2e/services/proxy.js';
import { startRegistry, type Registry } from '../__tests__/e2e/services/registry.js';
import { falcoPackage } from '../__tests__/indexes/falco-packages.js';
import { cosignKeyPair } from '../__tests__/support/cosign-key-pair.js';
import { startSigstoreStandin, type SigstoreStandin } from '../__tests__/support/sigstore-standin.js';
import { formatTable, median } from './measure.js';
import { runActionMeasured } from './processes.js';

// What signing costs a whole release: Falco's 4 images × 2 architectures (each joined into an index) and
// 6 packages (2 .deb, 2 .rpm, 2 tarballs), published by the bundled action with no signing, with a
// cosign key, and keyless with build provenance (a local Fulcio/Rekor and runner OIDC endpoint), in the
// same run. Printed: wall time, registry requests (through a counting proxy), Sigstore requests.
const ROUNDS = 3;
const IMAGES = ['falco', 'falco-no-driver', 'falco-driver-loader', 'falco-driver-loader-legacy'];
const PACKAGES = (v: string): string[] => [
  `falco-${v}-x86_64.deb`,
  `falco-${v}-aarch64.deb`,
  `falco-${v}-x86_64.rpm`,
  `falco-${v}-aarch64.rpm`,
  `falco-${v}-x86_64.tar.gz`,
  `falco-${v}-aarch64.tar.gz`,
];
const RUNNER = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'falcosecurity/falco',
  GITHUB_REPOSITORY_ID: '50230989',
  GITHUB_REPOSITORY_OWNER_ID: '41437414',
  GITHUB_SHA: '4f3a1b2c4f3a1b2c4f3a1b2c4f3a1b2c4f3a1b2c',
  GITHUB_WORKFLOW_REF: 'falcosecurity/falco/.github/workflows/release.yaml@refs/tags/0.41.0',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_ATTEMPT: '1',
  RUNNER_ENVIRONMENT: 'github-hosted',
};

let registry: Registry;
let proxy: CountingProxy;
let standin: SigstoreStandin;
let workspace: string;
beforeAll(async () => {
  registry = await startRegistry();
  [proxy, standin] = await Promise.all([startProxy(registry.address), startSigstoreStandin()]);
  workspace = await mkdtemp(join(tmpdir(), 'bench-signing-'));
});
afterAll(async () => {
  await Promise.all([proxy?.stop(), standin?.close()]);
  await registry?.stop();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

/** The 4 image lines of a build, each from two single-architecture OCI layouts. */
async function buildImages(build: string): Promise<string> {
  const lines: string[] = [];
  for (const name of IMAGES) {
    const parts: string[] = [];
    for (const [arch, platform] of [
      ['x86_64', { architecture: 'amd64', os: 'linux' }],
      ['aarch64', { architecture: 'arm64', os: 'linux', variant: 'v8' }],
    ] as const) {
      const hand = join(workspace, 'hand', build, `${name}-${arch}`);
      await writeImageLayout(hand, [
        { image: layeredImage(`${name} ${build}`, { platform, layers: 3 }), tag: 'b' },
      ]);
      const dir = join(workspace, build, `${name}-${arch}`);
      await mkdir(join(dir, '..'), { recursive: true });
      await skopeoRun(['copy', `oci:${hand}:b`, `oci:${dir}:b`]);
      parts.push(`oci-layout:${build}/${name}-${arch}:b`);
    }
    lines.push(`${parts.join('+')} falcosecurity/${name}`);
  }
  return lines.join('\n');
}

type Mode = 'unsigned' | 'key' | 'keyless + provenance';

describe('signing a whole release', () => {
  it('4 images × 2 architectures and 6 packages: unsigned, cosign key, keyless with provenance', async () => {
    const key = cosignKeyPair();
    const figures = new Map<Mode, { wall: number[]; registry: number[]; sigstore: number[] }>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ['unsigned', 'key', 'keyless + provenance'] as const) {
        const version = `0.41.${round}`;
        const build = `build-${round}-${mode.replace(/\W+/g, '-')}`;
        const images = await buildImages(build);
        for (const file of PACKAGES(version)) falcoPackage(join(workspace, build, 'packages'), file, build);
        const signing: Record<string, string> =
          mode === 'unsigned'
            ? {}
            : mode === 'key'
              ? { 'image-signing': 'key', 'cosign-key': key.privateKeyText, 'cosign-password': key.password }
              : { 'image-signing': 'keyless', provenance: 'true' };
        const requestsBefore = proxy.exchanges.length;
        const sigstoreBefore = standin.requests.oidc + standin.requests.fulcio + standin.requests.rekor;
        const run = await runActionMeasured(
          {
            ref: `refs/tags/${version}`,
            'image-driver': 'registry',
            registry: proxy.address,
            // Each mode its own namespace, so no mode finds another's signatures or blobs.
            images: images.replaceAll('falcosecurity/', `${mode.split(' ')[0]}/`),
            latest: 'true',
            packages: `${build}/packages/*`,
            'package-host': `./host-${mode.split(' ')[0]}`,
            'sigstore-fulcio-url': standin.fulcioUrl,
            'sigstore-rekor-url': standin.rekorUrl,
            ...signing,
          },
          { ...standin.runnerEnv, ...RUNNER, GITHUB_REF: `refs/tags/${version}` },
          workspace,
        );
        expect(run.exitCode, run.stdout + run.stderr).toBe(0);
        const entry = figures.get(mode) ?? { wall: [], registry: [], sigstore: [] };
        entry.wall.push(run.wallMs);
        entry.registry.push(proxy.exchanges.length - requestsBefore);
        entry.sigstore.push(
          standin.requests.oidc + standin.requests.fulcio + standin.requests.rekor - sigstoreBefore,
        );
        figures.set(mode, entry);
      }
    }
    const base = figures.get('unsigned');
    if (!base) throw new Error('no unsigned figures');
    const rows: string[][] = [
      [
        'mode',
        'wall (median ms)',
        'registry requests',
        'Sigstore requests',
        'wall vs unsigned',
        'extra requests',
      ],
    ];
    for (const [mode, entry] of figures) {
      rows.push([
        mode,
        median(entry.wall).toFixed(0),
        String(median(entry.registry)),
        String(median(entry.sigstore)),
        `${(median(entry.wall) / median(base.wall)).toFixed(2)}×`,
        `+${median(entry.registry) - median(base.registry)} registry, +${median(entry.sigstore)} Sigstore`,
      ]);
    }
    console.log(`\n${formatTable(rows)}\n`);
  });
});
