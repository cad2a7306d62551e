import { createPublicKey } from 'node:crypto';
import { bundleFromJSON, isBundleWithMessageSignature } from '@sigstore/bundle';
// A dependency of @sigstore/bundle and @sigstore/verify: the one place that reads a TrustedRoot's JSON form.
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial, type VerificationPolicy } from '@sigstore/verify';

/** Who must have signed: the certificate's SAN URI and its Fulcio issuer extension. */
export interface ExpectedIdentity {
  readonly subjectAlternativeName: string;
  readonly issuer: string;
}

export interface BundleExpectations {
  /** A TrustedRoot in JSON form (a stand-in's): its CA must have issued the certificate, its log the entries. */
  readonly trustedRoot?: unknown;
  /** The PEM public key a key-based bundle must be signed with. Alone (no trustedRoot), no log entry is needed. */
  readonly publicKey?: string;
  /** Checked on the certificate when given. */
  readonly identity?: ExpectedIdentity;
  /** The signed bytes of a message-signature bundle; a DSSE bundle carries its payload. */
  readonly artifact?: Uint8Array;
}

const NOTHING_TRUSTED = { tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [] };

/** Verifies a serialized bundle with @sigstore/verify; throws when anything does not hold. */
export async function verifyBundle(serialized: unknown, expect: BundleExpectations): Promise<void> {
  const bundle = bundleFromJSON(serialized);
  if (isBundleWithMessageSignature(bundle) && !expect.artifact) {
    throw new Error('a message-signature bundle is verified against the artifact bytes: give `artifact`');
  }
  const artifact = expect.artifact ? Buffer.from(expect.artifact) : undefined;
  const publicKey = expect.publicKey ? createPublicKey(expect.publicKey) : undefined;
  // Every hint finds the given key: the key itself is what is checked, not the name the signer gave it.
  const keyFinder = publicKey ? () => ({ publicKey, validFor: () => true }) : undefined;
  const material = toTrustMaterial(TrustedRoot.fromJSON(expect.trustedRoot ?? NOTHING_TRUSTED), keyFinder);
  // Without a trust root there is no log to count entries or timestamps from: trust the key alone.
  const thresholds = expect.trustedRoot ? {} : { tlogThreshold: 0, timestampThreshold: 0, ctlogThreshold: 0 };
  new Verifier(material, thresholds).verify(toSignedEntity(bundle, artifact), policyFor(expect.identity));
}

function policyFor(identity: ExpectedIdentity | undefined): VerificationPolicy | undefined {
  if (!identity) return undefined;
  return { subjectAlternativeName: identity.subjectAlternativeName, extensions: { issuer: identity.issuer } };
}
