import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSigner } from '../src/formats/openpgp/signer.js';
import { compileSource } from './compiled-source.js';
import { dearmorKeyring, gpgv, validSig, writeTemp } from '../__tests__/formats/openpgp/gpg-tools.js';
import { generateTestKey } from '../__tests__/formats/openpgp/test-keys.js';

// Signing a package as big as Falco's biggest, streamed: the figure is the signing process's peak RSS
// (printed, never asserted); what is asserted is that the real gpgv accepts the signature.
const MIB = 1024 * 1024;
const DATE = new Date('2025-01-01T00:00:00Z');

describe('signing benchmarks', () => {
  const SIZE = 1024 * MIB;
  /** A publisher runs beside other jobs on a runner: signing must not take memory in proportion to the package. */
  const RSS_TARGET = 128 * MIB;
  let dir: string;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('detachSignFile of a 1 GiB package: peak RSS of the signing process, and gpgv verifies the signature', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sign-big-'));
    const key = await generateTestKey('ed25519');
    const keyFile = writeTemp(dir, 'key.asc', key.privateKey);
    // Sparse, with random bytes at both ends and in the middle: nothing on disk, and still not all zeros.
    const file = join(dir, 'falco-0.40.0-x86_64.tar.gz');
    const handle = await open(file, 'w');
    try {
      await handle.truncate(SIZE);
      for (const at of [0, SIZE / 2 - 7, SIZE - 4096]) await handle.write(randomBytes(4096), 0, 4096, at);
    } finally {
      await handle.close();
    }

    const compiled = await compileSource(['src/formats/openpgp/signer.ts']);
    try {
      const script = join(compiled.dir, 'sign-file.mjs');
      await writeFile(
        script,
        `import { readFileSync } from 'node:fs';
import { loadSigner } from ${JSON.stringify(compiled.moduleUrl('src/formats/openpgp/signer.ts'))};
const [keyFile, file, date] = process.argv.slice(2);
// VmHWM, not ru_maxrss: see bench/maxrss.mjs for why.
const hwm = () => Number(/^VmHWM:\\s+(\\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
const signer = await loadSigner(readFileSync(keyFile, 'utf8'), undefined, { date: new Date(date) });
const loadedKiB = hwm();
process.stdout.write(await signer.detachSignFile(file));
const { userCPUTime, systemCPUTime } = process.resourceUsage();
process.stderr.write(JSON.stringify({ loadedKiB, peakKiB: hwm(), cpuMs: (userCPUTime + systemCPUTime) / 1000 }));
`,
      );
      const run = await runNode([script, keyFile, file, DATE.toISOString()]);
      expect(run.code, run.stderr).toBe(0);
      const { loadedKiB, peakKiB, cpuMs } = JSON.parse(run.stderr) as {
        loadedKiB: number;
        peakKiB: number;
        cpuMs: number;
      };
      console.log(
        `\ndetachSignFile of a 1 GiB package: peak RSS ${(peakKiB / 1024).toFixed(1)} MiB ` +
          `(target ≤ ${RSS_TARGET / MIB} MiB; ${(loadedKiB / 1024).toFixed(1)} MiB with the key loaded, before signing), ` +
          `${(run.ms / 1000).toFixed(1)} s wall, ${(cpuMs / 1000).toFixed(1)} s CPU\n`,
      );

      const signer = await loadSigner(key.privateKey, undefined, { date: DATE });
      const keyring = dearmorKeyring(signer.publicKeyArmored, join(dir, 'key.gpg'));
      const result = gpgv(keyring, writeTemp(dir, 'falco.asc', run.stdout), file);
      expect(result.ok, result.stderr).toBe(true);
      expect(validSig(result.stdout)?.timestamp).toBe(DATE.getTime() / 1000);
    } finally {
      await compiled.remove();
    }
  }, 300_000);
});

/** Runs a script with this Node, collecting its output. */
async function runNode(
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number>((done, fail) => {
    child.once('error', fail);
    child.once('close', (exit) => done(exit ?? -1));
  });
  return { code, stdout, stderr, ms: performance.now() - start };
}
