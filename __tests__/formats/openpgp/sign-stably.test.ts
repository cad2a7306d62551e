import { createMessage, readKey, readSignature, verify } from 'openpgp';
import { describe, expect, it } from 'vitest';
import { loadSigner } from '../../../src/formats/openpgp/signer.js';
import { committedGpgKey, GPG_PASSPHRASE } from './committed-gpg-keys.js';
import { generateTestKey, KEY_CREATED } from './test-keys.js';

const HEADER = Buffer.from('the bytes of an rpm header');

/** When a binary signature says it was made. */
async function createdOf(bytes: Uint8Array): Promise<Date | null> {
  return (await readSignature({ binarySignature: bytes })).packets[0]?.created ?? null;
}

describe('Signer.signStably', () => {
  it('makes the same binary signature on every run, dated when the key could first sign', async () => {
    const key = await generateTestKey('rsa');
    const first = await (await loadSigner(key.privateKey, undefined)).signStably(HEADER);
    const again = await (await loadSigner(key.privateKey, undefined)).signStably(HEADER);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(await createdOf(first)).toEqual(KEY_CREATED);

    const verified = await verify({
      message: await createMessage({ binary: HEADER }),
      signature: await readSignature({ binarySignature: first }),
      verificationKeys: await readKey({ armoredKey: key.publicKey }),
      date: KEY_CREATED,
    });
    await expect(verified.signatures[0]?.verified).resolves.toBe(true);
  });

  it('signs with a signing subkey at a date the subkey is valid (not the primary key creation)', async () => {
    const armored = committedGpgKey('signingSubkey');
    const signature = await (await loadSigner(armored, GPG_PASSPHRASE)).signStably(HEADER);
    const key = await readKey({ armoredKey: armored });
    const created = await createdOf(signature);
    expect(created).not.toBeNull();
    const subkey = key.subkeys[0];
    expect(created?.getTime()).toBeGreaterThanOrEqual(subkey?.getCreationTime().getTime() ?? Infinity);
    const verified = await verify({
      message: await createMessage({ binary: HEADER }),
      signature: await readSignature({ binarySignature: signature }),
      verificationKeys: key,
      date: created ?? undefined,
    });
    await expect(verified.signatures[0]?.verified).resolves.toBe(true);
  });
});
