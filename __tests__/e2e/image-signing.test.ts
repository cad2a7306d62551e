// Image signing end to end: the bundled action (dist/index.js, run as a runner runs it) publishes a
// two-architecture index with the registry driver to a real docker-registry (which has no referrers
// API, so the referrers tag schema is used) and signs it with a cosign key or keyless through a local
// Fulcio and Rekor. What it wrote is read back over plain HTTP (or from the layout's files) and judged
// by OpenSSL (the classic `.sig` signatures) and @sigstore/verify (the bundles), never by the action's code.
// Needs the Debian packages docker-registry, apache2-utils and openssl.
import { X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosignKeyPair, type CosignKeyPairText } from '../support/cosign-key-pair.js';
import { startSigstoreStandin, verifyBundle, type SigstoreStandin } from '../support/sigstore-standin.js';
import { errorLine, runAction, type ActionRun } from './run-action.js';
import type { Secret } from './services/secrets-audit.js';
import { startProxy, type CountingProxy, type ProxyExchange } from './services/proxy.js';
import { startRegistry, type Credentials, type Registry } from './services/registry.js';
import { skopeoTags } from './services/skopeo.js';
import { layoutSource, registrySource, type ArtifactSource } from './signing/artifact-source.js';
import {
  CERTIFICATE_ANNOTATION,
  CHAIN_ANNOTATION,
  childDigests,
  digestTag,
  readBundleReferrer,
  readSignatureTag,
} from './signing/image-signatures.js';
import { startOidcRecorder, type OidcRecorder } from './signing/oidc-recorder.js';
import { certificatePublicKey, certificateSubjectAltName, opensslVerifies } from './signing/openssl.js';
import {
  bundleExpectations,
  expectSignedDigests,
  layerVerifies,
  type SignedDigest,
  type SignedExpectations,
} from './signing/signature-checks.js';
import { expectSignatureRecords, signaturesOf } from './signing/signature-records.js';
import { keyFingerprint, writeTwoArchSource, type TwoArchSource } from './signing/signed-release.js';

const user: Credentials = { username: 'signing-pusher', password: 'signing-Pw-Tm48-never-shown' };
const mirrorUser: Credentials = { username: 'mirror-pusher', password: 'mirror-Pw-Jd62-only-in-config' };

/** Every temp dir the suite made, removed at the end. */
const tempDirs: string[] = [];

let registry: Registry;
/** What the action publishes to: the registry through a proxy that counts its requests. Tests read the registry itself. */
let proxy: CountingProxy;
let mirror: Registry;
let standin: SigstoreStandin;
let oidc: OidcRecorder;
let workspace = '';
let twoArch: TwoArchSource;
const key = cosignKeyPair();
const otherKey = cosignKeyPair();

beforeAll(async () => {
  [registry, mirror, standin] = await Promise.all([
    startRegistry({ htpasswd: user }),
    startRegistry({ htpasswd: mirrorUser }),
    startSigstoreStandin(),
  ]);
  proxy = await startProxy(registry.address);
  oidc = await startOidcRecorder(standin.runnerEnv);
  workspace = await mkdtemp(join(tmpdir(), 'signing-'));
  tempDirs.push(workspace);
  twoArch = await writeTwoArchSource(workspace, 'falco signed');
  // The mirror's login, as a docker/login-action step before this one leaves it.
  const dockerConfig = join(workspace, 'docker-config');
  await mkdir(dockerConfig, { recursive: true });
  const auth = Buffer.from(`${mirrorUser.username}:${mirrorUser.password}`).toString('base64');
  await writeFile(
    join(dockerConfig, 'config.json'),
    JSON.stringify({ auths: { [mirror.address]: { auth } } }),
  );
});

