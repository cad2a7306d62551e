// `provenance: true` end to end: the bundled action publishes a two-architecture image (registry driver,
// to a real docker-registry) and a tarball (directory host), attesting SLSA build provenance keyless
// against a local Fulcio/Rekor stand-in with the runner's OIDC endpoint. @sigstore/verify is the judge.
import { readFile, mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layeredImage, skopeoRun, writeImageLayout, type LayeredImage } from './layered-image.js';
import { runAction, errorLine, type ActionRun } from './run-action.js';
import { startRegistry, type Credentials, type Registry } from './services/registry.js';
import { falcoPackage } from '../indexes/falco-packages.js';
import { startSigstoreStandin, verifyBundle, type SigstoreStandin } from '../support/sigstore-standin.js';

const user: Credentials = { username: 'attest-user', password: 'attest-Pw-81kq-never-shown' };
const AMD64 = { architecture: 'amd64', os: 'linux' } as const;
const ARM64 = { architecture: 'arm64', os: 'linux', variant: 'v8' } as const;
const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const SLSA = 'https://slsa.dev/provenance/v1';

/** What a GitHub runner sets for a tag push of falcosecurity/falco (the predicate is made of them). */
const RUNNER = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'falcosecurity/falco',
  GITHUB_REPOSITORY_ID: '50230989',
  GITHUB_REPOSITORY_OWNER_ID: '41437414',
  GITHUB_REF: 'refs/tags/0.41.0',
  GITHUB_SHA: '4f3a1b2c4f3a1b2c4f3a1b2c4f3a1b2c4f3a1b2c',
  GITHUB_WORKFLOW_REF: 'falcosecurity/falco/.github/workflows/release.yaml@refs/tags/0.41.0',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_ATTEMPT: '1',
  RUNNER_ENVIRONMENT: 'github-hosted',
};

interface Signature {
  subject: string;
  digest: string;
  kind: string;
  where: string;
  signer: string;
  state: string;
}

let registry: Registry;
let standin: SigstoreStandin;
let workspace: string;
let source: string;

beforeAll(async () => {
  [registry, standin] = await Promise.all([startRegistry({ htpasswd: user }), startSigstoreStandin()]);
  workspace = await mkdtemp(join(tmpdir(), 'provenance-'));
  source = await twoArchitectureSource('falco attested');
  await mkdir(join(workspace, 'build'), { recursive: true });
  falcoPackage(join(workspace, 'build'), 'falco-0.41.0-x86_64.tar.gz', ' attested');
});

