import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  existingSignatures,
  SIGNATURE_ANNOTATION,
  signatureLayer,
  signatureManifest,
  signatureTag,
  SIMPLE_SIGNING,
} from '../../src/signing/cosign-signatures.js';
import type { OciArtifact } from '../../src/signing/oci-artifact.js';
import { simpleSigningPayload } from '../../src/signing/simple-signing.js';

const IMAGE = `sha256:${'ab'.repeat(32)}`;
const ZERO_TIME = '0001-01-01T00:00:00Z';

const sha256 = (bytes: Buffer | string): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

const payload = simpleSigningPayload('index.docker.io/falcosecurity/falco', IMAGE);
const first = signatureLayer(payload, { [SIGNATURE_ANNOTATION]: 'MEUCIQfirst==' });
const second = signatureLayer(payload, {
  [SIGNATURE_ANNOTATION]: 'MEUCIQsecond==',
  'dev.sigstore.cosign/certificate': '-----BEGIN CERTIFICATE-----\n…',
});

interface ImageConfig {
  architecture: string;
  created: string;
  os: string;
  history: { created: string }[];
  rootfs: { type: string; diff_ids: string[] };
  config: object;
}

interface ManifestJson {
  schemaVersion: number;
  mediaType: string;
  config: { mediaType: string; digest: string; size: number };
  layers: { mediaType: string; digest: string; size: number; annotations?: Record<string, string> }[];
}

const manifestOf = (artifact: OciArtifact): ManifestJson =>
  JSON.parse(artifact.bytes.toString()) as ManifestJson;

function configOf(artifact: OciArtifact): ImageConfig {
  const { config } = manifestOf(artifact);
  const blob = artifact.blobs.find((candidate) => candidate.descriptor.digest === config.digest);
  if (!blob) throw new Error(`the artifact carries no config blob ${config.digest}`);
  return JSON.parse(blob.bytes.toString()) as ImageConfig;
}

/** Every blob an artifact carries is named by the digest and size of its bytes. */
function expectBlobsMatchTheirBytes(artifact: OciArtifact): void {
  for (const blob of artifact.blobs) {
    expect(blob.descriptor.digest).toBe(sha256(blob.bytes));
    expect(blob.descriptor.size).toBe(blob.bytes.length);
  }
}

describe('signatureTag', () => {
  it('is the digest with its colon as a dash and .sig after it', () => {
    expect(signatureTag(IMAGE)).toBe(`sha256-${'ab'.repeat(32)}.sig`);
  });
});

describe('signatureLayer', () => {
  it('is the payload as a simplesigning blob, annotated', () => {
    expect(first.bytes).toEqual(payload);
    expect(first.descriptor).toEqual({
      mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
      digest: sha256(payload),
      size: payload.length,
      annotations: { [SIGNATURE_ANNOTATION]: 'MEUCIQfirst==' },
    });
  });
});