afterAll(async () => {
  await oidc?.close();
  await standin?.close();
  await mirror?.stop();
  await proxy?.stop();
  await registry?.stop();
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Every secret any run of this file is given or makes: none may show in a log, output or summary. */
function secrets(): Secret[] {
  return [
    { name: 'input cosign-key', value: key.privateKeyText },
    { name: 'input cosign-key (other)', value: otherKey.privateKeyText },
    { name: 'cosign-password (other)', value: otherKey.password },
    { name: 'mirror password', value: mirrorUser.password },
    {
      name: 'env ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      value: standin.runnerEnv['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] ?? '',
    },
    ...oidc.tokens.map((value, i) => ({ name: `OIDC token ${i + 1} the runner issued`, value })),
  ];
}

/**
 * Publishes the two-architecture index as `repository:0.26.0` and `:latest` with the registry driver.
 * DOCKER_CONFIG is the workspace's (the mirror's login only); `env` adds the runner's OIDC variables.
 */
async function release(
  repository: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction(
    {
      'image-driver': 'registry',
      ref: 'refs/tags/0.26.0',
      registry: proxy.address,
      'registry-username': user.username,
      'registry-password': user.password,
      images: `${twoArch.source} ${repository}`,
      latest: 'true',
      ...inputs,
    },
    { DOCKER_CONFIG: join(workspace, 'docker-config'), ...env },
    workspace,
    { secrets },
  );
}

function keyInputs(pair: CosignKeyPairText, logged: boolean): Record<string, string> {
  return {
    'image-signing': 'key',
    'cosign-key': pair.privateKeyText,
    'cosign-password': pair.password,
    'sigstore-rekor-url': standin.rekorUrl,
    'transparency-log': String(logged),
  };
}

function keylessInputs(): Record<string, string> {
  return {
    'image-signing': 'keyless',
    'sigstore-fulcio-url': standin.fulcioUrl,
    'sigstore-rekor-url': standin.rekorUrl,
  };
}

const source = (repository: string): ArtifactSource => registrySource(registry.address, repository, user);

/** The digest the `images` output gives the reference `ref`. */
function outputDigest(run: ActionRun, ref: string): string {
  const images = JSON.parse(run.outputs['images'] ?? '[]') as { ref: string; digest: string }[];
  const digest = images.find((image) => image.ref === ref)?.digest;
  expect(digest, `${ref} in ${run.outputs['images'] ?? ''}`).toBeDefined();
  return digest ?? '';
}

/** Where pushedDigests looks: the `0.26.0` tag through the proxy, read back from the registry, unless told. */
interface PushedAt {
  readonly tag?: string;
  /** The reference as the `images` output names it. */
  readonly ref?: string;
  readonly from?: ArtifactSource;
}

/** The index digest the run pushed as `tag`, and the digests of its two images as the store lists them. */
async function pushedDigests(run: ActionRun, repository: string, at: PushedAt = {}): Promise<string[]> {
  const index = outputDigest(run, at.ref ?? `${proxy.address}/${repository}:${at.tag ?? '0.26.0'}`);
  const children = await childDigests(at.from ?? source(repository), index);
  expect(children).toEqual(twoArch.images.map((image) => image.manifest.digest));
  return [index, ...children];
}

/** The requests of a run that stored anything: blob upload chunks and manifests are all PUTs. */
function puts(exchanges: readonly ProxyExchange[]): string[] {
  return exchanges.filter((e) => e.method === 'PUT').map((e) => `${e.method} ${e.url} ${e.status}`);
}

function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
}

