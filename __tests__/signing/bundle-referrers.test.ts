import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_MEDIA_TYPE,
  bundleReferrer,
  COSIGN_SIGN_PREDICATE,
  referrersIndex,
  referrersTag,
  SLSA_PROVENANCE_PREDICATE,
} from '../../src/signing/bundle-referrers.js';
import type { Descriptor } from '../../src/oci/descriptor.js';
import type { OciArtifact } from '../../src/signing/oci-artifact.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
/** The OCI image spec's empty descriptor: `{}` has this digest wherever it is written. */
const EMPTY_CONFIG = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
};

const sha256 = (bytes: Buffer | string): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

const IMAGE: Descriptor = {
  mediaType: OCI_MANIFEST,
  digest: sha256('image manifest'),
  size: 1234,
  platform: { architecture: 'arm64', os: 'linux' },
  annotations: { 'org.opencontainers.image.title': 'falco' },
};
const BUNDLE = Buffer.from('{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}');
const CREATED = new Date('2024-05-06T07:08:09.010Z');

const parsed = (artifact: OciArtifact): Record<string, unknown> =>
  JSON.parse(artifact.bytes.toString()) as Record<string, unknown>;

describe('bundleReferrer', () => {
  const referrer = bundleReferrer(IMAGE, BUNDLE, COSIGN_SIGN_PREDICATE, CREATED);

  it('is an OCI manifest of the bundle artifact type, with the empty config and the bundle as its one layer', () => {
    expect(referrer.mediaType).toBe(OCI_MANIFEST);
    expect(referrer.digest).toBe(sha256(referrer.bytes));
    expect(parsed(referrer)).toEqual({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      config: EMPTY_CONFIG,
      layers: [{ mediaType: BUNDLE_MEDIA_TYPE, digest: sha256(BUNDLE), size: BUNDLE.length }],
      subject: { mediaType: OCI_MANIFEST, digest: IMAGE.digest, size: 1234 },
      annotations: {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': 'https://sigstore.dev/cosign/sign/v1',
        'org.opencontainers.image.created': '2024-05-06T07:08:09.010Z',
      },
    });
  });

  it('names its subject by media type, digest and size only (not the platform or annotations of an index entry)', () => {
    expect(Object.keys(parsed(referrer)['subject'] as object).sort()).toEqual([
      'digest',
      'mediaType',
      'size',
    ]);
  });

  it('carries the empty config `{}` and the bundle bytes as blobs', () => {
    expect(referrer.blobs.map((blob) => blob.descriptor)).toEqual([
      EMPTY_CONFIG,
      { mediaType: BUNDLE_MEDIA_TYPE, digest: sha256(BUNDLE), size: BUNDLE.length },
    ]);
    expect(referrer.blobs[0]?.bytes.toString()).toBe('{}');
    expect(referrer.blobs[1]?.bytes).toEqual(BUNDLE);
  });

  it('names the predicate type it is given', () => {
    const provenance = bundleReferrer(IMAGE, BUNDLE, SLSA_PROVENANCE_PREDICATE, CREATED);
    const annotations = parsed(provenance)['annotations'] as Record<string, string>;
    expect(annotations['dev.sigstore.bundle.predicateType']).toBe('https://slsa.dev/provenance/v1');
    expect(provenance.digest).not.toBe(referrer.digest);
  });
});

describe('referrersTag', () => {
  it('is the digest with its colon as a dash (the referrers tag schema)', () => {
    expect(referrersTag(IMAGE.digest)).toBe(IMAGE.digest.replace('sha256:', 'sha256-'));
  });
});

describe('referrersIndex', () => {
  const referrer = bundleReferrer(IMAGE, BUNDLE, COSIGN_SIGN_PREDICATE, CREATED);
  const entryOf = (artifact: OciArtifact): Record<string, unknown> => ({
    mediaType: OCI_MANIFEST,
    digest: artifact.digest,
    size: artifact.bytes.length,
    artifactType: BUNDLE_MEDIA_TYPE,
    annotations: parsed(artifact)['annotations'],
  });

  it('with none yet: an OCI index listing the referrer with its artifact type and annotations', () => {
    const index = referrersIndex(undefined, referrer);
    expect(index.mediaType).toBe(OCI_INDEX);
    expect(index.blobs).toEqual([]);
    expect(index.digest).toBe(sha256(index.bytes));
    expect(parsed(index)).toEqual({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [entryOf(referrer)] });
  });

  it('adds a referrer once: adding it again lists it once', () => {
    const once = referrersIndex(undefined, referrer);
    const twice = referrersIndex(once.bytes, referrer);
    expect(parsed(twice)['manifests']).toEqual([entryOf(referrer)]);
  });

  it('keeps the entries already there, unchanged and in order, and adds the new one after them', () => {
    const others = [
      {
        mediaType: OCI_MANIFEST,
        digest: sha256('attestation'),
        size: 700,
        artifactType: 'application/vnd.in-toto+json',
        annotations: { 'in-toto.io/predicate-type': 'https://spdx.dev/Document' },
      },
      // Fields this code does not know stay as they were.
      { mediaType: OCI_MANIFEST, digest: sha256('sbom'), size: 42, data: 'e30=', 'x-extra': [1, 2] },
    ];
    const existing = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: others }),
    );
    expect(parsed(referrersIndex(existing, referrer))['manifests']).toEqual([...others, entryOf(referrer)]);
  });

  it('keeps the other referrers of the same subject when a second one is added', () => {
    const second = bundleReferrer(IMAGE, Buffer.from('{"another":"bundle"}'), COSIGN_SIGN_PREDICATE, CREATED);
    const index = referrersIndex(referrersIndex(undefined, referrer).bytes, second);
    expect(parsed(index)['manifests']).toEqual([entryOf(referrer), entryOf(second)]);
  });

  it('leaves out what is not an entry, and starts afresh over bytes that are not an index', () => {
    const junk = Buffer.from(JSON.stringify({ manifests: [null, 'sha256:1', 7, [1]] }));
    expect(parsed(referrersIndex(junk, referrer))['manifests']).toEqual([entryOf(referrer)]);
    expect(parsed(referrersIndex(Buffer.from('<html>'), referrer))['manifests']).toEqual([entryOf(referrer)]);
    const notAList = Buffer.from(JSON.stringify({ manifests: { 0: entryOf(referrer) } }));
    expect(parsed(referrersIndex(notAList, referrer))['manifests']).toEqual([entryOf(referrer)]);
  });
});
