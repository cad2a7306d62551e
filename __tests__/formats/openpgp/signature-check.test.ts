import { beforeAll, describe, expect, it } from 'vitest';
import { signatureCheck } from '../../../src/formats/openpgp/signature-check.js';
import { loadSigner, type Signer } from '../../../src/formats/openpgp/signer.js';
import { generateTestKey, type TestKey } from './test-keys.js';

const RELEASE = 'Origin: Falco\nLabel: Falco\nSHA256:\n 0123 12 main/binary-amd64/Packages\n';

describe('signatureCheck', () => {
  let key: TestKey;
  let other: TestKey;
  let signer: Signer;
  beforeAll(async () => {
    [key, other] = await Promise.all([generateTestKey('ed25519'), generateTestKey('ed25519')]);
    signer = await loadSigner(key.privateKey, undefined);
  });

  it('accepts a clear-signed text by the key, over exactly that text', async () => {
    const check = await signatureCheck(key.publicKey);
    const armored = await signer.clearSign(RELEASE);
    expect(await check.clearSigned(armored, RELEASE)).toBe(true);
    expect(await check.clearSigned(armored, `${RELEASE}Date: later\n`)).toBe(false);
    expect(await (await signatureCheck(other.publicKey)).clearSigned(armored, RELEASE)).toBe(false);
  });

  it('accepts a detached signature by the key over exactly those bytes', async () => {
    const check = await signatureCheck(key.publicKey);
    const armored = await signer.detachSign(Buffer.from(RELEASE));
    expect(await check.detached(armored, Buffer.from(RELEASE))).toBe(true);
    expect(await check.detached(armored, Buffer.from(`${RELEASE} `))).toBe(false);
    expect(await (await signatureCheck(other.publicKey)).detached(armored, Buffer.from(RELEASE))).toBe(false);
  });

  it('takes garbage for "not signed" rather than failing', async () => {
    const check = await signatureCheck(key.publicKey);
    expect(await check.clearSigned('not a signature', RELEASE)).toBe(false);
    expect(await check.detached('', Buffer.from(RELEASE))).toBe(false);
  });
});
