import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCosignKey } from '../../src/signing/cosign-key.js';
import { ImageSignatures } from '../../src/signing/image-signatures.js';
import { keyPayloadSigner } from '../../src/signing/key-payload-signer.js';
import type { OciArtifact } from '../../src/signing/oci-artifact.js';
import type { PayloadSigner } from '../../src/signing/payload-signer.js';
import type { SignatureRecord } from '../../src/signing/signature-record.js';
import type { SignatureStore, StoredManifestContent } from '../../src/signing/signature-store.js';
import { simpleSigningPayload } from '../../src/signing/simple-signing.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';
import { cosignKeyPair, type CosignKeyPairText } from '../support/cosign-key-pair.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const SIGNED_AS = 'index.docker.io/falcosecurity/falco';

const sha256 = (bytes: Buffer | string): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const sigTag = (digest: string): string => `${digest.replace(':', '-')}.sig`;
const referrersTag = (digest: string): string => digest.replace(':', '-');
const json = <T>(bytes: Buffer): T => JSON.parse(bytes.toString()) as T;

interface Written {
  readonly reference: string;
  readonly artifact: OciArtifact;
}

interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly annotations?: Record<string, string>;
}

interface ManifestJson {
  readonly config?: Descriptor;
  readonly layers?: Descriptor[];
  readonly manifests?: Descriptor[];
  readonly subject?: Descriptor;
}

/**
 * A repository in memory, as a registry keeps it: a manifest written under a tag can also be read by
 * its digest, blobs are kept by digest, and every write is recorded in the order it came.
 */
class MemorySignatureStore implements SignatureStore {
  readonly writes: Written[] = [];
  readonly blobs = new Map<string, Buffer>();
  private readonly manifests = new Map<string, StoredManifestContent>();

  constructor(
    readonly name: string,
    private readonly indexesReferrers = false,
  ) {}

  /** A manifest pushed before signing (an image, an index): stored by its digest, not recorded as a write. */
  put(mediaType: string, bytes: Buffer): string {
    const digest = sha256(bytes);
    this.manifests.set(digest, { mediaType, bytes });
    return digest;
  }

  async manifest(reference: string): Promise<StoredManifestContent | undefined> {
    return this.manifests.get(reference);
  }

  async write(artifact: OciArtifact, reference: string): Promise<{ readonly indexesReferrers: boolean }> {
    for (const blob of artifact.blobs) {
      if (!this.blobs.has(blob.descriptor.digest)) this.blobs.set(blob.descriptor.digest, blob.bytes);
    }
    const content = { mediaType: artifact.mediaType, bytes: artifact.bytes };
    this.manifests.set(reference, content);
    this.manifests.set(artifact.digest, content);
    this.writes.push({ reference, artifact });
    return { indexesReferrers: this.indexesReferrers };
  }

  /** The manifest a tag names now, parsed. */
  parsed(reference: string): ManifestJson {
    const content = this.manifests.get(reference);
    if (!content) throw new Error(`${this.name} has no manifest ${reference}`);
    return json<ManifestJson>(content.bytes);
  }

  async blob(digest: string): Promise<Buffer> {
    return this.stored(digest);
  }

  /** A blob's bytes, for the test's own checks. */
  stored(digest: string): Buffer {
    const bytes = this.blobs.get(digest);
    if (!bytes) throw new Error(`${this.name} has no blob ${digest}`);
    return bytes;
  }

  /** Blobs that a written manifest names and the store lacks: none, when each write brought what it needed. */
  missingBlobs(): string[] {
    return this.writes.flatMap(({ artifact }) => {
      const manifest = json<ManifestJson>(artifact.bytes);
      const named = [...(manifest.config ? [manifest.config] : []), ...(manifest.layers ?? [])];
      return named.map((descriptor) => descriptor.digest).filter((digest) => !this.blobs.has(digest));
    });
  }
}

