import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeLeaks, displayedLog, findLeaks, secretsOf, type Secret } from './services/secrets-audit.js';

export interface ActionRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** True when the run was ended by SIGKILL (see RunOptions.killWhen). */
  readonly killed: boolean;
}

export interface RunOptions {
  /**
   * Secrets beyond the secret inputs and AWS variables, e.g. the bearer tokens a token server issued
   * during the run: read once the run has ended.
   */
  readonly secrets?: () => readonly Secret[];
  /**
   * Asked as stdout grows and every few milliseconds: true kills the action with SIGKILL at once, as a
   * runner that lost its machine would (no cleanup, no exit handlers).
   */
  readonly killWhen?: (stdout: string) => boolean;
}

/** How often killWhen is asked besides on output: it may watch something else, e.g. bytes through a proxy. */
const KILL_POLL_MS = 20;

const bundle = resolve('dist/index.js');

/**
 * Runs the bundled action as a runner does: a fresh process of this Node (24), the inputs as
 * `INPUT_<NAME>` variables, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files it then reads back.
 */
export async function runAction(
  inputs: Record<string, string>,
  env: Record<string, string>,
  workspace: string,
  options: RunOptions = {},
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
  let killed = false;
  const maybeKill = (): void => {
    if (killed || options.killWhen?.(stdout) !== true) return;
    killed = child.kill('SIGKILL');
  };
  const poll = options.killWhen === undefined ? undefined : setInterval(maybeKill, KILL_POLL_MS);
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    maybeKill();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? -1)));
  clearInterval(poll);
  const outputs = parseOutputs(await readFile(outputFile, 'utf8'));
  const summary = await readFile(summaryFile, 'utf8');
  await rm(dir, { recursive: true, force: true });
  const run = { exitCode, stdout, stderr, outputs, summary, killed };
  auditSecrets(run, inputs, env, options.secrets?.() ?? []);
  return run;
}

/**
 * Fails the test when any form of a secret shows where a workflow's readers could see it: the log as
 * the runner displays it, stderr, the outputs and the job summary.
 */
function auditSecrets(
  run: ActionRun,
  inputs: Record<string, string>,
  env: Record<string, string>,
  extra: readonly Secret[],
): void {
  const texts = {
    stdout: displayedLog(run.stdout),
    stderr: run.stderr,
    outputs: Object.values(run.outputs).join('\n'),
    'job summary': run.summary,
  };
  const leaks = findLeaks(texts, secretsOf(inputs, env, extra), inputs['registry-username']);
  if (leaks.length > 0) throw new Error(describeLeaks(leaks));
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