describe('image-signing: key', () => {
  const repository = 'signing/key-logged';
  let digests: string[] = [];
  let signed = new Map<string, SignedDigest>();
  const expectations = (): SignedExpectations => ({
    dockerReference: `${proxy.address}/${repository}`,
    signer: { kind: 'key', publicKey: key.publicKeyPem },
    logged: true,
    trustedRoot: standin.trustedRoot,
  });

  it('signs the index and both images, logged in Rekor: OpenSSL and @sigstore/verify accept them', async () => {
    const rekor = standin.requests.rekor;
    const run = await release(repository, keyInputs(key, true));
    expect(run.exitCode, run.stdout).toBe(0);
    digests = await pushedDigests(run, repository);
    signed = await expectSignedDigests(source(repository), digests, expectations());
    for (const found of signed.values()) expect(found.signatureTag.layers).toHaveLength(1);
    // Each digest: one entry for the classic signature, one for the bundle's statement.
    expect(standin.requests.rekor - rekor).toBe(2 * digests.length);
    expectSignatureRecords(
      run,
      `${proxy.address}/${repository}`,
      signed,
      `public key sha256:${keyFingerprint(key.publicKeyPem)}`,
      'signed',
    );
  });

  it('is refused with another key, and for a changed payload', async () => {
    expect(signed.size).toBe(3);
    for (const [digest, found] of signed) {
      const { layer, referrer } = found;
      expect(await opensslVerifies(key.publicKeyPem, layer.signature, layer.payload), digest).toBe(true);
      expect(await opensslVerifies(otherKey.publicKeyPem, layer.signature, layer.payload), digest).toBe(
        false,
      );
      const otherDigest = digests.find((d) => d !== digest) ?? '';
      const tampered = Buffer.from(layer.payload.toString('utf8').replace(digest, otherDigest));
      expect(tampered.equals(layer.payload)).toBe(false);
      expect(await opensslVerifies(key.publicKeyPem, layer.signature, tampered), digest).toBe(false);
      await expect(
        verifyBundle(referrer.bundle, {
          ...bundleExpectations(expectations()),
          publicKey: otherKey.publicKeyPem,
        }),
      ).rejects.toThrow();
    }
  });

  it('a re-run with the same inputs finds every signature present and writes nothing', async () => {
    expect(signed.size).toBe(3);
    const rekor = standin.requests.rekor;
    const start = proxy.exchanges.length;
    const run = await release(repository, keyInputs(key, true));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(standin.requests.rekor).toBe(rekor);
    expect(puts(proxy.exchanges.slice(start))).toEqual([]);
    const again = await expectSignedDigests(source(repository), digests, expectations());
    for (const [digest, found] of signed) {
      expect(again.get(digest)?.signatureTag.manifestDigest, digest).toBe(found.signatureTag.manifestDigest);
      expect(again.get(digest)?.referrersTag.indexDigest, digest).toBe(found.referrersTag.indexDigest);
    }
    expectSignatureRecords(
      run,
      `${proxy.address}/${repository}`,
      signed,
      `public key sha256:${keyFingerprint(key.publicKeyPem)}`,
      'present',
    );
  });

  it('a re-run with another key adds its signature beside the first, each verifying with its own key', async () => {
    expect(signed.size).toBe(3);
    const run = await release(repository, keyInputs(otherKey, true));
    expect(run.exitCode, run.stdout).toBe(0);
    const other = { ...expectations(), signer: { kind: 'key' as const, publicKey: otherKey.publicKeyPem } };
    const added = await expectSignedDigests(source(repository), digests, other);
    const kept = await expectSignedDigests(source(repository), digests, expectations());
    for (const [digest, found] of added) {
      const { layers } = found.signatureTag;
      expect(layers, digest).toHaveLength(2);
      // The first signer's layer is kept as it was, the new one appended.
      expect(layers[0]?.layerDigest).toBe(signed.get(digest)?.layer.layerDigest);
      expect(layers[0]?.annotations).toEqual(signed.get(digest)?.layer.annotations);
      expect(await layerVerifies(key.publicKeyPem, layers[0]), digest).toBe(true);
      expect(await layerVerifies(otherKey.publicKeyPem, layers[1]), digest).toBe(true);
      expect(found.referrersTag.referrers.map((r) => r.digest).sort()).toEqual(
        [signed.get(digest)?.referrer.digest, found.referrer.digest].sort(),
      );
      expect(kept.get(digest)?.referrer.digest).toBe(signed.get(digest)?.referrer.digest);
    }
    expectSignatureRecords(
      run,
      `${proxy.address}/${repository}`,
      added,
      `public key sha256:${keyFingerprint(otherKey.publicKeyPem)}`,
      'signed',
    );
  });

  it('signs with transparency-log: false: no log entry, the key alone verifies', async () => {
    const unlogged = 'signing/key-unlogged';
    const rekor = standin.requests.rekor;
    const run = await release(unlogged, keyInputs(key, false));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(standin.requests.rekor).toBe(rekor);
    const found = await expectSignedDigests(source(unlogged), await pushedDigests(run, unlogged), {
      dockerReference: `${proxy.address}/${unlogged}`,
      signer: { kind: 'key', publicKey: key.publicKeyPem },
      logged: false,
    });
    // Without a log entry, a verifier that requires one (the trust root's log) refuses the bundle.
    for (const { referrer } of found.values()) {
      await expect(
        verifyBundle(referrer.bundle, { publicKey: key.publicKeyPem, trustedRoot: standin.trustedRoot }),
      ).rejects.toThrow();
    }
  });

  it('an image pushed without image-signing has no .sig and no referrers tag', async () => {
    const unsigned = 'signing/unsigned';
    const run = await release(unsigned, {});
    expect(run.exitCode, run.stdout).toBe(0);
    expect(signaturesOf(run.outputs)).toEqual([]);
    for (const digest of await pushedDigests(run, unsigned)) {
      expect(await source(unsigned).manifest(digestTag(digest, '.sig')), digest).toBeUndefined();
      expect(await source(unsigned).manifest(digestTag(digest)), digest).toBeUndefined();
    }
    expect((await skopeoTags(`${registry.address}/${unsigned}`, user)).sort()).toEqual(['0.26.0', 'latest']);
  });
});