afterAll(async () => {
  await Promise.all([registry?.stop(), standin?.close()]);
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

/** amd64 and arm64 images, each an OCI layout the action joins into one index. */
async function twoArchitectureSource(name: string): Promise<string> {
  const parts: string[] = [];
  for (const [arch, platform] of [
    ['x86_64', AMD64],
    ['aarch64', ARM64],
  ] as const) {
    const image: LayeredImage = layeredImage(name, { platform, layers: 2, layerBytes: 16 * 1024 });
    const hand = join(workspace, `hand-${arch}`);
    await writeImageLayout(hand, [{ image, tag: 'build' }]);
    const dir = join(workspace, 'out', `falco-${arch}`);
    await mkdir(join(dir, '..'), { recursive: true });
    await skopeoRun(['copy', `oci:${hand}:build`, `oci:${dir}:build`]);
    parts.push(`oci-layout:out/falco-${arch}:build`);
  }
  return parts.join('+');
}

function release(extra: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(
    {
      ref: 'refs/tags/0.41.0',
      'image-driver': 'registry',
      registry: registry.address,
      'registry-username': user.username,
      'registry-password': user.password,
      images: `${source} falcosecurity/falco`,
      latest: 'true',
      packages: 'build/*',
      'package-host': './download',
      provenance: 'true',
      'sigstore-fulcio-url': standin.fulcioUrl,
      'sigstore-rekor-url': standin.rekorUrl,
      ...extra,
    },
    { ...standin.runnerEnv, ...RUNNER, ...env },
    workspace,
  );
}

/** GET against the registry with the test's credentials. */
async function registryGet(path: string, accept?: string): Promise<Response> {
  const authorization = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
  return fetch(`http://${registry.address}/v2/${path}`, {
    headers: { authorization, ...(accept ? { accept } : {}) },
  });
}

async function manifestJson(repository: string, reference: string): Promise<Record<string, unknown>> {
  const reply = await registryGet(
    `${repository}/manifests/${reference}`,
    'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json',
  );
  expect(reply.status, `${repository}:${reference}`).toBe(200);
  return (await reply.json()) as Record<string, unknown>;
}

async function blob(repository: string, digest: string): Promise<Buffer> {
  const reply = await registryGet(`${repository}/blobs/${digest}`);
  expect(reply.status).toBe(200);
  return Buffer.from(await reply.arrayBuffer());
}

/** The in-toto statement a DSSE bundle signs. */
function statementOf(bundle: { dsseEnvelope?: { payload: string } }): {
  predicateType: string;
  subject: { name: string; digest: { sha256: string } }[];
  predicate: { runDetails: { metadata: { invocationId: string } } };
} {
  expect(bundle.dsseEnvelope).toBeDefined();
  return JSON.parse(Buffer.from(bundle.dsseEnvelope?.payload ?? '', 'base64').toString('utf8'));
}

describe('build provenance, keyless, for images and packages', () => {
  let first: ActionRun;
  let digests: string[];

  it('attests every image digest and the package in one statement, signed by the workflow identity', async () => {
    const before = { ...standin.requests };
    first = await release();
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    // One certificate and one log entry for the whole run.
    expect(standin.requests.fulcio - before.fulcio).toBe(1);
    expect(standin.requests.rekor - before.rekor).toBe(1);

    const index = await manifestJson('falcosecurity/falco', '0.41.0');
    const children = (index['manifests'] as { digest: string }[]).map((m) => m.digest);
    const indexDigest = JSON.parse(first.outputs.images ?? '[]')[0].digest as string;
    digests = [indexDigest, ...children];
    expect(children).toHaveLength(2);

    const bundleText = await readFile(
      join(workspace, 'download', 'bin', 'x86_64', 'falco-0.41.0-x86_64.tar.gz.sigstore.json'),
      'utf8',
    );
    const bundle = JSON.parse(bundleText);
    await verifyBundle(bundle, { trustedRoot: standin.trustedRoot, identity: standin.identity });
    const statement = statementOf(bundle);
    expect(statement.predicateType).toBe(SLSA);
    expect(statement.predicate.runDetails.metadata.invocationId).toBe(
      'https://github.com/falcosecurity/falco/actions/runs/9876543210/attempts/1',
    );
    const tarball = await readFile(
      join(workspace, 'download', 'bin', 'x86_64', 'falco-0.41.0-x86_64.tar.gz'),
    );
    expect(statement.subject).toContainEqual({
      name: 'falco-0.41.0-x86_64.tar.gz',
      digest: { sha256: createHash('sha256').update(tarball).digest('hex') },
    });
    for (const digest of digests) {
      expect(statement.subject).toContainEqual({
        name: `${registry.address}/falcosecurity/falco`,
        digest: { sha256: digest.slice('sha256:'.length) },
      });
    }
    expect(statement.subject).toHaveLength(4);
  });

  it('attaches the same bundle to each digest as a referrer (referrers tag schema on registry 2.8)', async () => {
    const packaged = await readFile(
      join(workspace, 'download', 'bin', 'x86_64', 'falco-0.41.0-x86_64.tar.gz.sigstore.json'),
    );
    for (const digest of digests) {
      const referrers = await manifestJson('falcosecurity/falco', digest.replace(':', '-'));
      const entries = referrers['manifests'] as {
        digest: string;
        artifactType: string;
        annotations: Record<string, string>;
      }[];
      const provenance = entries.filter((e) => e.annotations['dev.sigstore.bundle.predicateType'] === SLSA);
      expect(provenance).toHaveLength(1);
      expect(provenance[0]?.artifactType).toBe(BUNDLE_TYPE);
      const referrer = await manifestJson('falcosecurity/falco', provenance[0]?.digest ?? '');
      expect((referrer['subject'] as { digest: string }).digest).toBe(digest);
      const layer = (referrer['layers'] as { digest: string; mediaType: string }[])[0];
      expect(layer?.mediaType).toBe(BUNDLE_TYPE);
      expect(await blob('falcosecurity/falco', layer?.digest ?? '')).toEqual(packaged);
    }
  });

  it('reports each attestation in the signatures output and the summary', () => {
    const signatures = JSON.parse(first.outputs.signatures ?? '[]') as Signature[];
    const provenance = signatures.filter((s) => s.kind === 'provenance');
    expect(provenance).toHaveLength(4);
    expect(provenance.every((s) => s.state === 'signed')).toBe(true);
    expect(provenance.map((s) => s.digest).sort()).toEqual(
      [...digests, `sha256:${provenance.find((s) => s.subject.endsWith('.tar.gz'))?.digest.slice(7)}`].sort(),
    );
    expect(provenance[0]?.signer).toContain(standin.identity.subjectAlternativeName);
    expect(first.summary).toContain('| provenance |');
    expect(first.stdout).toContain('::group::Attest build provenance');
  });

  it('a re-run finds the provenance in place: no certificate is needed for signing, nothing is logged', async () => {
    const before = { ...standin.requests };
    const again = await release();
    expect(again.exitCode, again.stdout).toBe(0);
    expect(standin.requests.rekor).toBe(before.rekor);
    const signatures = JSON.parse(again.outputs.signatures ?? '[]') as Signature[];
    expect(signatures.filter((s) => s.kind === 'provenance').map((s) => s.state)).toEqual(
      Array(4).fill('present'),
    );
    const referrers = await manifestJson('falcosecurity/falco', digests[0]?.replace(':', '-') ?? '');
    expect(referrers['manifests']).toHaveLength(1);
  });

  it('a package replaced with overwrite gets its bundle rewritten for the new content; images keep theirs', async () => {
    falcoPackage(join(workspace, 'build'), 'falco-0.41.0-x86_64.tar.gz', ' rebuilt');
    const before = { ...standin.requests };
    const run = await release({ overwrite: 'true' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(standin.requests.rekor - before.rekor).toBe(1);
    const bundle = JSON.parse(
      await readFile(
        join(workspace, 'download', 'bin', 'x86_64', 'falco-0.41.0-x86_64.tar.gz.sigstore.json'),
        'utf8',
      ),
    );
    await verifyBundle(bundle, { trustedRoot: standin.trustedRoot, identity: standin.identity });
    const tarball = await readFile(
      join(workspace, 'download', 'bin', 'x86_64', 'falco-0.41.0-x86_64.tar.gz'),
    );
    expect(statementOf(bundle).subject).toContainEqual({
      name: 'falco-0.41.0-x86_64.tar.gz',
      digest: { sha256: createHash('sha256').update(tarball).digest('hex') },
    });
    const states = (JSON.parse(run.outputs.signatures ?? '[]') as Signature[])
      .filter((s) => s.kind === 'provenance')
      .map((s) => `${s.subject.endsWith('.tar.gz') ? 'package' : 'image'} ${s.state}`);
    expect(states.sort()).toEqual(['image present', 'image present', 'image present', 'package signed']);
  });

  it('a bundle another identity signed is not this workflow’s: verification with the expected identity fails', async () => {
    const bundle = JSON.parse(
      await readFile(
        join(workspace, 'download', 'bin', 'x86_64', 'falco-0.41.0-x86_64.tar.gz.sigstore.json'),
        'utf8',
      ),
    );
    await expect(
      verifyBundle(bundle, {
        trustedRoot: standin.trustedRoot,
        identity: {
          ...standin.identity,
          subjectAlternativeName: 'https://github.com/someone/else/.github/workflows/x.yaml@refs/heads/main',
        },
      }),
    ).rejects.toThrow();
  });

  it('without the runner OIDC token, provenance is refused before anything is published', async () => {
    const run = await runAction(
      {
        ref: 'refs/tags/0.41.1',
        'image-driver': 'registry',
        registry: registry.address,
        'registry-username': user.username,
        'registry-password': user.password,
        images: `${source} falcosecurity/falco`,
        provenance: 'true',
      },
      { ...RUNNER },
      workspace,
    );
    expect(run.exitCode).not.toBe(0);
    expect(errorLine(run)).toContain('permissions: id-token: write');
    expect((await registryGet('falcosecurity/falco/manifests/0.41.1')).status).toBe(404);
  });

  it('a dry run plans the attestation and writes nothing', async () => {
    const before = { ...standin.requests };
    const run = await release(
      { ref: 'refs/tags/0.41.2', 'dry-run': 'true', packages: '', 'package-host': '' },
      { GITHUB_REF: 'refs/tags/0.41.2' },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const plan = JSON.parse(run.outputs.plan ?? '[]') as { step: string }[];
    expect(plan.map((step) => step.step)).toContain('attest-provenance');
    expect(plan.findIndex((s) => s.step === 'attest-provenance')).toBeLessThan(
      plan.findIndex((s) => s.step === 'move-tag'),
    );
    expect(standin.requests).toEqual(before);
  });
});