describe('signatureManifest with no .sig manifest yet', () => {
  const artifact = signatureManifest(undefined, first);

  it('is an OCI image manifest whose one layer is the signature', () => {
    const manifest = manifestOf(artifact);
    expect(artifact.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(manifest.schemaVersion).toBe(2);
    expect(manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(manifest.config.mediaType).toBe('application/vnd.oci.image.config.v1+json');
    expect(manifest.layers).toEqual([first.descriptor]);
    expect(artifact.digest).toBe(sha256(artifact.bytes));
  });

  it('has the image config cosign writes: one diff id per layer (its digest), one history entry per layer', () => {
    expect(configOf(artifact)).toEqual({
      architecture: '',
      created: ZERO_TIME,
      history: [{ created: ZERO_TIME }],
      os: '',
      rootfs: { type: 'layers', diff_ids: [first.descriptor.digest] },
      config: {},
    });
  });

  it('carries its config and the signature payload as blobs, each named by its bytes', () => {
    const manifest = manifestOf(artifact);
    expect(artifact.blobs.map((blob) => blob.descriptor.digest)).toEqual([
      manifest.config.digest,
      first.descriptor.digest,
    ]);
    expect(artifact.blobs[1]?.bytes).toEqual(payload);
    expectBlobsMatchTheirBytes(artifact);
  });
});

describe('signatureManifest appending to an existing .sig manifest', () => {
  const earlier = signatureManifest(undefined, first);
  const appended = signatureManifest(earlier.bytes, second);

  it('keeps the earlier layer first, with its annotations, and adds the new one after it', () => {
    expect(manifestOf(appended).layers).toEqual([first.descriptor, second.descriptor]);
  });

  it('lists both layers in the config, in the same order', () => {
    const config = configOf(appended);
    expect(config.rootfs.diff_ids).toEqual([first.descriptor.digest, second.descriptor.digest]);
    expect(config.history).toEqual([{ created: ZERO_TIME }, { created: ZERO_TIME }]);
  });

  it('carries only the new blobs: the earlier layer is already stored beside the manifest', () => {
    const manifest = manifestOf(appended);
    expect(appended.blobs.map((blob) => blob.descriptor.digest)).toEqual([
      manifest.config.digest,
      second.descriptor.digest,
    ]);
    expectBlobsMatchTheirBytes(appended);
  });

  it('keeps three signers in the order they signed', () => {
    const third = signatureLayer(Buffer.from('{"another":"payload"}'), { [SIGNATURE_ANNOTATION]: 'third' });
    const layers = manifestOf(signatureManifest(appended.bytes, third)).layers;
    expect(layers.map((layer) => layer.annotations?.[SIGNATURE_ANNOTATION])).toEqual([
      'MEUCIQfirst==',
      'MEUCIQsecond==',
      'third',
    ]);
  });

  it('keeps an earlier layer that has no annotations without inventing any', () => {
    const bare = {
      schemaVersion: 2,
      layers: [{ mediaType: SIMPLE_SIGNING, digest: sha256('bare'), size: 4 }],
    };
    const layers = manifestOf(signatureManifest(Buffer.from(JSON.stringify(bare)), first)).layers;
    expect(layers[0]).toEqual({ mediaType: SIMPLE_SIGNING, digest: sha256('bare'), size: 4 });
  });

  it('starts afresh over bytes that are not a manifest', () => {
    const artifact = signatureManifest(Buffer.from('not json'), first);
    expect(manifestOf(artifact).layers).toEqual([first.descriptor]);
  });
});

describe('existingSignatures', () => {
  it('reads back the layers signatureManifest wrote, in order, with their annotations', () => {
    const bytes = signatureManifest(signatureManifest(undefined, first).bytes, second).bytes;
    expect(existingSignatures(bytes)).toEqual([
      { digest: first.descriptor.digest, annotations: first.descriptor.annotations },
      { digest: second.descriptor.digest, annotations: second.descriptor.annotations },
    ]);
  });

  it('is empty with no manifest, or one that is not JSON, not an object, or has no layers', () => {
    expect(existingSignatures(undefined)).toEqual([]);
    expect(existingSignatures(Buffer.from('{"layers":'))).toEqual([]);
    expect(existingSignatures(Buffer.from('[1,2]'))).toEqual([]);
    expect(existingSignatures(Buffer.from('{"schemaVersion":2}'))).toEqual([]);
    expect(existingSignatures(Buffer.from('{"layers":{"0":{}}}'))).toEqual([]);
  });

  it('ignores layers that are not simplesigning payloads, and entries that are not layers', () => {
    const manifest = {
      layers: [
        null,
        'sha256:1234',
        { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256('tar'), size: 3 },
        { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', digest: sha256('bundle'), size: 6 },
        { mediaType: SIMPLE_SIGNING, digest: 42, size: 1 },
        { mediaType: SIMPLE_SIGNING, size: 1 },
        { mediaType: SIMPLE_SIGNING, digest: sha256('ours'), size: 4, annotations: { a: 'b' } },
      ],
    };
    expect(existingSignatures(Buffer.from(JSON.stringify(manifest)))).toEqual([
      { digest: sha256('ours'), annotations: { a: 'b' } },
    ]);
  });

  it('reads a layer whose annotations are missing or not all strings as having none', () => {
    const manifest = {
      layers: [
        { mediaType: SIMPLE_SIGNING, digest: sha256('one'), size: 3 },
        { mediaType: SIMPLE_SIGNING, digest: sha256('two'), size: 3, annotations: { n: 1 } },
        { mediaType: SIMPLE_SIGNING, digest: sha256('three'), size: 5, annotations: ['x'] },
      ],
    };
    expect(existingSignatures(Buffer.from(JSON.stringify(manifest)))).toEqual([
      { digest: sha256('one'), annotations: {} },
      { digest: sha256('two'), annotations: {} },
      { digest: sha256('three'), annotations: {} },
    ]);
  });
});
