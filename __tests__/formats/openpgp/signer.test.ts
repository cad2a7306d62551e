import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey, readKey, readSignature } from 'openpgp';
import { loadSigner, type Signer } from '../../../src/formats/openpgp/signer.js';
import { UserError } from '../../../src/util/errors.js';
import { writeTemp } from './gpg-tools.js';
import { signatureCheck, type SignatureCheck } from '../../../src/formats/openpgp/signature-check.js';
import { SIGN_FILE_CASES } from './sign-file-cases.js';
import { generateTestKey, KEY_CREATED, revoked, type KeyType, type TestKey } from './test-keys.js';

const DATE = new Date('2025-01-01T00:00:00Z');
const PASSPHRASE = 'correct horse battery staple';

/** The UserError `loadSigner` throws, checked never to quote the key or the passphrase. */
async function refusal(armoredKey: string, passphrase?: string, date = DATE): Promise<UserError> {
  const error: unknown = await loadSigner(armoredKey, passphrase, { date }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
  const secrets = [passphrase, ...armoredKey.split('\n').filter((line) => line.length > 20)];
  for (const secret of secrets) if (secret) expect(error.message).not.toContain(secret);
  return error;
}

describe('loadSigner', () => {
  let plain: TestKey;
  let encrypted: TestKey;
  beforeAll(async () => {
    plain = await generateTestKey('ed25519');
    encrypted = await generateTestKey('ed25519', { passphrase: PASSPHRASE });
  });

  it('loads an unprotected key, ignoring a passphrase it does not need', async () => {
    const signer = await loadSigner(plain.privateKey, 'unused', { date: DATE });
    const publicKey = await readKey({ armoredKey: plain.publicKey });
    expect(signer.fingerprint).toBe(publicKey.getFingerprint().toUpperCase());
    expect(signer.publicKeyArmored).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----\n/);
    expect(signer.publicKeyArmored).not.toContain('PRIVATE');
    const exported = await readKey({ armoredKey: signer.publicKeyArmored });
    expect(exported.isPrivate()).toBe(false);
    expect(exported.getFingerprint()).toBe(publicKey.getFingerprint());
  });

  it('decrypts a passphrase-protected key', async () => {
    const signer = await loadSigner(encrypted.privateKey, PASSPHRASE, { date: DATE });
    expect(await signer.clearSign('Origin: Falco\n')).toContain('-----BEGIN PGP SIGNATURE-----');
  });

  it("clear-signs with the text's own LF line ends, as Debian's InRelease files have them", async () => {
    const signer = await loadSigner(plain.privateKey, undefined, { date: DATE });
    const signed = await signer.clearSign('Origin: Falco\nLabel: Falco\n');
    expect(signed).not.toContain('\r');
    expect(signed).toContain('\n\nOrigin: Falco\nLabel: Falco\n-----BEGIN PGP SIGNATURE-----\n');
  });

  it('signs with the given date and, given one, writes the same bytes every time', async () => {
    const signer = await loadSigner(plain.privateKey, undefined, { date: DATE });
    const again = await loadSigner(plain.privateKey, undefined, { date: DATE });
    const signature = await signer.detachSign(Buffer.from([0, 1, 2, 255]));
    expect(await again.detachSign(Buffer.from([0, 1, 2, 255]))).toBe(signature);
    expect(await again.clearSign('a\n')).toBe(await signer.clearSign('a\n'));
    const packet = (await readSignature({ armoredSignature: signature })).packets[0];
    expect(packet?.created).toEqual(DATE);
  });

  it('signs a string as its UTF-8 bytes', async () => {
    const signer = await loadSigner(plain.privateKey, undefined, { date: DATE });
    expect(await signer.detachSign('ünï\r\n')).toBe(await signer.detachSign(Buffer.from('ünï\r\n', 'utf8')));
  });

  it('refuses what is not an armored key, without quoting it', async () => {
    const error = await refusal('-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nnot base64 at all, a secret\n');
    expect(error.subject).toBe('signing-key');
    expect(error.message).toContain('not an OpenPGP key');
    expect((await refusal(plain.privateKey.split('\n').slice(2, -2).join('\n'))).subject).toBe('signing-key');
  });

  it('refuses a public key, saying how to export the private one', async () => {
    const error = await refusal(plain.publicKey);
    expect(error.subject).toBe('signing-key');
    expect(error.message).toMatch(/public key.*--export-secret-keys/);
  });

  it('refuses a protected key without its passphrase, or with a wrong one', async () => {
    for (const missing of [undefined, '']) {
      const error = await refusal(encrypted.privateKey, missing);
      expect(error.subject).toBe('signing-passphrase');
      expect(error.message).toContain('is not set');
    }
    const wrong = await refusal(encrypted.privateKey, 'wrong horse');
    expect(wrong.subject).toBe('signing-passphrase');
    expect(wrong.message).toContain('does not unlock');
  });

  it('refuses a revoked key and one expired at the signing date', async () => {
    expect((await refusal((await revoked(plain)).privateKey)).message).toContain('is revoked');
    const expiring = await generateTestKey('ed25519', { expiresIn: 3600 });
    expect((await refusal(expiring.privateKey)).message).toContain('is expired');
    // The same key signs within its lifetime: validity is judged at the caller's date, not the clock's.
    await expect(
      loadSigner(expiring.privateKey, undefined, { date: new Date(KEY_CREATED.getTime() + 60_000) }),
    ).resolves.toBeDefined();
  });

  it("refuses RFC 9580 Ed25519, openpgp.js's default, which gpgv 2.2 cannot verify", async () => {
    const error = await refusal((await generateTestKey('rfc9580Ed25519')).privateKey);
    expect(error.message).toContain('signs with ed25519, which gpgv 2.2');
  });

  it('refuses a v6 (RFC 9580) key, whose signatures gpgv 2.2 and 2.4 cannot verify', async () => {
    const { privateKey } = await generateKey({
      type: 'rsa',
      rsaBits: 3072,
      userIDs: [{ name: 'v6' }],
      date: KEY_CREATED,
      config: { v6Keys: true },
      format: 'armored',
    });
    expect((await refusal(privateKey)).message).toContain('is a version 6 key');
  });
});

