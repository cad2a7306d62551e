import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { run } from '../services/process.js';

/**
 * `openssl dgst -sha256 -verify <key> -signature <sig> <payload>`: true on "Verified OK", false on
 * "Verification failure"; anything else (a key openssl cannot read) throws. OpenSSL, not node:crypto,
 * judges: it shares no code with the signer.
 */
export async function opensslVerifies(
  publicKeyPem: string,
  signature: Buffer,
  payload: Buffer,
): Promise<boolean> {
  return inTempDir(async (dir) => {
    const key = join(dir, 'cosign.pub');
    const sig = join(dir, 'sig.der');
    const data = join(dir, 'payload');
    await writeFile(key, publicKeyPem);
    await writeFile(sig, signature);
    await writeFile(data, payload);
    const { code, stdout, stderr } = await exitOf('openssl', [
      'dgst',
      '-sha256',
      '-verify',
      key,
      '-signature',
      sig,
      data,
    ]);
    if (code === 0 && stdout.trim() === 'Verified OK') return true;
    if (code === 1 && stdout.trim() === 'Verification failure') return false;
    throw new Error(`openssl neither verified nor refused (exit ${code}): ${stdout} ${stderr}`);
  });
}

/** `openssl x509 -pubkey -noout`: the public key of a PEM certificate, PEM. */
export async function certificatePublicKey(certificatePem: string): Promise<string> {
  return inTempDir(async (dir) => {
    const file = join(dir, 'cert.pem');
    await writeFile(file, certificatePem);
    return run('openssl', ['x509', '-in', file, '-pubkey', '-noout']);
  });
}

/** `openssl x509 -ext subjectAltName -noout`: the certificate's SAN line as openssl prints it. */
export async function certificateSubjectAltName(certificatePem: string): Promise<string> {
  return inTempDir(async (dir) => {
    const file = join(dir, 'cert.pem');
    await writeFile(file, certificatePem);
    return run('openssl', ['x509', '-in', file, '-ext', 'subjectAltName', '-noout']);
  });
}

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'openssl-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A command's exit code and output, a failing exit included (openssl says "Verification failure" on stdout, exit 1). */
function exitOf(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}
