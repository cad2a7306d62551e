import { spawn } from 'node:child_process';

/** Wall time of `fn` in milliseconds. */
export async function wallMs(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Milliseconds from spawning a command to the first line it prints on stdout; the process is then left to finish. */
export async function msToFirstLine(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; line: string; exitCode: number }> {
  const start = process.hrtime.bigint();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
  const closed = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  let seen = '';
  const ms = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('\n')) resolve(Number(process.hrtime.bigint() - start) / 1e6);
    });
    child.on('error', reject);
    void closed.then(() => reject(new Error(`${command} printed no line`)));
  });
  // What was measured must be the run the benchmark meant: its first line, and a clean exit.
  return { ms, line: seen.split('\n')[0] ?? '', exitCode: await closed };
}

/** Runs a command to completion; rejects with its stderr when it fails. */
export async function exec(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code}): ${stderr || stdout}`);
  return stdout;
}

export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')).join('\n');
}