describe.each<KeyType>(['ed25519', 'rsa'])('detachSignFile with a %s key', (type) => {
  let signer: Signer;
  let dir: string;
  let check: SignatureCheck;
  beforeAll(async () => {
    const key = await generateTestKey(type);
    signer = await loadSigner(key.privateKey, undefined, { date: DATE });
    dir = mkdtempSync(join(tmpdir(), `sign-file-${type}-`));
    check = await signatureCheck(signer.publicKeyArmored);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // gpgv's verdict on the same signatures is in signer.tools.test.ts.
  it.each(SIGN_FILE_CASES)(
    'signs %s exactly as detachSign signs its bytes, and the signature verifies',
    async (_, size) => {
      const bytes = size < 0 ? Buffer.from('a\r\nb\n\r\xff\x00', 'latin1') : Buffer.from(randomBytes(size));
      const file = writeTemp(dir, `package-${size}.rpm`, bytes);
      const streamed = await signer.detachSignFile(file);
      expect(streamed).toBe(await signer.detachSign(readFileSync(file)));
      expect(await check.detached(streamed, bytes)).toBe(true);
      if (size === 0) return;
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
      expect(await check.detached(streamed, bytes)).toBe(false);
    },
  );

  it('rejects a file it cannot read, with the reason', async () => {
    await expect(signer.detachSignFile(join(dir, 'missing.rpm'))).rejects.toThrow(/ENOENT/);
    // Opened, then failing on the first read: the error arrives while openpgp is already hashing.
    await expect(signer.detachSignFile(dir)).rejects.toThrow(/EISDIR/);
  });
});