describe('image-signing: keyless', () => {
  const repository = 'signing/keyless';
  let digests: string[] = [];
  let signed = new Map<string, SignedDigest>();
  const expectations = (): SignedExpectations => ({
    dockerReference: `${proxy.address}/${repository}`,
    signer: { kind: 'keyless', identity: standin.identity },
    logged: true,
    trustedRoot: standin.trustedRoot,
  });
  const signer = (): string => `${standin.identity.subjectAlternativeName} (${standin.identity.issuer})`;

  it('signs with one Fulcio certificate for the job, every signature logged in Rekor', async () => {
    const before = { ...standin.requests };
    const tokens = oidc.tokens.length;
    const run = await release(repository, keylessInputs(), oidc.runnerEnv);
    expect(run.exitCode, run.stdout).toBe(0);
    digests = await pushedDigests(run, repository);
    signed = await expectSignedDigests(source(repository), digests, expectations());
    // One token and one certificate for the whole run; two log entries per digest.
    expect(oidc.tokens.length - tokens).toBe(1);
    expect(standin.requests.fulcio - before.fulcio).toBe(1);
    expect(standin.requests.rekor - before.rekor).toBe(2 * digests.length);
    const root = standin.trustedRoot as {
      certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[];
    };
    const rootDer = root.certificateAuthorities[0]?.certChain.certificates[0]?.rawBytes ?? '';
    for (const [digest, { layer }] of signed) {
      const certificate = layer.annotations[CERTIFICATE_ANNOTATION] ?? '';
      expect(await certificateSubjectAltName(certificate), digest).toContain(
        `URI:${standin.identity.subjectAlternativeName}`,
      );
      // The chain annotation holds the CA that issued the certificate: the trust root's.
      const chain = new X509Certificate(layer.annotations[CHAIN_ANNOTATION] ?? '');
      expect(chain.raw.toString('base64')).toBe(rootDer);
      expect(new X509Certificate(certificate).verify(chain.publicKey), digest).toBe(true);
    }
    expectSignatureRecords(run, `${proxy.address}/${repository}`, signed, signer(), 'signed');
  });

  it('is refused for another identity, and for a changed payload', async () => {
    expect(signed.size).toBe(3);
    const otherIdentity = {
      subjectAlternativeName:
        'https://github.com/octo-org/octo-repo/.github/workflows/build.yml@refs/heads/main',
      issuer: standin.identity.issuer,
    };
    for (const [digest, { layer, referrer }] of signed) {
      await expect(
        verifyBundle(referrer.bundle, { trustedRoot: standin.trustedRoot, identity: otherIdentity }),
        digest,
      ).rejects.toThrow();
      const certificateKey = await certificatePublicKey(layer.annotations[CERTIFICATE_ANNOTATION] ?? '');
      const tampered = Buffer.from(layer.payload.toString('utf8').replace(proxy.address, mirror.address));
      expect(await opensslVerifies(certificateKey, layer.signature, tampered), digest).toBe(false);
      expect(await opensslVerifies(key.publicKeyPem, layer.signature, layer.payload), digest).toBe(false);
    }
  });

  it('a re-run finds every signature present: no new log entries, nothing written', async () => {
    expect(signed.size).toBe(3);
    const rekor = standin.requests.rekor;
    const start = proxy.exchanges.length;
    const run = await release(repository, keylessInputs(), oidc.runnerEnv);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(standin.requests.rekor).toBe(rekor);
    expect(puts(proxy.exchanges.slice(start))).toEqual([]);
    const again = await expectSignedDigests(source(repository), digests, expectations());
    for (const [digest, found] of signed) {
      expect(again.get(digest)?.signatureTag.manifestDigest, digest).toBe(found.signatureTag.manifestDigest);
      expect(again.get(digest)?.referrersTag.indexDigest, digest).toBe(found.referrersTag.indexDigest);
    }
    expectSignatureRecords(run, `${proxy.address}/${repository}`, signed, signer(), 'present');
  });

  it("without the runner's OIDC variables, fails before any push, naming permissions: id-token: write", async () => {
    const refused = 'signing/keyless-refused';
    const before = { ...standin.requests };
    const start = proxy.exchanges.length;
    const run = await release(refused, keylessInputs());
    expect(run.exitCode).not.toBe(0);
    expect(errorLines(run), run.stdout).toHaveLength(1);
    expect(errorLine(run)).toContain('permissions: id-token: write');
    expect(errorLine(run)).toContain('ACTIONS_ID_TOKEN_REQUEST_URL');
    expect(standin.requests).toEqual(before);
    expect(proxy.exchanges.slice(start).map((e) => `${e.method} ${e.url}`)).toEqual([]);
    expect(await skopeoTags(`${registry.address}/${refused}`, user)).toEqual([]);
    expect(run.outputs['signatures'] ?? '').toBe('');
  });
});

