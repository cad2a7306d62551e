import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runnerEnvironment } from '../__tests__/e2e/run-action.js';
import { skopeoHome } from '../__tests__/e2e/services/skopeo-cli.js';

/** A finished process: its wall time, and its peak RSS and CPU time as seen in /proc while it ran. */
export interface Measured {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  /** From spawn to its first byte on stdout (the start-up a program pays before doing anything); 0 if none. */
  readonly firstOutputMs: number;
  /** Its stdout, each line after the ms since spawn it arrived at: where the time went. */
  readonly timeline: string;
  /** The highest VmHWM (peak RSS, KiB) read from /proc/<pid>/status while the process lived; 0 if never read. */
  readonly polledPeakKiB: number;
  /** User + system CPU time of all its threads, as last read from /proc/<pid>/stat (misses the last poll interval). */
  readonly polledCpuMs: number;
}

const POLL_MS = 20;
/** USER_HZ: /proc/<pid>/stat counts CPU time in these ticks per second (100 on every Linux that matters). */
const TICKS_PER_SECOND = 100;

function vmHwmKiB(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]);
  } catch {
    return undefined; // exited between two polls
  }
}

function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return Number.isFinite(utime) && Number.isFinite(stime)
      ? ((utime + stime) * 1000) / TICKS_PER_SECOND
      : undefined;
  } catch {
    return undefined;
  }
}

const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * Runs a command to completion, timing it from spawn to exit and polling its peak RSS (VmHWM is a
 * high-water mark, so polling misses only a peak reached in the last few milliseconds of its life) and CPU time.
 */
export async function runMeasured(
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string },
): Promise<Measured> {
  const start = process.hrtime.bigint();
  const child = spawn(command, args, {
    env: options.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const closed = new Promise<void>((done) => child.once('close', () => done()));
  let stdout = '';
  let stderr = '';
  let firstOutputMs = 0;
  let timeline = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const at = msSince(start);
    if (firstOutputMs === 0) firstOutputMs = at;
    stdout += chunk.toString();
    for (const line of chunk.toString().split('\n'))
      if (line !== '') timeline += `${at.toFixed(0).padStart(6)} ${line}\n`;
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peak = 0;
  let cpu = 0;
  const poll = (): void => {
    if (child.pid === undefined) return;
    peak = Math.max(peak, vmHwmKiB(child.pid) ?? 0);
    cpu = Math.max(cpu, cpuMs(child.pid) ?? 0);
  };
  const timer = setInterval(poll, POLL_MS);
  poll();
  let wallMs = 0;
  const exitCode = await new Promise<number>((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => {
      wallMs = msSince(start);
      done(code ?? -1);
    });
  }).finally(() => clearInterval(timer));
  await closed; // the rest of its output
  return { exitCode, stdout, stderr, wallMs, firstOutputMs, timeline, polledPeakKiB: peak, polledCpuMs: cpu };
}

export interface MeasuredAction extends Measured {
  /** Peak RSS (VmHWM) of the action's process (KiB), as bench/maxrss.mjs printed it. */
  readonly maxRssKiB: number;
  /** getrusage's user + system CPU time of the action's process (ms), as bench/maxrss.mjs printed it. */
  readonly cpuMs: number;
}

/**
 * Runs the bundled action as __tests__/e2e/run-action.ts does (a fresh Node process, inputs as
 * INPUT_<NAME>, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), with bench/maxrss.mjs preloaded so the
 * process reports its own peak RSS.
 */
export async function runActionMeasured(
  inputs: Record<string, string>,
  env: Record<string, string>,
  workspace: string,
): Promise<MeasuredAction> {
  const dir = await mkdtemp(join(tmpdir(), 'action-run-'));
  try {
    const outputFile = join(dir, 'output');
    const summaryFile = join(dir, 'summary');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '');
    const run = await runMeasured(
      process.execPath,
      ['--import', resolve('bench/maxrss.mjs'), resolve('dist/index.js')],
      {
        cwd: workspace,
        env: runnerEnvironment({ workspace, dir, outputFile, summaryFile, inputs, env }),
      },
    );
    const maxRss = /^maxrss-kib (\d+)$/m.exec(run.stderr)?.[1];
    const cpu = /^cpu-ms (\d+)$/m.exec(run.stderr)?.[1];
    if (maxRss === undefined || cpu === undefined) {
      throw new Error(`bench/maxrss.mjs reported nothing (exit ${run.exitCode}):\n${run.stderr}`);
    }
    return { ...run, maxRssKiB: Number(maxRss), cpuMs: Number(cpu) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `skopeo copy <args>` in its own throw-away home, measured; rejects with skopeo's stderr when it fails. */
export async function skopeoCopyMeasured(args: readonly string[]): Promise<Measured> {
  const home = await skopeoHome();
  try {
    const run = await runMeasured('skopeo', ['copy', ...home.authArgs, ...args], { env: home.env });
    if (run.exitCode !== 0)
      throw new Error(`skopeo copy ${args.join(' ')} failed (${run.exitCode}): ${run.stderr}`);
    return run;
  } finally {
    await home.remove();
  }
}
