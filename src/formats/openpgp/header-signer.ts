import { createMessage, sign } from 'openpgp';
import { readSigningKey } from './read-signing-key.js';
import { SIGNING_CONFIG } from './signing-config.js';
import { stableSigningDate } from './stable-signing-date.js';

/** Makes binary detached signatures, as rpm stores one in a package's signature header. */
export type BinarySigner = (bytes: Uint8Array) => Promise<Uint8Array>;

/**
 * The `signing-key` input as a signer of rpm headers. Every signature carries the key's stable date
 * (see stableSigningDate) and no random notation, so the same header and key give the same bytes on
 * every run: a re-run finds the published rpm identical and leaves it alone.
 */
export async function loadHeaderSigner(
  armoredKey: string,
  passphrase: string | undefined,
): Promise<BinarySigner> {
  const now = new Date();
  const key = await readSigningKey(armoredKey, passphrase, now);
  const date = (await stableSigningDate(key)) ?? now;
  return async (bytes) =>
    sign({
      message: await createMessage({ binary: bytes }),
      signingKeys: key,
      detached: true,
      format: 'binary',
      date,
      config: SIGNING_CONFIG,
    });
}
