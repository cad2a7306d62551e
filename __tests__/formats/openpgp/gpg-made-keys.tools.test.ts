import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigner } from '../../../src/formats/openpgp/signer.js';
import { UserError } from '../../../src/util/errors.js';
import { useTools } from '../fixtures/tools.js';
import { committedGpgKey } from './committed-gpg-keys.js';
import { GPG_PASSPHRASE, gpgMadeKey } from './gpg-made-keys.js';
import { dearmorKeyring, gpgv, validSig, writeTemp } from './gpg-tools.js';

useTools('gpg', 'gpgv', 'gpgconf');

/** The three keys, made by gpg now or the ones gpg made once (the unit tests' fixtures). */
const SOURCES = [
  {
    label: 'made now',
    sign: () => gpgMadeKey('sign'),
    signingSubkey: () => gpgMadeKey('cert', { algo: 'ed25519', usage: 'sign' }),
    encryptionSubkey: () => gpgMadeKey('cert', { algo: 'cv25519', usage: 'encr' }),
  },
  {
    label: 'committed',
    sign: () => committedGpgKey('sign'),
    signingSubkey: () => committedGpgKey('signingSubkey'),
    encryptionSubkey: () => committedGpgKey('encryptionSubkey'),
  },
] as const;

// No date: the key was made a moment ago, and each signature reads the clock as in a real run.
describe.each(SOURCES)('keys made by gpg, as users export them ($label)', (source) => {
  const dir = mkdtempSync(join(tmpdir(), 'gpg-made-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a passphrase-protected gpg export and signs what gpgv verifies', async () => {
    const signer = await loadSigner(source.sign(), GPG_PASSPHRASE);
    const keyring = dearmorKeyring(signer.publicKeyArmored, join(dir, 'sign.gpg'));
    const inRelease = writeTemp(dir, 'InRelease', await signer.clearSign('Origin: Falco\n'));
    const result = gpgv(keyring, inRelease);
    expect(result.ok, result.stderr).toBe(true);
    expect(validSig(result.stdout)?.fingerprint).toBe(signer.fingerprint);
  });

  it('signs with a signing subkey when the primary only certifies', async () => {
    const signer = await loadSigner(source.signingSubkey(), GPG_PASSPHRASE);
    const keyring = dearmorKeyring(signer.publicKeyArmored, join(dir, 'subkey.gpg'));
    const release = writeTemp(dir, 'Release', 'Origin: Falco\n');
    const signature = writeTemp(dir, 'Release.gpg', await signer.detachSign('Origin: Falco\n'));
    const result = gpgv(keyring, signature, release);
    expect(result.ok, result.stderr).toBe(true);
    // gpgv names the subkey that signed; the primary's fingerprint ends the VALIDSIG line.
    expect(result.stdout).toMatch(new RegExp(`VALIDSIG .* ${signer.fingerprint}\\n`));
  });

  it('refuses a key with no signing-capable key (certify primary, encryption subkey)', async () => {
    const error: unknown = await loadSigner(source.encryptionSubkey(), GPG_PASSPHRASE).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain('has no valid key that can sign');
  });
});