/** An index of two images, pushed to `store` as a multi-arch release is. */
function pushIndex(store: MemorySignatureStore): { index: string; images: string[] } {
  const images = ['amd64', 'arm64'].map((architecture) => {
    const config = Buffer.from(JSON.stringify({ architecture, os: 'linux' }));
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: sha256(config),
          size: config.length,
        },
        layers: [],
      }),
    );
    return { architecture, digest: store.put(OCI_MANIFEST, manifest), size: manifest.length };
  });
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: images.map(({ architecture, digest, size }) => ({
        mediaType: OCI_MANIFEST,
        digest,
        size,
        platform: { architecture, os: 'linux' },
      })),
    }),
  );
  return { index: store.put(OCI_INDEX, index), images: images.map(({ digest }) => digest) };
}

/** A store holding the same index, as a mirror does after the push (its own name, the same digests). */
function storeWithIndex(name: string, indexesReferrers = false) {
  const store = new MemorySignatureStore(name, indexesReferrers);
  const { index, images } = pushIndex(store);
  return { store, index, digests: [index, ...images] };
}

interface SignerCalls {
  messages: number;
  statements: number;
}

/** The signer, with a count of the signatures it makes (each call to sign is one more signature). */
function counted(signer: PayloadSigner): { signer: PayloadSigner; calls: SignerCalls } {
  const calls: SignerCalls = { messages: 0, statements: 0 };
  return {
    calls,
    signer: {
      kind: signer.kind,
      identity: () => signer.identity(),
      madeBy: (existing, payload) => signer.madeBy(existing, payload),
      madeStatement: (bundle, statement) => signer.madeStatement(bundle, statement),
      chain: () => signer.chain(),
      signMessage: (payload) => {
        calls.messages += 1;
        return signer.signMessage(payload);
      },
      signStatement: (statement) => {
        calls.statements += 1;
        return signer.signStatement(statement);
      },
    },
  };
}

interface KeyUnderTest {
  readonly pair: CosignKeyPairText;
  readonly publicKey: KeyObject;
  /** What the `signatures` output names the signer by. */
  readonly identity: string;
  signer(): PayloadSigner;
}

/** A cosign key pair as cosign writes it, read as the action reads it; signing without a transparency log. */
function keyUnderTest(): KeyUnderTest {
  const pair = cosignKeyPair();
  const publicKey = createPublicKey(pair.publicKeyPem);
  const fingerprint = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
  return {
    pair,
    publicKey,
    identity: `public key sha256:${fingerprint}`,
    signer: () => keyPayloadSigner(readCosignKey(pair.privateKeyText, pair.password), undefined),
  };
}

/** The signature layers of the `.sig` manifest of `digest`, in order. */
function layersOf(store: MemorySignatureStore, digest: string): Descriptor[] {
  return store.parsed(sigTag(digest)).layers ?? [];
}

function verifiesLayer(store: MemorySignatureStore, layer: Descriptor, publicKey: KeyObject): boolean {
  const signature = Buffer.from(layer.annotations?.[SIGNATURE_ANNOTATION] ?? '', 'base64');
  return verify('sha256', store.stored(layer.digest), publicKey, signature);
}

