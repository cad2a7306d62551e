import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import {
  verifyBundle,
  type BundleExpectations,
  type ExpectedIdentity,
} from '../../support/sigstore-standin.js';
import type { ArtifactSource } from './artifact-source.js';
import {
  CERTIFICATE_ANNOTATION,
  COSIGN_SIGN_PREDICATE,
  REKOR_BUNDLE_ANNOTATION,
  readReferrersTag,
  readSignatureTag,
  type BundleReferrer,
  type CosignSignature,
  type ReferrersTag,
  type SignatureTag,
} from './image-signatures.js';
import { certificatePublicKey, certificateSubjectAltName, opensslVerifies } from './openssl.js';

/** Who signed, and how a consumer checks it. */
export type Signer =
  | { readonly kind: 'key'; readonly publicKey: string }
  | { readonly kind: 'keyless'; readonly identity: ExpectedIdentity };

export interface SignedExpectations {
  /** The repository the payload must name (`host:port/repository`, or the layout's name). */
  readonly dockerReference: string;
  readonly signer: Signer;
  /** Whether each signature has a transparency log entry. */
  readonly logged: boolean;
  /** The stand-in's trust root: required for keyless, and checked for logged key signatures. */
  readonly trustedRoot?: unknown;
}

/** What was found for one digest: this signer's `.sig` layer and bundle referrer, and the tags that hold them. */
export interface SignedDigest {
  readonly signatureTag: SignatureTag;
  readonly layer: CosignSignature;
  readonly referrersTag: ReferrersTag;
  readonly referrer: BundleReferrer;
}

/** The simple signing payload, byte for byte as cosign writes it. */
export function expectedPayload(dockerReference: string, digest: string): string {
  return JSON.stringify({
    critical: {
      identity: { 'docker-reference': dockerReference },
      image: { 'docker-manifest-digest': digest },
      type: 'cosign container image signature',
    },
    optional: null,
  });
}

/**
 * Checks `digest` carries the signer's signature in both forms, as consumers read them: a `.sig` layer
 * whose payload names the digest and repository and whose signature OpenSSL accepts with the signer's
 * key (keyless: the certificate's), and a bundle referrer, listed in the referrers tag, whose subject
 * is the digest and which @sigstore/verify accepts for the signer.
 */
export async function expectSignedDigest(
  source: ArtifactSource,
  digest: string,
  expected: SignedExpectations,
): Promise<SignedDigest> {
  const signatureTag = await readSignatureTag(source, digest);
  expect(signatureTag, `${source.name} has no .sig for ${digest}`).toBeDefined();
  if (signatureTag === undefined) throw new Error('unreachable');
  for (const layer of signatureTag.layers) {
    expect(layer.payload.toString('utf8')).toBe(expectedPayload(expected.dockerReference, digest));
  }
  const layer = await signersLayer(signatureTag.layers, expected.signer);
  expect(layer, `no .sig layer of ${digest} verifies for the signer`).toBeDefined();
  if (layer === undefined) throw new Error('unreachable');
  expectLogEntry(layer, expected.logged);

  const referrersTag = await readReferrersTag(source, digest);
  expect(referrersTag, `${source.name} has no referrers tag for ${digest}`).toBeDefined();
  if (referrersTag === undefined) throw new Error('unreachable');
  expect(referrersTag.mediaType).toBe('application/vnd.oci.image.index.v1+json');
  const hex = digest.slice('sha256:'.length);
  const verified: BundleReferrer[] = [];
  for (const referrer of referrersTag.referrers) {
    expect(referrer.subjectDigest).toBe(digest);
    expect(referrer.annotations['dev.sigstore.bundle.predicateType']).toBe(COSIGN_SIGN_PREDICATE);
    expect(referrer.statement.predicateType).toBe(COSIGN_SIGN_PREDICATE);
    expect(referrer.statement.subject).toEqual([{ name: expected.dockerReference, digest: { sha256: hex } }]);
    const ok = await verifyBundle(referrer.bundle, bundleExpectations(expected)).then(
      () => true,
      () => false,
    );
    if (ok) verified.push(referrer);
  }
  expect(verified, `bundles of ${digest} the signer's checks accept`).toHaveLength(1);
  const [referrer] = verified;
  if (referrer === undefined) throw new Error('unreachable');
  return { signatureTag, layer, referrersTag, referrer };
}

