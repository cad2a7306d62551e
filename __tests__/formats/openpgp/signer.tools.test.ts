// detachSignFile's signatures, checked by gpgv (what apt runs and what users verify packages with).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigner, type Signer } from '../../../src/formats/openpgp/signer.js';
import { useTools } from '../fixtures/tools.js';
import { dearmorKeyring, gpgv, validSig, writeTemp } from './gpg-tools.js';
import { SIGN_FILE_CASES } from './sign-file-cases.js';
import { generateTestKey, type KeyType } from './test-keys.js';

const DATE = new Date('2025-01-01T00:00:00Z');

useTools('gpg', 'gpgv');

describe.each<KeyType>(['ed25519', 'rsa'])('detachSignFile with a %s key', (type) => {
  let signer: Signer;
  let dir: string;
  let keyring: string;
  beforeAll(async () => {
    const key = await generateTestKey(type);
    signer = await loadSigner(key.privateKey, undefined, { date: DATE });
    dir = mkdtempSync(join(tmpdir(), `sign-file-${type}-`));
    keyring = dearmorKeyring(signer.publicKeyArmored, join(dir, 'key.gpg'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(SIGN_FILE_CASES)(
    'signs %s exactly as detachSign signs its bytes, and gpgv verifies it',
    async (_, size) => {
      const bytes = size < 0 ? Buffer.from('a\r\nb\n\r\xff\x00', 'latin1') : Buffer.from(randomBytes(size));
      const file = writeTemp(dir, `package-${size}.rpm`, bytes);
      const streamed = await signer.detachSignFile(file);
      expect(streamed).toBe(await signer.detachSign(readFileSync(file)));
      const asc = writeTemp(dir, `package-${size}.rpm.asc`, streamed);
      const result = gpgv(keyring, asc, file);
      expect(result.ok, result.stderr).toBe(true);
      expect(validSig(result.stdout)?.fingerprint).toBe(signer.fingerprint);
      if (size === 0) return;
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
      expect(gpgv(keyring, asc, writeTemp(dir, `package-${size}.rpm`, bytes)).ok).toBe(false);
    },
  );
});
