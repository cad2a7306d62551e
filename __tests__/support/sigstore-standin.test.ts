import { generateKeyPairSync, sign } from 'node:crypto';
import { DSSEBundleBuilder, MessageSignatureBundleBuilder, RekorWitness, type Signer } from '@sigstore/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRunnerJob, certificateOf, keyless, serialized, signMessage } from './sigstore/runner-signing.js';
import { startSigstoreStandin, verifyBundle, type SigstoreStandin } from './sigstore-standin.js';

const ARTIFACT = Buffer.from('falco-0.41.0-x86_64.tar.gz contents');
const STATEMENT = Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [] }));
const IN_TOTO = 'application/vnd.in-toto+json';

const signArtifact = (standin: SigstoreStandin) => signMessage(standin, ARTIFACT);

const signStatement = (standin: SigstoreStandin) =>
  asRunnerJob(standin, async () =>
    serialized(await new DSSEBundleBuilder(keyless(standin)).create({ data: STATEMENT, type: IN_TOTO })),
  );

let standin: SigstoreStandin;
let otherStandin: SigstoreStandin;

beforeAll(async () => {
  standin = await startSigstoreStandin();
  otherStandin = await startSigstoreStandin({
    workflowRef: 'octo-org/octo-repo/.github/workflows/build.yml@refs/heads/main',
  });
});

afterAll(async () => {
  await standin.close();
  await otherStandin.close();
});

describe('keyless message signatures', () => {
  it('are verified for the job identity the certificate carries', async () => {
    const before = { ...standin.requests };
    const bundle = await signArtifact(standin);

    await verifyBundle(bundle, {
      trustedRoot: standin.trustedRoot,
      identity: standin.identity,
      artifact: ARTIFACT,
    });
    expect(standin.identity).toEqual({
      subjectAlternativeName:
        'https://github.com/falcosecurity/falco/.github/workflows/release.yaml@refs/tags/0.41.0',
      issuer: 'https://token.actions.githubusercontent.com',
    });
    expect(certificateOf(bundle).subjectAltName).toBe(`URI:${standin.identity.subjectAlternativeName}`);
    expect(standin.requests.oidc - before.oidc).toBe(1);
    expect(standin.requests.fulcio - before.fulcio).toBe(1);
    expect(standin.requests.rekor - before.rekor).toBe(1);
  });

  it('are refused for another identity or issuer', async () => {
    const bundle = await signArtifact(standin);
    const other = { trustedRoot: standin.trustedRoot, artifact: ARTIFACT };

    await expect(verifyBundle(bundle, { ...other, identity: otherStandin.identity })).rejects.toThrow(
      /identity/i,
    );
    await expect(
      verifyBundle(bundle, {
        ...other,
        identity: { ...standin.identity, issuer: 'https://accounts.google.com' },
      }),
    ).rejects.toThrow(/issuer/i);
  });

  it('are refused for other bytes', async () => {
    const bundle = await signArtifact(standin);
    const tampered = Buffer.from(ARTIFACT);
    tampered[0] = (tampered[0] ?? 0) ^ 1;

    await expect(
      verifyBundle(bundle, {
        trustedRoot: standin.trustedRoot,
        identity: standin.identity,
        artifact: tampered,
      }),
    ).rejects.toThrow(/signature verification failed/);
  });

  it("are refused when another stand-in's CA issued the certificate", async () => {
    const bundle = await signArtifact(otherStandin);
    await verifyBundle(bundle, { trustedRoot: otherStandin.trustedRoot, artifact: ARTIFACT });

    await expect(
      verifyBundle(bundle, { trustedRoot: standin.trustedRoot, artifact: ARTIFACT }),
    ).rejects.toThrow(/certificate chain/);
  });

  it('need the artifact to be verified', async () => {
    const bundle = await signArtifact(standin);
    await expect(verifyBundle(bundle, { trustedRoot: standin.trustedRoot })).rejects.toThrow(/artifact/);
  });
});

describe('keyless DSSE bundles', () => {
  it('are verified for the job identity', async () => {
    const bundle = await signStatement(standin);
    await verifyBundle(bundle, { trustedRoot: standin.trustedRoot, identity: standin.identity });
    expect((bundle as { dsseEnvelope: { payloadType: string } }).dsseEnvelope.payloadType).toBe(IN_TOTO);
  });

  it('are refused for another identity', async () => {
    const bundle = await signStatement(standin);
    await expect(
      verifyBundle(bundle, { trustedRoot: standin.trustedRoot, identity: otherStandin.identity }),
    ).rejects.toThrow(/identity/i);
  });

  it('are refused when the payload changed', async () => {
    const bundle = (await signStatement(standin)) as { dsseEnvelope: { payload: string } };
    const changed = Buffer.from(STATEMENT.toString().replace('"subject":[]', '"subject":[{}]'));
    const tampered = {
      ...bundle,
      dsseEnvelope: { ...bundle.dsseEnvelope, payload: changed.toString('base64') },
    };

    await expect(verifyBundle(tampered, { trustedRoot: standin.trustedRoot })).rejects.toThrow(
      /payload hash mismatch/,
    );
  });

  it("are refused when another stand-in's CA issued the certificate", async () => {
    const bundle = await signStatement(otherStandin);
    await expect(verifyBundle(bundle, { trustedRoot: standin.trustedRoot })).rejects.toThrow(
      /certificate chain/,
    );
  });
});

describe('key-based bundles', () => {
  /** A Signer over a local P-256 key, as a release key would sign. */
  function keySigner(): { signer: Signer; publicKey: string } {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const signer: Signer = {
      sign: async (data) => ({
        signature: sign('sha256', data, privateKey),
        key: { $case: 'publicKey', publicKey: pem, hint: 'release-key' },
      }),
    };
    return { signer, publicKey: pem };
  }

  it("logged in Rekor are verified against the key, refused against another key or another stand-in's log", async () => {
    const { signer, publicKey } = keySigner();
    const witnesses = [new RekorWitness({ rekorBaseURL: standin.rekorUrl })];
    const bundle = serialized(
      await new MessageSignatureBundleBuilder({ signer, witnesses }).create({ data: ARTIFACT }),
    );
    const trustedRoot = standin.trustedRoot;

    await verifyBundle(bundle, { trustedRoot, publicKey, artifact: ARTIFACT });
    await expect(
      verifyBundle(bundle, { trustedRoot, publicKey: keySigner().publicKey, artifact: ARTIFACT }),
    ).rejects.toThrow(/signature verification failed/);
    await expect(
      verifyBundle(bundle, { trustedRoot: otherStandin.trustedRoot, publicKey, artifact: ARTIFACT }),
    ).rejects.toThrow(/inclusion promise/);
  });

  it('not logged are verified against the key alone and refused against another', async () => {
    const { signer, publicKey } = keySigner();
    const bundle = serialized(
      await new MessageSignatureBundleBuilder({ signer, witnesses: [] }).create({ data: ARTIFACT }),
    );

    await verifyBundle(bundle, { publicKey, artifact: ARTIFACT });
    await expect(
      verifyBundle(bundle, { publicKey: keySigner().publicKey, artifact: ARTIFACT }),
    ).rejects.toThrow(/signature verification failed/);
  });
});
