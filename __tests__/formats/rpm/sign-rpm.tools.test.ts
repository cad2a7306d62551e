import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigner } from '../../../src/formats/openpgp/signer.js';
import { readRawEntries, type RawEntry } from '../../../src/formats/rpm/rpm-signature-header.js';
import { SignatureTag } from '../../../src/formats/rpm/rpm-tags.js';
import { signRpm } from '../../../src/formats/rpm/sign-rpm.js';
import { useTools } from '../fixtures/tools.js';
import { generateTestKey, type TestKey } from '../openpgp/test-keys.js';
import { committedRpm } from './committed-rpms.js';

// Packages signed here are checked by rpm itself (rpmkeys --checksig, as dnf checks them with
// gpgcheck=1), and compared with what rpmsign --addsign makes of the same package.

useTools('rpmkeys', 'rpmsign', 'gpg', 'gpgconf');

const DATE = new Date('2025-06-01T00:00:00Z');
const LEAD_SIZE = 96;

interface Run {
  readonly status: number | null;
  readonly output: string;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C.UTF-8', ...env },
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

let dir: string;
let databases = 0;
/** `rpmkeys --checksig -v` of the file with only `publicKey` imported, in a database of its own. */
async function checksig(publicKey: string, file: string): Promise<Run> {
  const db = join(dir, `db-${databases++}`);
  await mkdir(db);
  const keyFile = join(db, 'key.asc');
  await writeFile(keyFile, publicKey);
  const imported = run('rpmkeys', ['--dbpath', db, '--import', keyFile]);
  if (imported.status !== 0) throw new Error(`rpmkeys --import failed: ${imported.output}`);
  return run('rpmkeys', ['--dbpath', db, '--checksig', '-v', file]);
}

/** The signature header's tags, as rpm reads them from the file. */
async function signatureEntries(file: string): Promise<RawEntry[]> {
  const bytes = await readFile(file);
  const size = 16 + 16 * bytes.readUInt32BE(LEAD_SIZE + 8) + bytes.readUInt32BE(LEAD_SIZE + 12);
  return readRawEntries(bytes.subarray(LEAD_SIZE, LEAD_SIZE + size), file, 'signature header');
}

const KEY_KINDS = [
  { kind: 'rsa', gpgAlgo: 'rsa3072', rpmName: 'RSA', tag: SignatureTag.rsaHeader },
  { kind: 'ed25519', gpgAlgo: 'ed25519', rpmName: 'EdDSA', tag: SignatureTag.dsaHeader },
] as const;

const keys = new Map<string, TestKey>();
let otherKey: TestKey;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sign-rpm-tools-'));
  for (const { kind } of KEY_KINDS) keys.set(kind, await generateTestKey(kind));
  otherKey = await generateTestKey('rsa');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function signedWith(kind: string, name: string): Promise<string> {
  const key = keys.get(kind);
  if (key === undefined) throw new Error(`no ${kind} key`);
  const signer = await loadSigner(key.privateKey, undefined, { date: DATE });
  const output = join(dir, `${name}.rpm`);
  await signRpm(committedRpm('full'), output, (bytes) => signer.detachSignBinary(bytes));
  return output;
}

describe.each(KEY_KINDS)('a package signed with an $kind key', ({ kind, gpgAlgo, rpmName, tag }) => {
  const publicKey = (): string => keys.get(kind)?.publicKey ?? '';

  it('passes rpmkeys --checksig with that key imported: header signature and digests OK', async () => {
    const file = await signedWith(kind, `${kind}-ok`);
    const { status, output } = await checksig(publicKey(), file);
    expect(output).toMatch(new RegExp(`Header V4 ${rpmName}/SHA512 Signature, key ID [0-9a-f]{8}: OK`));
    expect(output).toMatch(/Payload SHA256 digest: OK/);
    expect(output).not.toMatch(/NOT OK|BAD|NOKEY/);
    expect(status).toBe(0);
  });

  it('fails rpmkeys --checksig with another key imported instead', async () => {
    const file = await signedWith(kind, `${kind}-other-key`);
    const { status, output } = await checksig(otherKey.publicKey, file);
    expect(output).toMatch(new RegExp(`Header V4 ${rpmName}/SHA512 Signature, key ID [0-9a-f]{8}: NOKEY`));
    expect(status).not.toBe(0);
  });

  it('fails rpmkeys --checksig once its payload is changed after signing', async () => {
    const file = await signedWith(kind, `${kind}-changed`);
    const bytes = await readFile(file);
    const last = bytes.length - 1;
    bytes.writeUInt8(bytes.readUInt8(last) ^ 0xff, last);
    await writeFile(file, bytes);
    const { status, output } = await checksig(publicKey(), file);
    expect(output).toMatch(/Payload SHA256 digest: BAD/);
    expect(status).not.toBe(0);
  });

  it('has what rpmsign --addsign writes with a gpg key of the same kind: the same tags, and both verify', async () => {
    const gnupg = join(dir, `gnupg-${kind}`);
    await mkdir(gnupg, { mode: 0o700 });
    const env = { GNUPGHOME: gnupg };
    try {
      const name = `${kind}@rpmsign.invalid`;
      const made = run(
        'gpg',
        ['--batch', '--passphrase', '', '--quick-gen-key', name, gpgAlgo, 'sign', 'never'],
        env,
      );
      if (made.status !== 0) throw new Error(`gpg --quick-gen-key failed: ${made.output}`);
      const gpgPublicKey = run('gpg', ['--armor', '--export', name], env).output;
      const theirs = join(dir, `${kind}-rpmsign.rpm`);
      await copyFile(committedRpm('full'), theirs);
      const gpgPath = run('sh', ['-c', 'command -v gpg']).output.trim();
      const signed = run(
        'rpmsign',
        ['--addsign', '--define', `__gpg ${gpgPath}`, '--define', `_gpg_name ${name}`, theirs],
        env,
      );
      if (signed.status !== 0) throw new Error(`rpmsign --addsign failed: ${signed.output}`);
      const ours = await signedWith(kind, `${kind}-ours`);

      expect((await checksig(gpgPublicKey, theirs)).status).toBe(0);
      expect((await checksig(publicKey(), ours)).status).toBe(0);
      const shape = (entries: RawEntry[]) => entries.map((entry) => [entry.tag, entry.type]);
      const [theirEntries, ourEntries] = [await signatureEntries(theirs), await signatureEntries(ours)];
      expect(shape(ourEntries)).toEqual(shape(theirEntries));
      expect(ourEntries.map((entry) => entry.tag)).toContain(tag);
      // Everything but the signature and the room it took is the same bytes.
      const rest = (entries: RawEntry[]) =>
        entries.filter((entry) => entry.tag !== tag && entry.tag !== SignatureTag.reservedSpace);
      expect(rest(ourEntries)).toEqual(rest(theirEntries));
      // Both kept the package's size: the reserved space gave up the signature's room.
      expect((await readFile(ours)).length).toBe((await readFile(theirs)).length);
    } finally {
      run('gpgconf', ['--kill', 'gpg-agent'], env);
    }
  });
});
