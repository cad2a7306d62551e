import { spawn, spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestKey, type TestKey } from '../formats/openpgp/test-keys.js';
import { errorLine, runAction, runnerEnvironment } from './run-action.js';

// What a person meets first, before any publish: an older Node, a misspelt input, the log at a terminal.

const bundle = resolve('dist/index.js');
const RELEASE = { ref: 'refs/tags/0.26.0', packages: 'build/*', 'package-host': './host' };

let workspace: string;
let key: TestKey;
beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'runner-facing-'));
  await mkdir(join(workspace, 'build'));
  // Real .deb and .rpm packages of Falco 0.26.0 (the demo's): a release the directory host can take.
  for (const name of await readdir('scripts/demo-packages')) {
    await copyFile(join('scripts/demo-packages', name), join(workspace, 'build', name));
  }
  key = await generateTestKey('ed25519');
});
afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

interface Run {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundle with `node` in the environment of a runner step, changed by `changes` (undefined: unset). */
async function runBundle(
  node: string,
  inputs: Record<string, string>,
  changes: Record<string, string | undefined>,
): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), 'runner-facing-run-'));
  const [outputFile, summaryFile] = [join(dir, 'output'), join(dir, 'summary')];
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const runner = runnerEnvironment({ workspace, dir, outputFile, summaryFile, inputs, env: {} });
  const env = Object.fromEntries(
    Object.entries({ ...runner, ...changes }).filter(([, value]) => value !== undefined),
  );
  const child = spawn(node, [bundle], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? -1)));
  await rm(dir, { recursive: true, force: true });
  return { exitCode, stdout, stderr };
}

/** A Node.js older than 24 on PATH (outside node_modules, where the project's own Node 24 is) or in /usr/bin. */
function olderNode(): { path: string; version: string } | undefined {
  const dirs = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !dir.includes('node_modules'));
  for (const dir of [...dirs, '/usr/bin', '/usr/local/bin']) {
    const path = join(dir, 'node');
    const probe = spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    const version = probe.status === 0 ? probe.stdout.trim() : '';
    if (version && Number(version.split('.')[0]) < 24) return { path, version };
  }
  return undefined;
}

/** The files under a folder, relative to it; none when it does not exist. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('an older Node.js', () => {
  it('gets one line saying the action needs Node.js 24, and a failed step', async () => {
    const node = olderNode();
    if (node === undefined) {
      throw new Error(
        'no Node.js older than 24 found on PATH (outside node_modules), in /usr/bin or /usr/local/bin: ' +
          'install the distribution nodejs package (Debian: apt-get install nodejs) to run this test',
      );
    }
    const run = await runBundle(node.path, { ...RELEASE, 'dry-run': 'true' }, {});

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe(
      `::error::The Falco release publisher needs Node.js 24 or later (the action's runtime is node24); ` +
        `this is Node.js ${node.version} at ${node.path}.\n`,
    );
    expect(run.stderr).toBe('');
  });
});

describe('an input the action does not have', () => {
  it('dry_run: true stops the run with the valid name, and nothing is written to the host', async () => {
    const run = await runAction({ ...RELEASE, dry_run: 'true' }, {}, workspace);

    expect(run.exitCode).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error::'))).toHaveLength(1);
    expect(errorLine(run)).toBe('dry_run: is not an input of this action — did you mean dry-run?');
    expect(run.outputs).toEqual({});
    expect(await filesUnder(join(workspace, 'host'))).toEqual([]);
  });

  it('the same release with dry-run spelt right is a dry run: it succeeds and writes nothing', async () => {
    const run = await runAction({ ...RELEASE, 'dry-run': 'true' }, {}, workspace);

    expect(run.stdout).not.toContain('::error::');
    expect(run.exitCode).toBe(0);
    expect(await filesUnder(join(workspace, 'host'))).toEqual([]);
  });
});

describe('the log', () => {
  const signed = (): Record<string, string> => ({
    ...RELEASE,
    'dry-run': 'true',
    'signing-key': key.privateKey,
  });
  /** The key's lines a log could show: its body, without the armor's framing and blank lines. */
  const keyLines = (): string[] => key.privateKey.split('\n').filter((line) => line.trim().length >= 8);

  it('outside a runner reads as a runner shows it: no commands, no key', async () => {
    const run = await runBundle(process.execPath, signed(), { GITHUB_ACTIONS: undefined });

    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('release 0.26.0 (stable) from refs/tags/0.26.0');
    for (const command of ['::add-mask::', '::debug::', '::group::', '::endgroup::']) {
      expect(run.stdout).not.toContain(command);
    }
    for (const line of keyLines()) {
      expect(run.stdout + run.stderr).not.toContain(line);
    }
  });

  it('on a runner keeps every command: the runner masks and hides them', async () => {
    const run = await runBundle(process.execPath, signed(), {});

    expect(run.exitCode, run.stdout).toBe(0);
    const masks = run.stdout.split('\n').filter((line) => line.startsWith('::add-mask::'));
    // The whole key, each of its lines, and the public key's reads of it (all masked before any other line).
    expect(masks.length).toBeGreaterThanOrEqual(keyLines().length);
    expect(run.stdout).toContain('::debug::');
  });
});
