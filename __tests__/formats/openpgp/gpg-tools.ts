import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Debian packages the signing tests verify with: the gpgv apt itself runs, and gpg to make keyrings. */
export const SIGNING_TOOL_PACKAGES = 'gpgv gnupg';

export interface ToolResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs gpg or gpgv in a throwaway home, so the tests never read or write the user's keys. */
export function gnupg(command: 'gpg' | 'gpgv', args: readonly string[], input?: string | Buffer): ToolResult {
  const home = mkdtempSync(join(tmpdir(), 'gnupg-'));
  const result = spawnSync(command, ['--homedir', home, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  });
  rmSync(home, { recursive: true, force: true });
  if (result.error) {
    throw new Error(
      `${command} could not run (${result.error.message}): apt-get install -y --no-install-recommends ${SIGNING_TOOL_PACKAGES}`,
    );
  }
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr };
}

/** A binary keyring of an armored public key, made as users make theirs: `gpg --dearmor`. */
export function dearmorKeyring(armoredPublicKey: string, path: string): string {
  const result = gnupg('gpg', ['--batch', '--yes', '--dearmor', '--output', path], armoredPublicKey);
  if (!result.ok) throw new Error(`gpg --dearmor failed: ${result.stderr}`);
  return path;
}

/**
 * gpgv's verdict on a clear-signed file (one path) or a detached signature and its data (two),
 * with its machine-readable status lines (`[GNUPG:] VALIDSIG <fpr> ... <hash-algo> ...`).
 */
export function gpgv(keyring: string, ...files: string[]): ToolResult {
  return gnupg('gpgv', ['--status-fd', '1', '--keyring', keyring, ...files]);
}

/** The fields of gpgv's VALIDSIG status line, or undefined when it printed none. */
export function validSig(
  status: string,
): { fingerprint: string; timestamp: number; hashAlgorithm: number } | undefined {
  const line = status.split('\n').find((l) => l.startsWith('[GNUPG:] VALIDSIG '));
  if (!line) return undefined;
  const fields = line.split(' ').slice(2);
  return {
    fingerprint: fields[0] ?? '',
    timestamp: Number(fields[2]),
    hashAlgorithm: Number(fields[7]),
  };
}

export function writeTemp(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