/** expectSignedDigest for each digest, by digest. */
export async function expectSignedDigests(
  from: ArtifactSource,
  digests: readonly string[],
  expected: SignedExpectations,
): Promise<Map<string, SignedDigest>> {
  const found = new Map<string, SignedDigest>();
  for (const digest of digests) found.set(digest, await expectSignedDigest(from, digest, expected));
  return found;
}

/** OpenSSL's verdict on a `.sig` layer with a public key; false when there is no layer. */
export async function layerVerifies(
  publicKeyPem: string,
  layer: CosignSignature | undefined,
): Promise<boolean> {
  return layer !== undefined && opensslVerifies(publicKeyPem, layer.signature, layer.payload);
}

/** What @sigstore/verify is given: a key (with the trust root when logged), or the trust root and identity. */
export function bundleExpectations(expected: SignedExpectations): BundleExpectations {
  if (expected.signer.kind === 'keyless') {
    return { trustedRoot: expected.trustedRoot, identity: expected.signer.identity };
  }
  return {
    publicKey: expected.signer.publicKey,
    ...(expected.logged ? { trustedRoot: expected.trustedRoot } : {}),
  };
}

/** The layer whose signature OpenSSL verifies with the signer's key (keyless: its certificate's, for the identity). */
async function signersLayer(
  layers: readonly CosignSignature[],
  signer: Signer,
): Promise<CosignSignature | undefined> {
  for (const layer of layers) {
    if (await isSignersLayer(layer, signer)) return layer;
  }
  return undefined;
}

async function isSignersLayer(layer: CosignSignature, signer: Signer): Promise<boolean> {
  if (signer.kind === 'key') return opensslVerifies(signer.publicKey, layer.signature, layer.payload);
  const certificate = layer.annotations[CERTIFICATE_ANNOTATION];
  if (certificate === undefined) return false;
  const san = await certificateSubjectAltName(certificate);
  if (!san.includes(`URI:${signer.identity.subjectAlternativeName}`)) return false;
  return opensslVerifies(await certificatePublicKey(certificate), layer.signature, layer.payload);
}

interface RekorBundle {
  SignedEntryTimestamp: string;
  Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
}

interface HashedRekordBody {
  kind: string;
  spec: { signature: { content: string }; data: { hash: { algorithm: string; value: string } } };
}

/** Logged: cosign's Rekor bundle annotation names an entry for exactly this signature and payload. */
function expectLogEntry(layer: CosignSignature, logged: boolean): void {
  const annotation = layer.annotations[REKOR_BUNDLE_ANNOTATION];
  if (!logged) {
    expect(annotation).toBeUndefined();
    return;
  }
  expect(annotation).toBeDefined();
  const bundle = JSON.parse(annotation ?? '') as RekorBundle;
  expect(bundle.SignedEntryTimestamp.length).toBeGreaterThan(0);
  expect(bundle.Payload.logID).toMatch(/^[0-9a-f]{64}$/);
  expect(typeof bundle.Payload.logIndex).toBe('number');
  expect(typeof bundle.Payload.integratedTime).toBe('number');
  const body = JSON.parse(Buffer.from(bundle.Payload.body, 'base64').toString('utf8')) as HashedRekordBody;
  expect(body.kind).toBe('hashedrekord');
  expect(Buffer.from(body.spec.signature.content, 'base64').equals(layer.signature)).toBe(true);
  expect(body.spec.data.hash).toEqual({
    algorithm: 'sha256',
    value: createHash('sha256').update(layer.payload).digest('hex'),
  });
}
