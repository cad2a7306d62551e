import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDockerd, type Dockerd } from '../__tests__/e2e/services/dockerd.js';
import { docker } from '../__tests__/e2e/services/docker-images.js';
import { startRegistry, type Registry } from '../__tests__/e2e/services/registry.js';
import { runAction } from '../__tests__/e2e/run-action.js';
import { skopeoDigest } from '../__tests__/e2e/services/skopeo.js';
import { exec, formatTable, median, msToFirstLine, wallMs } from './measure.js';

// Figures, not assertions on time: each benchmark prints our figure, the peer's, measured in this
// same run on this machine, and their ratio.
const ROUNDS = 3;
const COLD_STARTS = 15;
const LAYER_MIB = 16;
const LAYERS = 3;

let dockerd: Dockerd;
let registry: Registry;
let workspace: string;
beforeAll(async () => {
  registry = await startRegistry();
  dockerd = await startDockerd();
  workspace = await mkdtemp(join(tmpdir(), 'bench-'));
});
afterAll(async () => {
  await dockerd?.stop();
  await registry?.stop();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

const results: string[][] = [['benchmark', 'ours', 'peer', 'ratio (ours/peer)']];
afterAll(() => {
  console.log(`\n${formatTable(results)}\n`);
});

describe('benchmarks', () => {
  it('cold start of dist/index.js to its first log line (dry run) vs a bare node start', async () => {
    const env = {
      PATH: process.env.PATH ?? '',
      INPUT_REF: 'refs/tags/0.26.0',
      INPUT_IMAGES: 'falco:build falcosecurity/falco',
      INPUT_LATEST: 'true',
      'INPUT_DRY-RUN': 'true',
      DOCKER_HOST: `unix://${join(workspace, 'none.sock')}`,
    };
    const ours: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      const action = await msToFirstLine(process.execPath, [resolve('dist/index.js')], env);
      expect(action.exitCode).toBe(0);
      expect(action.line).toBe('release 0.26.0 (stable) from refs/tags/0.26.0');
      ours.push(action.ms);
      const node = await msToFirstLine(process.execPath, ['-e', 'console.log("ready")'], env);
      expect(node.line).toBe('ready');
      bare.push(node.ms);
    }
    const [a, b] = [median(ours), median(bare)];
    results.push([
      `cold start, median of ${COLD_STARTS}`,
      `${a.toFixed(1)} ms`,
      `${b.toFixed(1)} ms (node -e)`,
      (a / b).toFixed(2),
    ]);
  });

  it('docker driver vs bare docker tag + docker push of the same tags', async () => {
    const env = { ...process.env, ...dockerd.env };
    const ours: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Fresh images each round and for each side: neither side finds the other's layers in the registry.
      const oursImage = await buildLayeredImage(`bench-ours:${round}`);
      const bareImage = await buildLayeredImage(`bench-bare:${round}`);
      const tags = (repository: string): string[] =>
        ['falco', 'falco-no-driver'].flatMap((name) =>
          ['0.26.0', 'latest'].map((tag) => `${registry.address}/${repository}-${round}/${name}:${tag}`),
        );
      const runOurs = async (): Promise<void> => {
        const run = await runAction(
          {
            ref: 'refs/tags/0.26.0',
            registry: registry.address,
            latest: 'true',
            images: [`${oursImage} ours-${round}/falco`, `${oursImage} ours-${round}/falco-no-driver`].join(
              '\n',
            ),
          },
          { ...dockerd.env },
          workspace,
        );
        if (run.exitCode !== 0) throw new Error(run.stdout);
      };
      const runBare = async (): Promise<void> => {
        for (const target of tags('bare')) {
          await exec('docker', ['tag', bareImage, target], env);
          await exec('docker', ['push', target], env);
        }
      };
      // Alternate who goes first, so neither always meets a warm daemon.
      if (round % 2 === 0) {
        ours.push(await wallMs(runOurs));
        bare.push(await wallMs(runBare));
      } else {
        bare.push(await wallMs(runBare));
        ours.push(await wallMs(runOurs));
      }
      // The action really published every tag, all of one image, as skopeo reads them.
      const digests = await Promise.all(tags('ours').map((target) => skopeoDigest(target)));
      expect(digests.every((digest) => /^sha256:[a-f0-9]{64}$/.test(digest))).toBe(true);
      expect(new Set(digests).size).toBe(1);
    }
    const [a, b] = [median(ours), median(bare)];
    results.push([
      `publish 4 tags of a ${LAYERS}×${LAYER_MIB} MiB image, median of ${ROUNDS}`,
      `${a.toFixed(0)} ms (whole action)`,
      `${b.toFixed(0)} ms (docker tag+push)`,
      (a / b).toFixed(2),
    ]);
  });
});

/** An image of LAYERS random layers, built from scratch (containers cannot run here). */
async function buildLayeredImage(tag: string): Promise<string> {
  const context = await mkdtemp(join(workspace, 'ctx-'));
  const lines = ['FROM scratch'];
  for (let layer = 0; layer < LAYERS; layer++) {
    await writeFile(join(context, `layer-${layer}`), randomBytes(LAYER_MIB * 1024 * 1024));
    lines.push(`COPY layer-${layer} /layer-${layer}`);
  }
  await writeFile(join(context, 'Dockerfile'), `${lines.join('\n')}\n`);
  await docker(dockerd, ['build', '--quiet', '--tag', tag, context]);
  await rm(context, { recursive: true, force: true });
  return tag;
}
