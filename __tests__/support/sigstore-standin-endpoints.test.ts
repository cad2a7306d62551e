import { X509Certificate, generateKeyPairSync, sign } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateOf, signMessage } from './sigstore/runner-signing.js';
import { startSigstoreStandin, verifyBundle, type SigstoreStandin } from './sigstore-standin.js';

const WORKFLOW_REF = 'octo-org/octo-repo/.github/workflows/build.yml@refs/heads/main';
const DATA = Buffer.from('a package');

let standin: SigstoreStandin;
let otherStandin: SigstoreStandin;

beforeAll(async () => {
  standin = await startSigstoreStandin({ workflowRef: WORKFLOW_REF });
  otherStandin = await startSigstoreStandin();
});

afterAll(async () => {
  await standin.close();
  await otherStandin.close();
});

/**
 * Asks the runner's token endpoint, as @actions/core does: the audience appended to the URL's query,
 * the job's request token as bearer (null: no Authorization header).
 */
function askToken(
  of: SigstoreStandin,
  audience: string | undefined,
  bearer: string | null = of.runnerEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? null,
) {
  const query = audience === undefined ? '' : `&audience=${audience}`;
  return fetch(`${of.runnerEnv.ACTIONS_ID_TOKEN_REQUEST_URL}${query}`, {
    headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` },
  });
}

async function sigstoreToken(of: SigstoreStandin): Promise<string> {
  const response = await askToken(of, 'sigstore');
  return ((await response.json()) as { value: string }).value;
}

/** A Fulcio certificate request for a fresh key, proving it by signing `subject` (Fulcio wants the token's `sub`). */
function certificateRequest(token: string, subject: string): string {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return JSON.stringify({
    credentials: { oidcIdentityToken: token },
    publicKeyRequest: {
      publicKey: { algorithm: 'ECDSA', content: publicKey.export({ format: 'pem', type: 'spki' }) },
      proofOfPossession: sign('sha256', Buffer.from(subject), privateKey).toString('base64'),
    },
  });
}

const postSigningCert = (to: SigstoreStandin, body: string) =>
  fetch(`${to.fulcioUrl}/api/v2/signingCert`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

describe('the runner token endpoint', () => {
  it("gives a token for Sigstore with the claims of GitHub's job tokens", async () => {
    const token = await sigstoreToken(standin);
    const claims = decodeJwt(token);

    expect(decodeProtectedHeader(token).alg).toBe('RS256');
    expect(claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'sigstore',
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      repository: 'octo-org/octo-repo',
      repository_owner: 'octo-org',
      ref: 'refs/heads/main',
      ref_type: 'branch',
      workflow_ref: WORKFLOW_REF,
      job_workflow_ref: WORKFLOW_REF,
      runner_environment: 'github-hosted',
      run_attempt: '1',
    });
    expect(claims.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(claims.run_id).toMatch(/^\d+$/);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(300);
  });

  it('refuses a missing or wrong bearer token', async () => {
    expect((await askToken(standin, 'sigstore', null)).status).toBe(401);
    expect(
      (await askToken(standin, 'sigstore', otherStandin.runnerEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''))
        .status,
    ).toBe(401);
  });

  it('refuses any audience but sigstore, and none', async () => {
    expect((await askToken(standin, 'https://github.com/octo-org')).status).toBe(400);
    expect((await askToken(standin, undefined)).status).toBe(400);
  });
});

describe('Fulcio', () => {
  it('writes the job into the certificate, issued by the root it serves as its trust bundle', async () => {
    const leaf = certificateOf(await signMessage(standin, DATA));
    const response = await fetch(`${standin.fulcioUrl}/api/v2/trustBundle`);
    const { chains } = (await response.json()) as { chains: { certificates: string[] }[] };
    const root = new X509Certificate(chains[0]?.certificates[0] ?? '');
    const trusted = standin.trustedRoot as {
      certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[];
    };

    expect(chains).toHaveLength(1);
    expect(root.raw.toString('base64')).toBe(
      trusted.certificateAuthorities[0]?.certChain.certificates[0]?.rawBytes,
    );
    expect(leaf.verify(root.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toBe(`URI:https://github.com/${WORKFLOW_REF}`);
    // The GitHub extensions (source repository, commit, runner) hold the claims as text.
    for (const value of [
      'https://github.com/octo-org/octo-repo',
      standin.claims.sha ?? '',
      'github-hosted',
    ]) {
      expect(leaf.raw.includes(Buffer.from(value)), value).toBe(true);
    }
  });

  it('refuses a token another issuer signed', async () => {
    const foreign = await sigstoreToken(otherStandin);
    const response = await postSigningCert(
      standin,
      certificateRequest(foreign, decodeJwt(foreign).sub ?? ''),
    );
    expect(response.status).toBe(401);
  });

  it('refuses a key that did not sign the token subject', async () => {
    const token = await sigstoreToken(standin);
    expect((await postSigningCert(standin, certificateRequest(token, 'someone else'))).status).toBe(400);
    expect(
      (await postSigningCert(standin, certificateRequest(token, decodeJwt(token).sub ?? ''))).status,
    ).toBe(201);
  });
});

describe('failures on request', () => {
  it('answer the next requests of one endpoint with the status, then it is served again', async () => {
    const before = { ...standin.requests };
    standin.failNext({ endpoint: 'fulcio', count: 1, status: 503 });

    await expect(signMessage(standin, DATA)).rejects.toThrow(/signing certificate/);
    const bundle = await signMessage(standin, DATA);

    await verifyBundle(bundle, {
      trustedRoot: standin.trustedRoot,
      identity: standin.identity,
      artifact: DATA,
    });
    expect(standin.requests.fulcio - before.fulcio).toBe(2);
    expect(standin.requests.rekor - before.rekor).toBe(1);
  });

  it('are ridden out by a client that retries', async () => {
    const before = { ...standin.requests };
    standin.failNext({ endpoint: 'rekor', count: 2, status: 503 });

    const bundle = await signMessage(standin, DATA, 2);

    await verifyBundle(bundle, { trustedRoot: standin.trustedRoot, artifact: DATA });
    expect(standin.requests.rekor - before.rekor).toBe(3);
    expect(standin.requests.fulcio - before.fulcio).toBe(1);
  });

  it('can be asked for at start', async () => {
    const failing = await startSigstoreStandin({
      failNext: [{ endpoint: 'trustBundle', count: 1, status: 500 }],
    });
    try {
      const trustBundle = `${failing.fulcioUrl}/api/v2/trustBundle`;
      expect((await fetch(trustBundle)).status).toBe(500);
      expect((await fetch(trustBundle)).status).toBe(200);
      expect(failing.requests.trustBundle).toBe(2);
      expect((await fetch(`${failing.fulcioUrl}/api/v2/nothing`)).status).toBe(404);
    } finally {
      await failing.close();
    }
  });
});
