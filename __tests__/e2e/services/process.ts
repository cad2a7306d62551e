import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { portListeners, waitFor, type PortListeners } from './ports.js';

/** A running server that a test started and must stop. */
export interface Started {
  pid: number;
  stop(): Promise<void>;
}

export interface Daemon extends Started {
  logFile: string;
  running(): boolean;
  logTail(lines?: number): string;
}

const STOP_GRACE_MS = 10000;

// When the test process exits normally without calling stop(): signal our daemons by PID (a parent-death
// signal covers the other ways to die, see spawnDaemon). Only synchronous calls work in 'exit', so
// there is no waiting: SIGTERM lets each daemon clean up after itself (dockerd unmounts, stops containerd).
const livePids = new Set<number>();
process.once('exit', () => {
  for (const pid of livePids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts a long-running server with stdout and stderr appended to `<dir>/<name>.log`, so a failing
 * start-up can show what the server said. The child stays in our process group: Ctrl-C on a local
 * run reaches it too.
 */
export async function spawnDaemon(
  command: string,
  args: string[],
  options: { dir: string; name: string; env?: NodeJS.ProcessEnv },
): Promise<Daemon> {
  const logFile = join(options.dir, `${options.name}.log`);
  const fd = openSync(logFile, 'a');
  // setpriv (util-linux) execs the server with a parent-death signal: when the test process dies
  // without calling stop() (vitest ends its workers without an 'exit' event), the server gets
  // SIGTERM and shuts down cleanly instead of living on. exec keeps the PID: it is the server's.
  const child = spawn('setpriv', ['--pdeathsig', 'TERM', '--', command, ...args], {
    cwd: options.dir,
    env: options.env ?? process.env,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd); // the child holds its own copy
  const { pid } = child;
  if (pid === undefined) {
    const error = await new Promise<Error>((resolve) => child.once('error', resolve));
    throw new Error(`could not start setpriv for ${command}: ${error.message}`);
  }
  livePids.add(pid);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      livePids.delete(pid);
      resolve();
    }),
  );
  let stopping: Promise<void> | undefined;
  return {
    pid,
    logFile,
    running: () => !exited,
    logTail: (lines = 30) => tail(logFile, lines),
    stop() {
      stopping ??= (async () => {
        if (exited) return;
        process.kill(pid, 'SIGTERM');
        await Promise.race([exit, sleep(STOP_GRACE_MS)]);
        if (!exited) process.kill(pid, 'SIGKILL');
        await exit;
      })();
      return stopping;
    },
  };
}

/** A daemon that does not have its port to itself: a start-up on other ports may well succeed. */
export class PortNotBound extends Error {
  override name = 'PortNotBound';
}

/**
 * Like waitFor, but fails at once, with the log tail, when the daemon exits during start-up. Given its
 * `port`, the daemon is ready only once it alone listens there (see portListeners): a check answered
 * by a server that took the port first, or that shares it, is not (only) our daemon's answer.
 */
export async function waitForDaemon(
  daemon: Daemon,
  check: () => Promise<boolean>,
  what: string,
  options: { port?: number; timeoutMs?: number } = {},
): Promise<void> {
  const { port, timeoutMs } = options;
  const failure = (why: string): Error =>
    new Error(`${why}; last lines of ${daemon.logFile}:\n${daemon.logTail()}`);
  let listeners: PortListeners | undefined;
  const ready = async (): Promise<boolean> => {
    if (port !== undefined) {
      listeners = await portListeners(daemon.pid, port);
      // Sharing the port will not pass: stop waiting and say so.
      if (listeners === 'it-and-others') return true;
      if (listeners !== 'only-it') return false;
    }
    return check();
  };
  try {
    // A dead daemon ends the wait early; the check below turns that into the error.
    await waitFor(async () => !daemon.running() || (await ready()), what, timeoutMs);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (daemon.running() && (listeners === 'others' || listeners === 'nobody')) {
      throw new PortNotBound(`${why}: the process (pid ${daemon.pid}) never listened on port ${port}`);
    }
    throw failure(why);
  }
  if (!daemon.running()) throw failure(`${what}: the process (pid ${daemon.pid}) exited during start-up`);
  if (listeners === 'it-and-others') {
    throw new PortNotBound(`${what}: another process listens on port ${port} too (SO_REUSEPORT)`);
  }
}

/** A process seen in /proc; the start time tells it apart from a later process reusing its PID. */
export interface ProcessRef {
  pid: number;
  startTime: string;
}

function readStat(pid: number): { ppid: number; state: string; startTime: string } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may contain spaces and parentheses: split after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [state, ppid] = fields;
  const startTime = fields[19];
  if (state === undefined || ppid === undefined || startTime === undefined) return undefined;
  return { ppid: Number(ppid), state, startTime };
}

/** True while the process exists and is not a zombie waiting for a parent that is not us. */
export function isAlive(ref: number | ProcessRef): boolean {
  const pid = typeof ref === 'number' ? ref : ref.pid;
  const stat = readStat(pid);
  if (stat === undefined || stat.state === 'Z' || stat.state === 'X') return false;
  return typeof ref === 'number' || stat.startTime === ref.startTime;
}

/** All processes below `pid` (children, grandchildren...), e.g. the containerd that dockerd starts. */
export function descendants(pid: number): ProcessRef[] {
  const children = new Map<number, ProcessRef[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat === undefined) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push({ pid: Number(entry), startTime: stat.startTime });
    children.set(stat.ppid, list);
  }
  const found: ProcessRef[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

function signal(ref: ProcessRef, name: NodeJS.Signals): boolean {
  if (!isAlive(ref)) return false;
  try {
    process.kill(ref.pid, name);
    return true;
  } catch {
    return false; // exited in between
  }
}

async function gone(ref: ProcessRef, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(ref)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

/** Ends a process that is not our child: by PID, after checking it is still the same process. */
export async function stopProcess(ref: ProcessRef, graceMs = STOP_GRACE_MS): Promise<void> {
  if (!signal(ref, 'SIGTERM') || (await gone(ref, graceMs))) return;
  signal(ref, 'SIGKILL');
  if (!(await gone(ref, 5000))) throw new Error(`process ${ref.pid} is still alive after SIGKILL`);
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  cwd?: string;
  timeoutMs?: number;
  /** Values (passwords) to mask in error messages. */
  secrets?: string[];
}

/** Runs a command to completion; resolves with its stdout, rejects with its exit status and stderr. */
export async function run(command: string, args: string[], options: RunOptions = {}): Promise<string> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: options.timeoutMs ?? 120000,
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  // A command that exits without reading its input would make the write fail with EPIPE;
  // its exit status is what matters, so that error is dropped.
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.input ?? '');
  const [code, signalName] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  if (code === 0) return Buffer.concat(stdout).toString('utf8');
  let message = `${command} ${args.join(' ')} failed (${signalName ?? `exit ${code}`}): ${Buffer.concat(stderr).toString('utf8').trim()}`;
  for (const secret of options.secrets ?? []) if (secret !== '') message = message.split(secret).join('***');
  throw new Error(message);
}
