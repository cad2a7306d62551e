import type { Descriptor } from '../oci/descriptor.js';
import { isJsonObject, parseJsonObject, stringRecord } from '../oci/json.js';
import {
  artifactOf,
  blobOf,
  digestTag,
  OCI_MANIFEST,
  type ArtifactBlob,
  type OciArtifact,
} from './oci-artifact.js';

/** cosign's classic scheme: the signatures of `sha256:<hex>` are the layers of the manifest tagged `sha256-<hex>.sig`. */
export const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
export const CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
export const CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';
export const REKOR_BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';

export function signatureTag(digest: string): string {
  return digestTag(digest, '.sig');
}

/** One signature: the payload blob, annotated with the signature (and, keyless, certificate, chain, log entry). */
export function signatureLayer(payload: Buffer, annotations: Record<string, string>): ArtifactBlob {
  return blobOf(SIMPLE_SIGNING, payload, annotations);
}

/** A layer already in a `.sig` manifest: what a signer looks at to see whether it signed it before. */
export interface ExistingSignature {
  readonly digest: string;
  readonly annotations: Readonly<Record<string, string>>;
}

/** The signature layers of a `.sig` manifest (none when there is none, or it is not cosign's). */
export function existingSignatures(manifest: Buffer | undefined): ExistingSignature[] {
  const layers = manifest ? parseJsonObject(manifest)?.['layers'] : undefined;
  if (!Array.isArray(layers)) return [];
  return layers.flatMap((layer: unknown) => {
    if (!isJsonObject(layer) || layer['mediaType'] !== SIMPLE_SIGNING) return [];
    const digest = layer['digest'];
    const annotations = stringRecord(layer['annotations']) ?? {};
    return typeof digest === 'string' ? [{ digest, annotations }] : [];
  });
}

/**
 * The `.sig` manifest with `layer` added after the layers already there (other signers' signatures are
 * kept, as `cosign sign` keeps them). Its config is the image config cosign writes: one diff id per layer.
 */
export function signatureManifest(existing: Buffer | undefined, layer: ArtifactBlob): OciArtifact {
  const kept = keptLayers(existing);
  const layers = [...kept, layer.descriptor];
  const config = blobOf(
    'application/vnd.oci.image.config.v1+json',
    Buffer.from(
      JSON.stringify({
        architecture: '',
        created: '0001-01-01T00:00:00Z',
        history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map((descriptor) => descriptor.digest) },
        config: {},
      }),
    ),
  );
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: config.descriptor,
    layers,
  };
  return artifactOf(manifest, [config, layer]);
}

/** The descriptors of the layers an existing `.sig` manifest has: their blobs are already stored beside it. */
function keptLayers(existing: Buffer | undefined): Descriptor[] {
  const layers = existing ? parseJsonObject(existing)?.['layers'] : undefined;
  if (!Array.isArray(layers)) return [];
  return layers.flatMap((layer: unknown) => {
    if (!isJsonObject(layer)) return [];
    const { mediaType, digest, size } = layer;
    if (typeof mediaType !== 'string' || typeof digest !== 'string' || typeof size !== 'number') return [];
    const annotations = stringRecord(layer['annotations']);
    return [{ mediaType, digest, size, ...(annotations ? { annotations } : {}) }];
  });
}