/** DSSE's pre-authentication encoding: what a DSSE signature signs. */
function pae(type: string, body: Buffer): Buffer {
  const typeBytes = Buffer.from(type);
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${typeBytes.length} `),
    typeBytes,
    Buffer.from(` ${body.length} `),
    body,
  ]);
}

interface SerializedDsse {
  dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string }[] };
}

let key: KeyUnderTest;
let otherKey: KeyUnderTest;

beforeAll(() => {
  key = keyUnderTest();
  otherKey = keyUnderTest();
});

describe('ImageSignatures.sign of an index with two images', () => {
  let store: MemorySignatureStore;
  let digests: string[];
  let records: SignatureRecord[];

  beforeAll(async () => {
    ({ store, digests } = storeWithIndex('127.0.0.1:5000/falcosecurity/falco'));
    records = await new ImageSignatures(key.signer()).sign(store, digests[0] ?? '', SIGNED_AS);
  });

  it('signs the index and each image: a referrer and a .sig each, six records', () => {
    const referrerOf = (digest: string) =>
      store.writes.find(({ artifact }) => json<ManifestJson>(artifact.bytes).subject?.digest === digest);
    expect(records).toEqual(
      digests.flatMap((digest) => [
        {
          subject: `127.0.0.1:5000/falcosecurity/falco@${digest}`,
          digest,
          kind: 'sigstore-bundle',
          where: `127.0.0.1:5000/falcosecurity/falco@${referrerOf(digest)?.artifact.digest ?? 'none'}`,
          signer: key.identity,
          state: 'signed',
        },
        {
          subject: `127.0.0.1:5000/falcosecurity/falco@${digest}`,
          digest,
          kind: 'cosign-signature',
          where: `127.0.0.1:5000/falcosecurity/falco:${sigTag(digest)}`,
          signer: key.identity,
          state: 'signed',
        },
      ]),
    );
  });

  it('writes, per digest, the referrer, then the referrers index, then the .sig last', () => {
    // The digests are signed at once: the order holds within each digest's writes.
    const references = store.writes.map(({ reference }) => reference);
    expect(references).toHaveLength(digests.length * 3);
    for (const digest of digests) {
      const referrer = store.writes.find(
        ({ artifact }) => json<ManifestJson>(artifact.bytes).subject?.digest === digest,
      );
      expect(
        references.filter((reference) =>
          [referrer?.artifact.digest, referrersTag(digest), sigTag(digest)].includes(reference),
        ),
      ).toEqual([referrer?.artifact.digest, referrersTag(digest), sigTag(digest)]);
    }
  });

  it('stores every blob the manifests it wrote name', () => {
    expect(store.missingBlobs()).toEqual([]);
  });

  it("puts in each .sig one layer: the digest's simple-signing payload, signed by the key", () => {
    for (const digest of digests) {
      const layers = layersOf(store, digest);
      expect(layers).toHaveLength(1);
      const [layer] = layers as [Descriptor];
      expect(layer.mediaType).toBe(SIMPLE_SIGNING);
      expect(store.stored(layer.digest)).toEqual(simpleSigningPayload(SIGNED_AS, digest));
      expect(verifiesLayer(store, layer, key.publicKey)).toBe(true);
      expect(verifiesLayer(store, layer, otherKey.publicKey)).toBe(false);
    }
  });

  it('attaches to each digest a bundle referrer naming it as subject, listed in its referrers index', async () => {
    for (const digest of digests) {
      const listed = store.parsed(referrersTag(digest)).manifests ?? [];
      expect(listed).toHaveLength(1);
      const referrer = store.parsed(listed[0]?.digest ?? '');
      expect(referrer.layers?.map((layer) => layer.mediaType)).toEqual([BUNDLE]);
      // The subject is the manifest as stored: its media type (index or image) and its size.
      const subject = await store.manifest(digest);
      expect(referrer.subject).toEqual({
        mediaType: subject?.mediaType,
        digest,
        size: subject?.bytes.length,
      });
    }
    expect((await store.manifest(digests[0] ?? ''))?.mediaType).toBe(OCI_INDEX);
  });

  it("bundles in each referrer an in-toto statement for the digest, which the key's DSSE signature covers", () => {
    for (const digest of digests) {
      const referrer = store.parsed(store.parsed(referrersTag(digest)).manifests?.[0]?.digest ?? '');
      const bundle = json<SerializedDsse>(store.stored(referrer.layers?.[0]?.digest ?? ''));
      const { payload, payloadType, signatures } = bundle.dsseEnvelope;
      const statement = Buffer.from(payload, 'base64');
      expect(payloadType).toBe('application/vnd.in-toto+json');
      expect(json<unknown>(statement)).toMatchObject({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: SIGNED_AS, digest: { sha256: digest.slice('sha256:'.length) } }],
        predicateType: 'https://sigstore.dev/cosign/sign/v1',
      });
      const signature = Buffer.from(signatures[0]?.sig ?? '', 'base64');
      expect(verify('sha256', pae(payloadType, statement), key.publicKey, signature)).toBe(true);
    }
  });
});

describe('ImageSignatures.sign again', () => {
  it('on the same store: writes nothing, signs nothing, and reports each digest present', async () => {
    const { store, index, digests } = storeWithIndex('registry.example/falco');
    const { signer, calls } = counted(key.signer());
    const signatures = new ImageSignatures(signer);
    await signatures.sign(store, index, SIGNED_AS);
    const written = store.writes.length;
    const made = { ...calls };

    const again = await signatures.sign(store, index, SIGNED_AS);
    expect(store.writes).toHaveLength(written);
    expect(calls).toEqual(made);
    expect(again.filter((record) => record.kind === 'cosign-signature')).toEqual(
      digests.map((digest) => ({
        subject: `registry.example/falco@${digest}`,
        digest,
        kind: 'cosign-signature',
        where: `registry.example/falco:${sigTag(digest)}`,
        signer: key.identity,
        state: 'present',
      })),
    );
    // The bundle written with the .sig is found in the referrers index and reported too.
    expect(
      again.filter((record) => record.kind === 'sigstore-bundle').map((record) => record.digest),
    ).toEqual(digests);
    expect(again.every((record) => record.state === 'present')).toBe(true);
  });

  it('in a later run with the same key (a new ImageSignatures): the .sig is recognised, nothing written', async () => {
    const { store, index } = storeWithIndex('registry.example/falco');
    await new ImageSignatures(key.signer()).sign(store, index, SIGNED_AS);
    const written = store.writes.length;
    const { signer, calls } = counted(key.signer());
    const again = await new ImageSignatures(signer).sign(store, index, SIGNED_AS);
    expect(store.writes).toHaveLength(written);
    expect(calls).toEqual({ messages: 0, statements: 0 });
    expect(again.map((record) => record.state)).toEqual(Array(6).fill('present'));
  });

  it('with another key: its signature is appended after the first, which stays as it was', async () => {
    const { store, index, digests } = storeWithIndex('registry.example/falco');
    await new ImageSignatures(key.signer()).sign(store, index, SIGNED_AS);
    const before = digests.map((digest) => layersOf(store, digest));

    const records = await new ImageSignatures(otherKey.signer()).sign(store, index, SIGNED_AS);
    expect(records).toHaveLength(6);
    expect(records.every((record) => record.state === 'signed' && record.signer === otherKey.identity)).toBe(
      true,
    );
    digests.forEach((digest, i) => {
      const layers = layersOf(store, digest);
      expect(layers).toHaveLength(2);
      expect(layers[0]).toEqual(before[i]?.[0]);
      expect(verifiesLayer(store, layers[0] as Descriptor, key.publicKey)).toBe(true);
      expect(verifiesLayer(store, layers[1] as Descriptor, otherKey.publicKey)).toBe(true);
      expect(store.parsed(referrersTag(digest)).manifests).toHaveLength(2);
    });
    expect(store.missingBlobs()).toEqual([]);

    // Each key still finds its own signature among the two.
    for (const each of [key, otherKey]) {
      const again = await new ImageSignatures(each.signer()).sign(store, index, SIGNED_AS);
      expect(again.map((record) => `${record.kind} ${record.state}`)).toEqual(
        Array(3).fill(['sigstore-bundle present', 'cosign-signature present']).flat(),
      );
    }
  });
});

describe('ImageSignatures.sign on a store that indexes referrers itself', () => {
  it('writes the referrers and the .sig manifests, and no referrers tag', async () => {
    const { store, index, digests } = storeWithIndex('registry.example/falco', true);
    const records = await new ImageSignatures(key.signer()).sign(store, index, SIGNED_AS);
    expect(records).toHaveLength(6);
    const references = store.writes.map(({ reference }) => reference);
    expect(references).toHaveLength(6);
    for (const digest of digests) {
      expect(references).not.toContain(referrersTag(digest));
      expect(references).toContain(sigTag(digest));
    }
    // The referrers themselves are written by their own digest, each before its .sig.
    for (const digest of digests) {
      const referrer = store.writes.findIndex(
        ({ reference, artifact }) =>
          reference === artifact.digest && json<ManifestJson>(artifact.bytes).subject?.digest === digest,
      );
      expect(referrer).toBeGreaterThanOrEqual(0);
      expect(referrer).toBeLessThan(references.indexOf(sigTag(digest)));
    }
  });
});

describe('ImageSignatures.sign on a mirror after the main registry', () => {
  it('writes the same signatures, made once', async () => {
    const main = storeWithIndex('docker.io/falcosecurity/falco');
    const mirror = storeWithIndex('public.ecr.aws/falcosecurity/falco');
    expect(mirror.digests).toEqual(main.digests);
    const { signer, calls } = counted(key.signer());
    const signatures = new ImageSignatures(signer);

    await signatures.sign(main.store, main.index, SIGNED_AS);
    const mirrored = await signatures.sign(mirror.store, mirror.index, SIGNED_AS);

    expect(calls).toEqual({ messages: 3, statements: 3 });
    for (const digest of main.digests) {
      const [mainLayer] = layersOf(main.store, digest);
      const [mirrorLayer] = layersOf(mirror.store, digest);
      expect(mirrorLayer).toEqual(mainLayer);
      expect(mirror.store.stored(mirrorLayer?.digest ?? '')).toEqual(
        main.store.stored(mainLayer?.digest ?? ''),
      );
      // The bundle referrer is the same manifest, so the same digest, on both.
      expect(mirror.store.parsed(referrersTag(digest)).manifests).toEqual(
        main.store.parsed(referrersTag(digest)).manifests,
      );
    }
    expect(mirrored.map((record) => record.subject)).toEqual(
      main.digests.flatMap((digest) => Array(2).fill(`public.ecr.aws/falcosecurity/falco@${digest}`)),
    );
    expect(mirrored.every((record) => record.state === 'signed')).toBe(true);
    expect(mirror.store.missingBlobs()).toEqual([]);
  });
});

describe('ImageSignatures.sign of the same digest in two repositories', () => {
  // One image pushed under two names (falco-no-driver as falco:<v>-slim and as falco-no-driver:<v>) has
  // one digest; each repository's signature must name that repository, as cosign signing each would.
  it('names, in each payload and statement, the repository it signs for', async () => {
    const slim = new MemorySignatureStore('docker.io/falcosecurity/falco');
    const noDriver = new MemorySignatureStore('docker.io/falcosecurity/falco-no-driver');
    const image = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, layers: [] }));
    const digest = slim.put(OCI_MANIFEST, image);
    noDriver.put(OCI_MANIFEST, image);
    const signatures = new ImageSignatures(key.signer());

    await signatures.sign(slim, digest, 'index.docker.io/falcosecurity/falco');
    await signatures.sign(noDriver, digest, 'index.docker.io/falcosecurity/falco-no-driver');

    const [layer] = layersOf(noDriver, digest);
    expect(noDriver.stored(layer?.digest ?? '').toString()).toBe(
      simpleSigningPayload('index.docker.io/falcosecurity/falco-no-driver', digest).toString(),
    );
    const referrer = noDriver.parsed(noDriver.parsed(referrersTag(digest)).manifests?.[0]?.digest ?? '');
    const bundle = json<SerializedDsse>(noDriver.stored(referrer.layers?.[0]?.digest ?? ''));
    const statement = json<{ subject: { name: string }[] }>(
      Buffer.from(bundle.dsseEnvelope.payload, 'base64'),
    );
    expect(statement.subject[0]?.name).toBe('index.docker.io/falcosecurity/falco-no-driver');
  });
});

describe('ImageSignatures.sign failures', () => {
  it('refuses a digest the store does not hold, naming the store, and writes nothing', async () => {
    const store = new MemorySignatureStore('registry.example/falco');
    const missing = sha256('never pushed');
    const error = await asyncUserErrorOf(new ImageSignatures(key.signer()).sign(store, missing, SIGNED_AS));
    expect(error.subject).toBe('registry.example/falco');
    expect(error.message).toContain(missing);
    expect(store.writes).toEqual([]);
  });

  it('signs again on the next step after a signature failed (a failure is not kept)', async () => {
    const { store, index } = storeWithIndex('registry.example/falco');
    const real = key.signer();
    let failures = 1;
    const flaky: PayloadSigner = {
      ...real,
      signMessage: async (payload) => {
        if (failures-- > 0) throw new Error('the transparency log is unavailable');
        return real.signMessage(payload);
      },
    };
    const signatures = new ImageSignatures(flaky);
    await expect(signatures.sign(store, index, SIGNED_AS)).rejects.toThrow(
      'the transparency log is unavailable',
    );
    expect(store.writes).toEqual([]);
    const records = await signatures.sign(store, index, SIGNED_AS);
    expect(records.map((record) => `${record.kind} ${record.state}`)).toEqual(
      Array(3).fill(['sigstore-bundle signed', 'cosign-signature signed']).flat(),
    );
  });
});
