import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessage, readKey, readPrivateKey, readSignature, sign, verify } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigner, type Signer } from '../../../src/formats/openpgp/signer.js';
import { readRpm } from '../../../src/formats/rpm/read-rpm.js';
import { readRawEntries } from '../../../src/formats/rpm/rpm-signature-header.js';
import { SignatureTag } from '../../../src/formats/rpm/rpm-tags.js';
import { signRpm } from '../../../src/formats/rpm/sign-rpm.js';
import { asyncUserErrorOf } from '../../fixtures/errors.js';
import { madeFalcoRpm } from '../../indexes/made-packages.js';
import { generateTestKey, type TestKey } from '../openpgp/test-keys.js';
import { committedRpm } from './committed-rpms.js';

const DATE = new Date('2025-06-01T00:00:00Z');
const LEAD_SIZE = 96;

/** The lead, signature header, main header and payload of an .rpm, cut where its headers say. */
function parts(file: Buffer): { signature: Buffer; mainStart: number; main: Buffer; payload: Buffer } {
  const headerSize = (at: number): number => 16 + 16 * file.readUInt32BE(at + 8) + file.readUInt32BE(at + 12);
  const signatureSize = headerSize(LEAD_SIZE);
  const mainStart = Math.ceil((LEAD_SIZE + signatureSize) / 8) * 8;
  const mainEnd = mainStart + headerSize(mainStart);
  return {
    signature: file.subarray(LEAD_SIZE, LEAD_SIZE + signatureSize),
    mainStart,
    main: file.subarray(mainStart, mainEnd),
    payload: file.subarray(mainEnd),
  };
}

const entriesOf = (file: Buffer) => readRawEntries(parts(file).signature, 'test', 'signature header');