describe('image-signing: where signatures go', () => {
  it('a mirror gets the very same signatures and referrers, made once', async () => {
    const repository = 'signing/mirrored';
    const rekor = standin.requests.rekor;
    const run = await release(repository, { ...keyInputs(key, true), 'mirror-registries': mirror.address });
    expect(run.exitCode, run.stdout).toBe(0);
    const digests = await pushedDigests(run, repository);
    // Signatures name the main registry's repository on the mirror too, as the image does.
    const expectations: SignedExpectations = {
      dockerReference: `${proxy.address}/${repository}`,
      signer: { kind: 'key', publicKey: key.publicKeyPem },
      logged: true,
      trustedRoot: standin.trustedRoot,
    };
    const onPrimary = await expectSignedDigests(source(repository), digests, expectations);
    const onMirror = await expectSignedDigests(
      registrySource(mirror.address, repository, mirrorUser),
      digests,
      expectations,
    );
    expect(standin.requests.rekor - rekor).toBe(2 * digests.length);
    for (const [digest, primary] of onPrimary) {
      const mirrored = onMirror.get(digest);
      expect(mirrored?.layer.signature.equals(primary.layer.signature), digest).toBe(true);
      expect(mirrored?.layer.annotations, digest).toEqual(primary.layer.annotations);
      expect(mirrored?.signatureTag.manifestDigest, digest).toBe(primary.signatureTag.manifestDigest);
      expect(mirrored?.referrer.digest, digest).toBe(primary.referrer.digest);
      expect(mirrored?.referrersTag.indexDigest, digest).toBe(primary.referrersTag.indexDigest);
    }
    const signer = `public key sha256:${keyFingerprint(key.publicKeyPem)}`;
    expectSignatureRecords(run, `${proxy.address}/${repository}`, onPrimary, signer, 'signed');
    expectSignatureRecords(run, `${mirror.address}/${repository}`, onMirror, signer, 'signed');
    expect(signaturesOf(run.outputs)).toHaveLength(4 * digests.length);
  });

  it('a registry that keeps the referrers API gets the referrer alone, no referrers tag', async () => {
    // docker-registry 2.8 has no referrers API; this proxy answers a manifest PUT by digest (how
    // referrers are written) with `OCI-Subject`, as a registry that indexed the referrer does. The
    // action only looks for the header; the listing itself is the registry's business.
    const apiRegistry = await startProxy(registry.address, {
      headers: (exchange, headers) => {
        if (exchange.method === 'PUT' && /\/manifests\/sha256:/.test(exchange.url)) {
          headers['oci-subject'] = 'sha256:indexed';
        }
      },
    });
    try {
      const repository = 'signing/referrers-api';
      const run = await release(repository, { ...keyInputs(key, false), registry: apiRegistry.address });
      expect(run.exitCode, run.stdout).toBe(0);
      const digests = await pushedDigests(run, repository, {
        ref: `${apiRegistry.address}/${repository}:0.26.0`,
      });
      const records = signaturesOf(run.outputs);
      for (const digest of digests) {
        expect(await source(repository).manifest(digestTag(digest)), digest).toBeUndefined();
        const signatureTag = await readSignatureTag(source(repository), digest);
        const layer = signatureTag?.layers[0];
        expect(await layerVerifies(key.publicKeyPem, layer), digest).toBe(true);
        const bundle = records.find((r) => r.digest === digest && r.kind === 'sigstore-bundle');
        expect(bundle?.where, digest).toMatch(/@sha256:[0-9a-f]{64}$/);
        const referrer = await readBundleReferrer(source(repository), bundle?.where.split('@')[1] ?? '');
        expect(referrer.subjectDigest).toBe(digest);
        await verifyBundle(referrer.bundle, { publicKey: key.publicKeyPem });
      }
    } finally {
      await apiRegistry.stop();
    }
  });

  it('a dev build is signed once its branch tag is in place', async () => {
    const repository = 'signing/dev';
    const run = await release(repository, {
      ...keyInputs(key, false),
      ref: 'refs/heads/master',
      latest: 'auto',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const plan = (JSON.parse(run.outputs['plan'] ?? '[]') as { step: string; target?: string }[]).map(
      (step) => `${step.step} ${step.target ?? ''}`,
    );
    const target = `${proxy.address}/${repository}:master`;
    expect(plan.filter((step) => step.endsWith(target))).toEqual([
      `move-tag ${target}`,
      `sign-image ${target}`,
    ]);
    const digests = await pushedDigests(run, repository, { tag: 'master' });
    await expectSignedDigests(source(repository), digests, {
      dockerReference: `${proxy.address}/${repository}`,
      signer: { kind: 'key', publicKey: key.publicKeyPem },
      logged: false,
    });
  });

  it("one image in two repositories: each repository's signatures name that repository", async () => {
    const repositories = ['signing/twin-a', 'signing/twin-b'];
    const rekor = standin.requests.rekor;
    const run = await release(repositories[0] ?? '', {
      ...keyInputs(key, true),
      images: repositories.map((repository) => `${twoArch.source} ${repository}`).join('\n'),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    for (const repository of repositories) {
      const digests = await pushedDigests(run, repository);
      await expectSignedDigests(source(repository), digests, {
        dockerReference: `${proxy.address}/${repository}`,
        signer: { kind: 'key', publicKey: key.publicKeyPem },
        logged: true,
        trustedRoot: standin.trustedRoot,
      });
    }
    expect(standin.requests.rekor - rekor).toBe(2 * 3 * repositories.length);
  });

  it('registry: oci-layout:<dir> gets the .sig and referrers tags in its index.json', async () => {
    const repository = 'falcosecurity/falco';
    const dir = join(workspace, 'signed-layout');
    const run = await release(repository, {
      ...keyInputs(key, false),
      registry: 'oci-layout:signed-layout',
      'registry-username': '',
      'registry-password': '',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const layout = layoutSource(dir, repository);
    const digests = await pushedDigests(run, repository, {
      ref: `oci-layout:${dir}:${repository}:0.26.0`,
      from: layout,
    });
    const names = (
      JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as {
        manifests: { annotations?: Record<string, string> }[];
      }
    ).manifests.map((m) => m.annotations?.['org.opencontainers.image.ref.name']);
    for (const digest of digests) {
      expect(names).toContain(`${repository}:${digestTag(digest, '.sig')}`);
      expect(names).toContain(`${repository}:${digestTag(digest)}`);
    }
    const found = await expectSignedDigests(layout, digests, {
      dockerReference: repository,
      signer: { kind: 'key', publicKey: key.publicKeyPem },
      logged: false,
    });
    const signer = `public key sha256:${keyFingerprint(key.publicKeyPem)}`;
    // A layout's signatures are named by its directory and the name inside it.
    expectSignatureRecords(run, `${dir} ${repository}`, found, signer, 'signed');
  });
});

describe('image-signing in a dry run, and refused up front', () => {
  it('a dry run plans sign-image steps and writes nothing', async () => {
    const repository = 'signing/dry-run';
    const rekor = standin.requests.rekor;
    const start = proxy.exchanges.length;
    const run = await release(repository, { ...keyInputs(key, true), 'dry-run': 'true' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(puts(proxy.exchanges.slice(start))).toEqual([]);
    const plan = JSON.parse(run.outputs['plan'] ?? '[]') as { step: string }[];
    expect(plan.filter((step) => step.step === 'sign-image')).toEqual([
      {
        step: 'sign-image',
        source: twoArch.source,
        target: `${proxy.address}/${repository}:0.26.0`,
        registry: proxy.address,
        repository,
        tag: '0.26.0',
        signedAs: `${proxy.address}/${repository}`,
        signing: 'key',
      },
    ]);
    // Signed after the version tag is pushed, before latest moves.
    const steps = plan.map((step) => step.step);
    expect(steps.indexOf('sign-image')).toBeGreaterThan(steps.indexOf('push'));
    expect(steps.indexOf('sign-image')).toBeLessThan(steps.indexOf('move-tag'));
    expect(signaturesOf(run.outputs)).toEqual([]);
    expect(run.summary).toContain('Signatures (planned)');
    expect(standin.requests.rekor).toBe(rekor);
    expect(await skopeoTags(`${registry.address}/${repository}`, user)).toEqual([]);
  });

  it('a wrong cosign-password fails with one error naming it, before anything is pushed', async () => {
    const repository = 'signing/wrong-password';
    const start = proxy.exchanges.length;
    const run = await release(repository, {
      ...keyInputs(key, true),
      'cosign-password': `${key.password}-wrong`,
    });
    expect(run.exitCode).not.toBe(0);
    expect(errorLines(run), run.stdout).toHaveLength(1);
    expect(errorLine(run)).toMatch(/^cosign-password: /);
    // The key is opened before the registry is asked anything.
    expect(proxy.exchanges.slice(start).map((e) => `${e.method} ${e.url}`)).toEqual([]);
    expect(await skopeoTags(`${registry.address}/${repository}`, user)).toEqual([]);
  });
});
