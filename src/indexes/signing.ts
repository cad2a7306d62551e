import type { SignatureCheck } from '../formats/openpgp/signature-check.js';
import type { Signer } from '../formats/openpgp/signer.js';

/** The key that signs indexes, and the check that tells a signature already right. */
export interface Signing {
  readonly signer: Signer;
  readonly check: SignatureCheck;
}

/** Reads the signing key and makes the check from its public half: the OpenPGP code loads only here. */
export async function loadSigning(armoredKey: string, passphrase: string | undefined): Promise<Signing> {
  const [{ loadSigner }, { signatureCheck }] = await Promise.all([
    import('../formats/openpgp/signer.js'),
    import('../formats/openpgp/signature-check.js'),
  ]);
  const signer = await loadSigner(armoredKey, passphrase);
  return { signer, check: await signatureCheck(signer.publicKeyArmored) };
}