let dir: string;
let rsaKey: TestKey;
let rsa: Signer;
let ed25519: Signer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sign-rpm-'));
  rsaKey = await generateTestKey('rsa');
  rsa = await loadSigner(rsaKey.privateKey, undefined, { date: DATE });
  ed25519 = await loadSigner((await generateTestKey('ed25519')).privateKey, undefined, { date: DATE });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('signRpm', () => {
  for (const name of ['full', 'minimal'] as const) {
    it(`signs the ${name} package's main header with an RSA key in RSAHEADER, the rest unchanged`, async () => {
      const input = committedRpm(name);
      const output = join(dir, `${name}-signed.rpm`);
      const size = await signRpm(input, output, (bytes) => rsa.detachSignBinary(bytes));

      const before = await readFile(input);
      const after = await readFile(output);
      expect(size).toBe(after.length);
      // The reserved space took the signature's room: the file kept its size and its main header's place.
      expect(after.length).toBe(before.length);
      expect(after.subarray(0, LEAD_SIZE)).toEqual(before.subarray(0, LEAD_SIZE));
      expect(parts(after).main).toEqual(parts(before).main);
      expect(parts(after).payload).toEqual(parts(before).payload);
      expect(await readRpm(output)).toEqual(await readRpm(input));

      const entries = entriesOf(after);
      const signature = entries.find((entry) => entry.tag === SignatureTag.rsaHeader);
      if (signature === undefined) throw new Error('no RSAHEADER in the signed package');
      const verified = await verify({
        message: await createMessage({ binary: parts(after).main }),
        signature: await readSignature({ binarySignature: signature.data }),
        verificationKeys: await readKey({ armoredKey: rsaKey.publicKey }),
        date: DATE,
      });
      await expect(verified.signatures[0]?.verified).resolves.toBe(true);
      const untouched = (file: Buffer) =>
        entriesOf(file).filter(
          (e) => e.tag !== SignatureTag.rsaHeader && e.tag !== SignatureTag.reservedSpace,
        );
      expect(untouched(after)).toEqual(untouched(before));
    });
  }

  it('puts an EdDSA signature in DSAHEADER, as rpmsign does', async () => {
    const output = join(dir, 'ed25519.rpm');
    await signRpm(committedRpm('minimal'), output, (bytes) => ed25519.detachSignBinary(bytes));
    const tags = entriesOf(await readFile(output)).map((entry) => entry.tag);
    expect(tags).toContain(SignatureTag.dsaHeader);
    expect(tags).not.toContain(SignatureTag.rsaHeader);
  });

  it('writes the same bytes when it signs the same package with the same key and date twice', async () => {
    const [first, second] = [join(dir, 'first.rpm'), join(dir, 'second.rpm')];
    await signRpm(committedRpm('full'), first, (bytes) => rsa.detachSignBinary(bytes));
    await signRpm(committedRpm('full'), second, (bytes) => rsa.detachSignBinary(bytes));
    expect(await readFile(second)).toEqual(await readFile(first));
  });

  it('replaces an earlier signature: re-signing gives what signing the unsigned package gives', async () => {
    const [once, edFirst, resigned, twice] = [
      join(dir, 'once.rpm'),
      join(dir, 'ed-first.rpm'),
      join(dir, 'resigned.rpm'),
      join(dir, 'twice.rpm'),
    ];
    const signWithRsa = (bytes: Uint8Array) => rsa.detachSignBinary(bytes);
    await signRpm(committedRpm('full'), once, signWithRsa);
    await signRpm(once, twice, signWithRsa);
    expect(await readFile(twice)).toEqual(await readFile(once));
    // Another key's signature (in another tag) goes too.
    await signRpm(committedRpm('full'), edFirst, (bytes) => ed25519.detachSignBinary(bytes));
    await signRpm(edFirst, resigned, signWithRsa);
    expect(await readFile(resigned)).toEqual(await readFile(once));
  });

  it('refuses a file that is not an rpm, writing nothing', async () => {
    const input = join(dir, 'not.rpm');
    await writeFile(input, 'this is a text file, not a package\n'.repeat(10));
    const output = join(dir, 'not-signed.rpm');
    const error = await asyncUserErrorOf(signRpm(input, output, (bytes) => rsa.detachSignBinary(bytes)));
    expect(error.message).toMatch(/not\.rpm: is not an RPM package/);
    expect(existsSync(output)).toBe(false);
  });

  it('refuses an rpm whose main header has no immutable region (rpm 3), writing nothing', async () => {
    // The packages the tests make in TypeScript are such rpms: parseable, but rpm signs no header of them.
    const input = madeFalcoRpm(join(dir, 'made'), '0.26.0', 'x86_64');
    const output = join(dir, 'made-signed.rpm');
    const error = await asyncUserErrorOf(signRpm(input, output, (bytes) => rsa.detachSignBinary(bytes)));
    expect(error.message).toContain('is an rpm 3 package, which rpm cannot sign');
    expect(existsSync(output)).toBe(false);
  });

  it('refuses a truncated rpm, writing nothing', async () => {
    const whole = await readFile(committedRpm('full'));
    const output = join(dir, 'cut-signed.rpm');
    for (const length of [50, LEAD_SIZE + 100, whole.length - 10]) {
      const input = join(dir, 'cut.rpm');
      await writeFile(input, whole.subarray(0, length));
      const error = await asyncUserErrorOf(signRpm(input, output, (bytes) => rsa.detachSignBinary(bytes)));
      expect(error.message).toMatch(/cut\.rpm: is truncated/);
      expect(existsSync(output)).toBe(false);
    }
  });

  it('refuses an rpm whose main header no longer matches its digest', async () => {
    const input = join(dir, 'changed.rpm');
    await copyFile(committedRpm('minimal'), input);
    const bytes = await readFile(input);
    const { mainStart, main } = parts(bytes);
    // The last byte before the region trailer is the end of a string value.
    const at = mainStart + main.length - 17;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
    await writeFile(input, bytes);
    const error = await asyncUserErrorOf(
      signRpm(input, join(dir, 'changed-signed.rpm'), rsa.detachSignBinary),
    );
    expect(error.message).toMatch(/changed\.rpm: has a main header that does not match its SHA-256 digest/);
  });

  it('refuses a signature by a kind of key rpm cannot verify (RFC 9580 Ed25519), writing nothing', async () => {
    const key = await readPrivateKey({ armoredKey: (await generateTestKey('rfc9580Ed25519')).privateKey });
    const output = join(dir, 'rfc9580.rpm');
    const signWithIt = async (bytes: Uint8Array) =>
      sign({
        message: await createMessage({ binary: bytes }),
        signingKeys: key,
        detached: true,
        format: 'binary',
      });
    const error = await asyncUserErrorOf(signRpm(committedRpm('minimal'), output, signWithIt));
    expect(error.message).toMatch(/^signing-key: is not an RSA, DSA or EdDSA/);
    expect(existsSync(output)).toBe(false);
  });

  it('refuses to write over its input', async () => {
    const input = join(dir, 'in-place.rpm');
    await copyFile(committedRpm('minimal'), input);
    await expect(signRpm(input, input, (bytes) => rsa.detachSignBinary(bytes))).rejects.toThrow(
      /must not be the input/,
    );
    expect(await readFile(input)).toEqual(await readFile(committedRpm('minimal')));
  });
});
