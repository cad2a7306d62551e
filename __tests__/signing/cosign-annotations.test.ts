import { createHash, generateKeyPairSync, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { bundleToJSON, type SerializedBundle, type TransparencyLogEntry } from '@sigstore/bundle';
import { MessageSignatureBundleBuilder, type Signer, type Witness } from '@sigstore/sign';
// The mock's sub-modules, not its index, which loads nock.
import { initializeCA } from '@sigstore/mock/dist/fulcio/index.js';
import { initializeTLog, type TLog } from '@sigstore/mock/dist/rekor/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { cosignAnnotations, pem } from '../../src/signing/cosign-annotations.js';
import { simpleSigningPayload } from '../../src/signing/simple-signing.js';

const SIGNATURE = 'dev.cosignproject.cosign/signature';
const CERTIFICATE = 'dev.sigstore.cosign/certificate';
const CHAIN = 'dev.sigstore.cosign/chain';
const REKOR_BUNDLE = 'dev.sigstore.cosign/bundle';

const PAYLOAD = simpleSigningPayload('index.docker.io/falcosecurity/falco', `sha256:${'cd'.repeat(32)}`);
const SAN = 'https://github.com/falcosecurity/falco/.github/workflows/release.yaml@refs/tags/0.41.0';

const p256 = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const spki = (key: KeyObject): Uint8Array<ArrayBuffer> =>
  new Uint8Array(key.export({ format: 'der', type: 'spki' }));
const bytesOf = (view: ArrayBufferView): Buffer => Buffer.from(view.buffer, view.byteOffset, view.byteLength);

/** What the mock log answers for an entry (Rekor's v1 API): keyed by the entry's UUID. */
interface MockLogEntry {
  readonly body: string;
  readonly integratedTime: number;
  readonly logID: string;
  readonly logIndex: number;
  readonly verification?: { readonly signedEntryTimestamp?: string };
}

/** Signs as a local cosign key does: ECDSA P-256 over SHA-256, the public key named in the bundle. */
function keySigner(privateKey: KeyObject, publicKey: KeyObject): Signer {
  return {
    sign: async (data) => ({
      signature: sign('sha256', data, privateKey),
      key: { $case: 'publicKey', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    }),
  };
}

/** Signs as Fulcio-certified keyless signing does: the same key, named by a certificate for it. */
function certificateSigner(privateKey: KeyObject, certificate: Buffer): Signer {
  return {
    sign: async (data) => ({
      signature: sign('sha256', data, privateKey),
      key: { $case: 'x509Certificate', certificate: pem(certificate.toString('base64')) },
    }),
  };
}

/** Logs each signature in the mock transparency log, as Rekor answers: the entry with its signed entry timestamp. */
function mockRekor(tlog: TLog): Witness {
  return {
    testify: async (content, publicKey) => {
      const signature =
        content.$case === 'messageSignature' ? content.messageSignature.signature.toString('base64') : '';
      const logged = await tlog.log({
        kind: 'hashedrekord',
        apiVersion: '0.0.1',
        spec: { signature, publicKey },
      });
      const [entry] = Object.values(logged) as MockLogEntry[];
      if (!entry?.verification?.signedEntryTimestamp) throw new Error('the mock log gave no entry');
      const tlogEntry: TransparencyLogEntry = {
        logIndex: String(entry.logIndex),
        logId: { keyId: Buffer.from(entry.logID, 'hex') },
        kindVersion: { kind: 'hashedrekord', version: '0.0.1' },
        integratedTime: String(entry.integratedTime),
        inclusionPromise: {
          signedEntryTimestamp: Buffer.from(entry.verification.signedEntryTimestamp, 'base64'),
        },
        inclusionProof: undefined,
        canonicalizedBody: Buffer.from(entry.body, 'base64'),
      };
      return { tlogEntries: [tlogEntry] };
    },
  };
}

/** JSON with sorted keys, as Rekor signs the entry and cosign checks it (flat objects are all it needs here). */
function canonicalJson(value: Record<string, unknown>): string {
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(value[key])}`)
    .join(',')}}`;
}

describe('cosignAnnotations of a key signature without a transparency log', () => {
  it('is the signature alone, which the public key accepts over the payload', async () => {
    const { privateKey, publicKey } = p256();
    const builder = new MessageSignatureBundleBuilder({
      signer: keySigner(privateKey, publicKey),
      witnesses: [],
    });
    // As the builder serializes it: the JSON of a bundle without log entries has no tlogEntries at all.
    const bundle = bundleToJSON(await builder.create({ data: PAYLOAD }));
    const annotations = cosignAnnotations(bundle, undefined);
    expect(Object.keys(annotations)).toEqual([SIGNATURE]);
    const signature = annotations[SIGNATURE] ?? '';
    expect(signature).toBe(bundle.messageSignature?.signature);
    expect(verify('sha256', PAYLOAD, publicKey, Buffer.from(signature, 'base64'))).toBe(true);
    expect(verify('sha256', Buffer.from('other'), publicKey, Buffer.from(signature, 'base64'))).toBe(false);
  });
});

describe('cosignAnnotations of a certified signature logged in Rekor', () => {
  let tlog: TLog;
  let tlogKey: KeyObject;
  let rootCertificate: Buffer;
  let bundle: SerializedBundle;
  let certificate: Buffer;
  let signerKey: KeyObject;
  const chainPem = (): string => pem(rootCertificate.toString('base64'));

  beforeAll(async () => {
    const ca = await initializeCA(p256());
    rootCertificate = bytesOf(ca.rootCertificate);
    const logKeys = p256();
    tlogKey = logKeys.publicKey;
    tlog = await initializeTLog('https://rekor.example.com', logKeys);
    const { privateKey, publicKey } = p256();
    signerKey = publicKey;
    certificate = bytesOf(await ca.issueCertificate({ publicKey: spki(publicKey), subjectAltName: SAN }));
    const builder = new MessageSignatureBundleBuilder({
      signer: certificateSigner(privateKey, certificate),
      witnesses: [mockRekor(tlog)],
    });
    bundle = bundleToJSON(await builder.create({ data: PAYLOAD }));
  });

  it('has the signature, the certificate, the chain given, and the Rekor bundle', () => {
    const annotations = cosignAnnotations(bundle, chainPem());
    expect(Object.keys(annotations).sort()).toEqual([CHAIN, REKOR_BUNDLE, CERTIFICATE, SIGNATURE].sort());
    expect(verify('sha256', PAYLOAD, signerKey, Buffer.from(annotations[SIGNATURE] ?? '', 'base64'))).toBe(
      true,
    );
    expect(annotations[CHAIN]).toBe(chainPem());
  });

  it('writes the certificate as PEM, which reads back as the bundle certificate', () => {
    const written = cosignAnnotations(bundle, undefined)[CERTIFICATE] ?? '';
    expect(written).toMatch(
      /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/,
    );
    const read = new X509Certificate(written);
    expect(read.raw).toEqual(certificate);
    expect(read.subjectAltName).toContain(SAN);
  });

  it('has no chain annotation when no chain is given', () => {
    expect(Object.keys(cosignAnnotations(bundle, undefined))).not.toContain(CHAIN);
  });

  it("writes the Rekor bundle with cosign's RekorBundle fields, in Go's order and with its JSON types", () => {
    const rekorBundle = JSON.parse(cosignAnnotations(bundle, undefined)[REKOR_BUNDLE] ?? '') as {
      SignedEntryTimestamp: unknown;
      Payload: Record<string, unknown>;
    };
    const [entry] = bundle.verificationMaterial.tlogEntries;
    // RekorBundle{SignedEntryTimestamp []byte; Payload RekorPayload}: []byte marshals as base64.
    expect(Object.keys(rekorBundle)).toEqual(['SignedEntryTimestamp', 'Payload']);
    expect(rekorBundle.SignedEntryTimestamp).toBe(entry?.inclusionPromise?.signedEntryTimestamp);
    // RekorPayload's json tags: body, integratedTime (int64), logIndex (int64), logID (hex string).
    expect(Object.keys(rekorBundle.Payload)).toEqual(['body', 'integratedTime', 'logIndex', 'logID']);
    expect(rekorBundle.Payload).toEqual({
      body: entry?.canonicalizedBody,
      integratedTime: Number(entry?.integratedTime),
      logIndex: Number(entry?.logIndex),
      logID: createHash('sha256').update(tlog.publicKey).digest('hex'),
    });
    expect(typeof rekorBundle.Payload['integratedTime']).toBe('number');
    expect(typeof rekorBundle.Payload['logIndex']).toBe('number');
    expect(rekorBundle.Payload['logID']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('holds a signed entry timestamp the log key accepts over the payload, as cosign checks it offline', () => {
    const rekorBundle = JSON.parse(cosignAnnotations(bundle, undefined)[REKOR_BUNDLE] ?? '') as {
      SignedEntryTimestamp: string;
      Payload: Record<string, unknown>;
    };
    const signed = Buffer.from(canonicalJson(rekorBundle.Payload));
    const set = Buffer.from(rekorBundle.SignedEntryTimestamp, 'base64');
    expect(verify('sha256', signed, tlogKey, set)).toBe(true);
    // The same check fails for a payload that differs in one field: it covers all four.
    const tampered = { ...rekorBundle.Payload, logIndex: Number(rekorBundle.Payload['logIndex']) + 1 };
    expect(verify('sha256', Buffer.from(canonicalJson(tampered)), tlogKey, set)).toBe(false);
  });

  it('takes the certificate from an x509CertificateChain (bundle v0.2) too: its first certificate', () => {
    const v02: SerializedBundle = {
      ...bundle,
      verificationMaterial: {
        ...bundle.verificationMaterial,
        certificate: undefined,
        publicKey: undefined,
        x509CertificateChain: {
          certificates: [
            { rawBytes: certificate.toString('base64') },
            { rawBytes: rootCertificate.toString('base64') },
          ],
        },
      },
    };
    expect(new X509Certificate(cosignAnnotations(v02, undefined)[CERTIFICATE] ?? '').raw).toEqual(
      certificate,
    );
  });

  it('leaves the Rekor bundle out for an entry without a signed entry timestamp', () => {
    const [entry] = bundle.verificationMaterial.tlogEntries;
    if (!entry) throw new Error('the bundle has no log entry');
    const withoutPromise: SerializedBundle = {
      ...bundle,
      verificationMaterial: {
        ...bundle.verificationMaterial,
        tlogEntries: [{ ...entry, inclusionPromise: undefined }],
      },
    };
    expect(Object.keys(cosignAnnotations(withoutPromise, undefined))).not.toContain(REKOR_BUNDLE);
  });
});

describe('cosignAnnotations refuses', () => {
  it('a bundle without a message signature (a DSSE bundle)', () => {
    const dsse = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: {
        publicKey: { hint: 'abc' },
        certificate: undefined,
        x509CertificateChain: undefined,
        tlogEntries: [],
        timestampVerificationData: undefined,
      },
      dsseEnvelope: { payload: 'e30=', payloadType: 'application/vnd.in-toto+json', signatures: [] },
      messageSignature: undefined,
    } satisfies SerializedBundle;
    expect(() => cosignAnnotations(dsse, undefined)).toThrow(/no signature/);
  });
});

describe('pem', () => {
  it('wraps base64 DER at 64 characters between the certificate lines, ending with a newline', () => {
    const der = Buffer.alloc(100, 7).toString('base64');
    expect(pem(der)).toBe(
      `-----BEGIN CERTIFICATE-----\n${der.slice(0, 64)}\n${der.slice(64, 128)}\n${der.slice(128)}\n-----END CERTIFICATE-----\n`,
    );
  });
});
