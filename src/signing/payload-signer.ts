import type { SerializedBundle } from '@sigstore/bundle';
import type { ExistingSignature } from './cosign-signatures.js';

/**
 * Who signs a run's images: a cosign key, or the runner's identity through Fulcio (keyless). Each
 * signature comes as a Sigstore bundle, from which cosign's classic annotations are also made.
 */
export interface PayloadSigner {
  /** `key` or `keyless`: the kind of the `signatures` output. */
  readonly kind: 'key' | 'keyless';
  /** The signer as users name it to verify: the public key's sha256, or the certificate's identity. */
  identity(): Promise<string>;
  /** True when `existing` is this signer's signature over `payload` (then a re-run signs nothing again). */
  madeBy(existing: ExistingSignature, payload: Buffer): Promise<boolean>;
  /** True when `bundle` (read from a store) is this signer's DSSE signature over exactly `statement`. */
  madeStatement(bundle: unknown, statement: Buffer): Promise<boolean>;
  /** A message-signature bundle over `payload` (logged in the transparency log unless it is off). */
  signMessage(payload: Buffer): Promise<SerializedBundle>;
  /** A DSSE bundle over an in-toto statement. */
  signStatement(statement: Buffer): Promise<SerializedBundle>;
  /** Keyless: the certificate chain above the signing certificate, PEM (cosign's chain annotation). */
  chain(): Promise<string | undefined>;
}
