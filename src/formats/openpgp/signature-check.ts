import { createMessage, readCleartextMessage, readKey, readSignature, verify, type Key } from 'openpgp';
import { SIGNING_CONFIG } from './signing-config.js';

/**
 * Whether signatures already published are still right: made by this key, over exactly these bytes.
 * A re-run then leaves them alone instead of rewriting them with a new signature time.
 */
export interface SignatureCheck {
  /** An InRelease: clear-signed by the key, and its text is `text`. */
  clearSigned(armored: string, text: string): Promise<boolean>;
  /** A Release.gpg or `.asc`: a detached signature by the key over `bytes`. */
  detached(armored: string, bytes: Uint8Array): Promise<boolean>;
  /**
   * Whether a signature names this key (or one of its subkeys) as its issuer, without the signed bytes:
   * how a re-signing run tells, cheaply, the signatures a key rotation has yet to replace.
   */
  issuedByThisKey(
    signature: { readonly armored: string } | { readonly binary: Uint8Array },
  ): Promise<boolean>;
}

export async function signatureCheck(publicKeyArmored: string): Promise<SignatureCheck> {
  const key = await readKey({ armoredKey: publicKeyArmored, config: SIGNING_CONFIG });
  const ids = new Set(key.getKeyIDs().map((id) => id.toHex()));
  return {
    issuedByThisKey: async (given) => {
      try {
        const signature =
          'armored' in given
            ? await readSignature({ armoredSignature: given.armored, config: SIGNING_CONFIG })
            : await readSignature({ binarySignature: given.binary, config: SIGNING_CONFIG });
        const issuers = signature.getSigningKeyIDs().map((id) => id.toHex());
        return issuers.length > 0 && issuers.every((id) => ids.has(id));
      } catch {
        return false; // unreadable: replaced like another key's
      }
    },
    clearSigned: async (armored, text) => {
      try {
        const message = await readCleartextMessage({ cleartextMessage: armored, config: SIGNING_CONFIG });
        const result = await verify({
          message,
          verificationKeys: key,
          expectSigned: true,
          config: SIGNING_CONFIG,
        });
        // The text's last line end is not part of what is signed (see Signer.clearSign).
        return result.data === text.replace(/\n$/, '') && (await allValid(result.signatures, key));
      } catch {
        return false; // unreadable, another key's, or a bad signature: all mean "write it again"
      }
    },
    detached: async (armored, bytes) => {
      try {
        const signature = await readSignature({ armoredSignature: armored, config: SIGNING_CONFIG });
        const message = await createMessage({ binary: bytes });
        const result = await verify({
          message,
          signature,
          verificationKeys: key,
          expectSigned: true,
          config: SIGNING_CONFIG,
        });
        return await allValid(result.signatures, key);
      } catch {
        return false;
      }
    },
  };
}

/** expectSigned already throws on a bad signature; this also refuses a signature list that is empty. */
async function allValid(
  signatures: readonly { readonly verified: Promise<true>; readonly keyID: { toHex(): string } }[],
  key: Key,
): Promise<boolean> {
  if (signatures.length === 0) return false;
  const ids = new Set(key.getKeyIDs().map((id) => id.toHex()));
  for (const signature of signatures) {
    await signature.verified;
    if (!ids.has(signature.keyID.toHex())) return false;
  }
  return true;
}
