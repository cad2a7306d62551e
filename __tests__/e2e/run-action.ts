import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ActionRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

const bundle = resolve('dist/index.js');

/**
 * Runs the bundled action as a runner does: a fresh process of this Node (24), the inputs as
 * `INPUT_<NAME>` variables, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files it then reads back.
 */
export async function runAction(
  inputs: Record<string, string>,
  env: Record<string, string>,
  workspace: string,
): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'action-run-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const child = spawn(process.execPath, [bundle], {
    cwd: workspace,
    env: runnerEnvironment({ workspace, dir, outputFile, summaryFile, inputs, env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? -1)));
  const outputs = parseOutputs(await readFile(outputFile, 'utf8'));
  const summary = await readFile(summaryFile, 'utf8');
  await rm(dir, { recursive: true, force: true });
  return { exitCode, stdout, stderr, outputs, summary };
}

/** The environment a runner gives an action step: GITHUB_* files and variables, inputs as INPUT_<NAME>. */
export function runnerEnvironment(run: {
  workspace: string;
  dir: string;
  outputFile: string;
  summaryFile: string;
  inputs: Record<string, string>;
  env: Record<string, string>;
}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_WORKSPACE: run.workspace,
    GITHUB_OUTPUT: run.outputFile,
    GITHUB_STEP_SUMMARY: run.summaryFile,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: run.dir,
    ...run.env,
    ...Object.fromEntries(
      Object.entries(run.inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
  };
}

/** The GITHUB_OUTPUT file format: `name<<DELIMITER`, value lines, `DELIMITER`. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!header) continue;
    const [, name = '', delimiter] = header;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name] = value.join('\n');
  }
  return outputs;
}

/** The `::error::` line the action printed, unescaped (`%0A` is a newline in workflow commands). */
export function errorLine(run: ActionRun): string {
  const line = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
  return line.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}
