import { describe, expect, it } from 'vitest';
import { readKey, readSignature } from 'openpgp';
import { signatureCheck } from '../../../src/formats/openpgp/signature-check.js';
import { loadSigner } from '../../../src/formats/openpgp/signer.js';
import { UserError } from '../../../src/util/errors.js';
import { committedGpgKey, GPG_PASSPHRASE } from './committed-gpg-keys.js';

// Keys gpg exported (committed fixtures). gpgv's verdict on what they sign, and keys gpg makes on the
// spot, are in gpg-made-keys.tools.test.ts. No date: each signature reads the clock as in a real run.
describe('keys made by gpg, as users export them', () => {
  it('loads a passphrase-protected gpg export and signs what its public key verifies', async () => {
    const signer = await loadSigner(committedGpgKey('sign'), GPG_PASSPHRASE);
    const text = 'Origin: Falco\n';
    const check = await signatureCheck(signer.publicKeyArmored);
    expect(await check.clearSigned(await signer.clearSign(text), text)).toBe(true);
    expect(await check.detached(await signer.detachSign(text), Buffer.from(text))).toBe(true);
    expect(signer.fingerprint).toBe(
      (await readKey({ armoredKey: signer.publicKeyArmored })).getFingerprint().toUpperCase(),
    );
  });

  it('signs with a signing subkey when the primary only certifies', async () => {
    const signer = await loadSigner(committedGpgKey('signingSubkey'), GPG_PASSPHRASE);
    const signature = await signer.detachSign('Origin: Falco\n');
    expect(
      await (
        await signatureCheck(signer.publicKeyArmored)
      ).detached(signature, Buffer.from('Origin: Falco\n')),
    ).toBe(true);
    // The issuer is the subkey, not the primary (whose fingerprint the signer reports).
    const publicKey = await readKey({ armoredKey: signer.publicKeyArmored });
    const [subkey] = publicKey.getSubkeys();
    const issuer = (await readSignature({ armoredSignature: signature })).getSigningKeyIDs();
    expect(subkey).toBeDefined();
    expect(issuer.map((id) => id.toHex())).toEqual([subkey?.getKeyID().toHex()]);
    expect(issuer[0]?.equals(publicKey.getKeyID())).toBe(false);
  });

  it('refuses a key with no signing-capable key (certify primary, encryption subkey)', async () => {
    const error: unknown = await loadSigner(committedGpgKey('encryptionSubkey'), GPG_PASSPHRASE).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain('has no valid key that can sign');
  });
});
