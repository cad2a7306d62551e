import { sha256 } from '../services/tiny-image.js';
import type { ArtifactSource } from './artifact-source.js';

// The names cosign and the OCI referrers tag schema use, written out here rather than imported from
// src/signing: the test reads what is stored as any consumer would, so a wrong name fails.
export const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
export const CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
export const CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';
export const REKOR_BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';
export const BUNDLE_ARTIFACT_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

/** `sha256:<hex>` → `sha256-<hex>` and its suffixed forms. */
export const digestTag = (digest: string, suffix = ''): string => `${digest.replace(':', '-')}${suffix}`;

/** cosign's simple signing claim, as the payload layer holds it. */
export interface SimpleSigningClaim {
  critical: {
    identity: { 'docker-reference': string };
    image: { 'docker-manifest-digest': string };
    type: string;
  };
  optional: unknown;
}

/** One layer of a `.sig` manifest: the payload blob with its annotations. */
export interface CosignSignature {
  readonly layerDigest: string;
  readonly payload: Buffer;
  readonly claim: SimpleSigningClaim;
  readonly annotations: Readonly<Record<string, string>>;
  /** The DER signature of the payload (the annotation, base64-decoded). */
  readonly signature: Buffer;
}

export interface SignatureTag {
  /** The digest of the `.sig` manifest. */
  readonly manifestDigest: string;
  readonly layers: readonly CosignSignature[];
}

interface ManifestJson {
  mediaType?: string;
  artifactType?: string;
  config?: { mediaType: string; digest: string };
  layers?: { mediaType: string; digest: string; size: number; annotations?: Record<string, string> }[];
  manifests?: {
    mediaType: string;
    digest: string;
    size: number;
    artifactType?: string;
    annotations?: Record<string, string>;
  }[];
  subject?: { mediaType: string; digest: string; size: number };
  annotations?: Record<string, string>;
}

const parse = (bytes: Buffer): ManifestJson => JSON.parse(bytes.toString('utf8')) as ManifestJson;

/** The `sha256-<hex>.sig` manifest of `digest` and its layers; undefined when there is no such tag. */
export async function readSignatureTag(
  source: ArtifactSource,
  digest: string,
): Promise<SignatureTag | undefined> {
  const bytes = await source.manifest(digestTag(digest, '.sig'));
  if (bytes === undefined) return undefined;
  const manifest = parse(bytes);
  const layers: CosignSignature[] = [];
  for (const layer of manifest.layers ?? []) {
    if (layer.mediaType !== SIMPLE_SIGNING) throw new Error(`a .sig layer of type ${layer.mediaType}`);
    const payload = await source.blob(layer.digest);
    const annotations = layer.annotations ?? {};
    layers.push({
      layerDigest: layer.digest,
      payload,
      claim: JSON.parse(payload.toString('utf8')) as SimpleSigningClaim,
      annotations,
      signature: Buffer.from(annotations[SIGNATURE_ANNOTATION] ?? '', 'base64'),
    });
  }
  return { manifestDigest: sha256(bytes), layers };
}

/** A Sigstore bundle referrer of an image: its manifest and the bundle, with the DSSE statement inside. */
export interface BundleReferrer {
  readonly digest: string;
  readonly subjectDigest: string | undefined;
  readonly artifactType: string | undefined;
  readonly annotations: Readonly<Record<string, string>>;
  readonly bundle: unknown;
  readonly statement: InTotoStatement;
}

export interface InTotoStatement {
  _type: string;
  subject: { name: string; digest: Record<string, string> }[];
  predicateType: string;
  predicate: unknown;
}

export interface ReferrersTag {
  /** The digest of the referrers index tagged `sha256-<hex>`. */
  readonly indexDigest: string;
  readonly mediaType: string | undefined;
  /** The entries of the index with the bundle artifact type, each read and opened. */
  readonly referrers: readonly BundleReferrer[];
  /** Every entry's artifactType, bundles or not. */
  readonly artifactTypes: readonly (string | undefined)[];
}

/** The referrers index tagged `sha256-<hex>` and every bundle it lists; undefined when there is no such tag. */
export async function readReferrersTag(
  source: ArtifactSource,
  digest: string,
): Promise<ReferrersTag | undefined> {
  const bytes = await source.manifest(digestTag(digest));
  if (bytes === undefined) return undefined;
  const index = parse(bytes);
  const referrers: BundleReferrer[] = [];
  for (const entry of index.manifests ?? []) {
    if (entry.artifactType !== BUNDLE_ARTIFACT_TYPE) continue;
    referrers.push(await readBundleReferrer(source, entry.digest));
  }
  return {
    indexDigest: sha256(bytes),
    mediaType: index.mediaType,
    referrers,
    artifactTypes: (index.manifests ?? []).map((entry) => entry.artifactType),
  };
}

/** One referrer manifest by digest: its subject, its one bundle layer, and the statement the bundle signs. */
export async function readBundleReferrer(source: ArtifactSource, digest: string): Promise<BundleReferrer> {
  const bytes = await source.manifest(digest);
  if (bytes === undefined) throw new Error(`${source.name} has no referrer ${digest}`);
  const manifest = parse(bytes);
  const layer = manifest.layers?.[0];
  if (manifest.layers?.length !== 1 || layer?.mediaType !== BUNDLE_ARTIFACT_TYPE) {
    throw new Error(`referrer ${digest} does not hold one bundle layer: ${bytes.toString('utf8')}`);
  }
  const bundle = JSON.parse((await source.blob(layer.digest)).toString('utf8')) as {
    dsseEnvelope?: { payload: string; payloadType: string };
  };
  const payload = bundle.dsseEnvelope?.payload;
  if (payload === undefined) throw new Error(`the bundle of referrer ${digest} has no DSSE envelope`);
  return {
    digest,
    subjectDigest: manifest.subject?.digest,
    artifactType: manifest.artifactType,
    annotations: manifest.annotations ?? {},
    bundle,
    statement: JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as InTotoStatement,
  };
}

/** The digests an index lists. */
export async function childDigests(source: ArtifactSource, indexDigest: string): Promise<string[]> {
  const bytes = await source.manifest(indexDigest);
  if (bytes === undefined) throw new Error(`${source.name} has no manifest ${indexDigest}`);
  const index = parse(bytes);
  if (index.mediaType !== OCI_INDEX) throw new Error(`${indexDigest} is a ${index.mediaType}, not an index`);
  return (index.manifests ?? []).map((entry) => entry.digest);
}
