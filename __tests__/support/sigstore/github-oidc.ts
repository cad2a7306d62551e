import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

/** The issuer of the tokens GitHub gives a job, and of the certificates Fulcio makes from them. */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** The audience Sigstore clients ask for and Fulcio accepts. */
export const SIGSTORE_AUDIENCE = 'sigstore';
/** How long GitHub's tokens stay valid. */
const TOKEN_LIFETIME = '5m';

/** An OIDC provider that speaks for one GitHub job. */
export interface GitHubOidcIssuer {
  /** The job's `ACTIONS_ID_TOKEN_REQUEST_TOKEN`: the runner's credential for asking for tokens. */
  readonly requestToken: string;
  /** The job's custom claims, as every token carries them. */
  readonly claims: Readonly<Record<string, string>>;
  /** A signed token for the audience. */
  issue(audience: string): Promise<string>;
  /** The claims of a token this issuer signed for Sigstore; throws on any other token, as Fulcio refuses it. */
  verify(token: string): Promise<JWTPayload>;
}

/**
 * The custom claims GitHub documents for a job token, for a job that runs the workflow named by
 * `job_workflow_ref` (`owner/repo/.github/workflows/file.yml@refs/...`) in that workflow's own repository.
 */
export function githubJobClaims(workflowRef: string): Record<string, string> {
  const match = /^(([^/]+)\/[^/]+)\/\.github\/workflows\/[^@]+@(refs\/.+)$/.exec(workflowRef);
  if (!match?.[1] || !match[2] || !match[3]) {
    throw new Error(
      `not a job_workflow_ref (owner/repo/.github/workflows/file.yml@refs/...): ${workflowRef}`,
    );
  }
  const [, repository, owner, ref] = match;
  // A commit id that stays the same for the same workflow ref, so runs can be compared.
  const sha = createHash('sha1').update(workflowRef).digest('hex');
  return {
    sub: `repo:${repository}:ref:${ref}`,
    ref,
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    ref_protected: 'false',
    sha,
    repository,
    repository_id: '200001',
    repository_owner: owner,
    repository_owner_id: '200000',
    repository_visibility: 'public',
    actor: 'release-bot',
    actor_id: '200002',
    event_name: 'push',
    head_ref: '',
    base_ref: '',
    workflow: 'Release',
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: workflowRef,
    job_workflow_sha: sha,
    run_id: '9000000001',
    run_number: '1',
    run_attempt: '1',
    runner_environment: 'github-hosted',
  };
}

/** An issuer with a fresh RSA key (GitHub signs RS256) and a fresh request token. */
export function startGitHubOidcIssuer(workflowRef: string): GitHubOidcIssuer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const claims = githubJobClaims(workflowRef);
  const keyId = randomUUID();
  return {
    requestToken: randomBytes(24).toString('hex'),
    claims,
    issue: (audience) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keyId })
        .setIssuer(GITHUB_ISSUER)
        .setAudience(audience)
        .setJti(randomUUID())
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(TOKEN_LIFETIME)
        .sign(privateKey),
    verify: async (token) => {
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: GITHUB_ISSUER,
        audience: SIGSTORE_AUDIENCE,
      });
      return payload;
    },
  };
}
