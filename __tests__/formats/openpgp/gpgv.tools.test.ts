import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigner, type Signer } from '../../../src/formats/openpgp/signer.js';
import { dearmorKeyring, gpgv, validSig, writeTemp } from './gpg-tools.js';
import { generateTestKey, type KeyType } from './test-keys.js';

const DATE = new Date('2025-01-01T00:00:00Z');
// A Release as apt-ftparchive writes it: leading spaces, a line starting with '-' (dash-escaped when clear-signed).
const RELEASE = `Origin: Falco
Label: Falco
Suite: stable
Date: Wed, 01 Jan 2025 00:00:00 UTC
SHA256:
 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855                0 main/binary-amd64/Packages
-- not a field, but signed all the same
`;
/** OpenPGP hash algorithm ids apt accepts: SHA-256, SHA-384, SHA-512 (never SHA-1 = 2). */
const STRONG_HASHES = [8, 9, 10];

/** Flips one bit of the byte at `offset` (negative: from the end). */
function tamper(path: string, offset: number): void {
  const bytes = readFileSync(path);
  const at = offset < 0 ? bytes.length + offset : offset;
  bytes[at] = (bytes[at] ?? 0) ^ 1;
  writeFileSync(path, bytes);
}

describe.each<KeyType>(['rsa', 'ed25519'])(
  'signatures with a %s key, checked by gpgv (what apt runs)',
  (type) => {
    let signer: Signer;
    let dir: string;
    let keyring: string;
    beforeAll(async () => {
      const key = await generateTestKey(type, { passphrase: 'secret' });
      signer = await loadSigner(key.privateKey, 'secret', { date: DATE });
      dir = mkdtempSync(join(tmpdir(), `signing-${type}-`));
      keyring = dearmorKeyring(signer.publicKeyArmored, join(dir, 'key.gpg'));
    });

    const expectValid = (result: ReturnType<typeof gpgv>): void => {
      expect(result.ok, result.stderr).toBe(true);
      const sig = validSig(result.stdout);
      expect(sig?.fingerprint).toBe(signer.fingerprint);
      expect(sig?.timestamp).toBe(DATE.getTime() / 1000);
      expect(STRONG_HASHES).toContain(sig?.hashAlgorithm);
    };

    it('clear-signs InRelease so that gpgv verifies it, and a one-byte change fails', async () => {
      const inRelease = writeTemp(dir, 'InRelease', await signer.clearSign(RELEASE));
      expectValid(gpgv(keyring, inRelease));
      tamper(inRelease, readFileSync(inRelease, 'utf8').indexOf('stable'));
      expect(gpgv(keyring, inRelease).ok).toBe(false);
    });

    it('writes Release.gpg, a detached signature gpgv verifies against Release; a one-byte change fails', async () => {
      const release = writeTemp(dir, 'Release', RELEASE);
      const signature = writeTemp(dir, 'Release.gpg', await signer.detachSign(RELEASE));
      expect(readFileSync(signature, 'utf8')).toMatch(/^-----BEGIN PGP SIGNATURE-----\n/);
      expectValid(gpgv(keyring, signature, release));
      tamper(release, -1);
      expect(gpgv(keyring, signature, release).ok).toBe(false);
    });

    it('signs a binary package byte for byte (CR LF and non-UTF-8 bytes included); a one-byte change fails', async () => {
      const bytes = Buffer.concat([randomBytes(4096), Buffer.from('\r\n\n\r\xff', 'latin1')]);
      const pkg = writeTemp(dir, 'falco-0.40.0-x86_64.rpm', bytes);
      const asc = writeTemp(dir, 'falco-0.40.0-x86_64.rpm.asc', await signer.detachSign(bytes));
      expectValid(gpgv(keyring, asc, pkg));
      tamper(pkg, 100);
      expect(gpgv(keyring, asc, pkg).ok).toBe(false);
    });

    it('fails under a keyring that holds another key', async () => {
      const other = await loadSigner((await generateTestKey(type)).privateKey, undefined, { date: DATE });
      const otherKeyring = dearmorKeyring(other.publicKeyArmored, join(dir, 'other.gpg'));
      const inRelease = writeTemp(dir, 'InRelease.other', await signer.clearSign(RELEASE));
      const result = gpgv(otherKeyring, inRelease);
      expect(result.ok).toBe(false);
      expect(result.stdout).toContain('NO_PUBKEY');
    });
  },
);
