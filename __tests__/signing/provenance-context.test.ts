import { describe, expect, it } from 'vitest';
import { tokenClaims, type TokenClaims } from '../../src/signing/provenance-claims.js';
import { runnerContext } from '../../src/signing/provenance-context.js';
import { UserError } from '../../src/util/errors.js';
import { RELEASE_ENV } from './provenance-fixture.js';

const READ_VARIABLES = [
  'GITHUB_SERVER_URL',
  'GITHUB_REPOSITORY',
  'GITHUB_REPOSITORY_ID',
  'GITHUB_REPOSITORY_OWNER_ID',
  'GITHUB_REF',
  'GITHUB_SHA',
  'GITHUB_WORKFLOW_REF',
  'GITHUB_EVENT_NAME',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_ATTEMPT',
  'RUNNER_ENVIRONMENT',
];

const CLAIMS: TokenClaims = {
  ref: 'refs/tags/0.39.0',
  sha: 'a3d7c2f1e0b9a8d7c6b5a4f3e2d1c0b9a8f7e6d5',
  repository: 'falcosecurity/falco',
  repository_id: '62939340',
  repository_owner_id: '32009367',
  event_name: 'release',
  workflow_ref: 'falcosecurity/falco/.github/workflows/release.yaml@refs/tags/0.39.0',
  job_workflow_ref: 'falcosecurity/falco/.github/workflows/release.yaml@refs/tags/0.39.0',
  run_id: '11262651489',
  run_attempt: '2',
  runner_environment: 'github-hosted',
};

const without = (...names: string[]): Record<string, string> =>
  Object.fromEntries(Object.entries(RELEASE_ENV).filter(([name]) => !names.includes(name)));

/** The error a call throws, so its fields can be checked. */
function thrown(call: () => unknown): UserError {
  try {
    call();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('runnerContext', () => {
  it('reads the run from the runner variables', () => {
    expect(runnerContext(RELEASE_ENV)).toStrictEqual({
      serverUrl: 'https://github.com',
      repository: 'falcosecurity/falco',
      repositoryId: '62939340',
      repositoryOwnerId: '32009367',
      ref: 'refs/tags/0.39.0',
      sha: 'a3d7c2f1e0b9a8d7c6b5a4f3e2d1c0b9a8f7e6d5',
      workflowPath: '.github/workflows/release.yaml',
      builderWorkflowRef: 'falcosecurity/falco/.github/workflows/release.yaml@refs/tags/0.39.0',
      eventName: 'release',
      runId: '11262651489',
      runAttempt: '2',
      runnerEnvironment: 'github-hosted',
    });
  });

  it.each(READ_VARIABLES)('refuses to run without %s, naming it', (name) => {
    const error = thrown(() => runnerContext(without(name)));
    expect(error.subject).toBe('provenance');
    expect(error.problem).toBe(`${name} is not set`);
    expect(error.remedy).toBe(
      "provenance needs the GitHub Actions runner's GITHUB_* variables: run it in a workflow",
    );
  });

  it('takes an empty variable for a missing one, and names every one missing', () => {
    const error = thrown(() => runnerContext({ ...without('GITHUB_RUN_ID'), GITHUB_SHA: '' }));
    expect(error.problem).toBe('GITHUB_SHA, GITHUB_RUN_ID are not set');
  });

  it('with claims, needs only GITHUB_SERVER_URL, which no claim carries', () => {
    const context = runnerContext({ GITHUB_SERVER_URL: 'https://github.com' }, CLAIMS);
    expect(context).toStrictEqual(runnerContext(RELEASE_ENV));
    expect(thrown(() => runnerContext(without('GITHUB_SERVER_URL'), CLAIMS)).problem).toBe(
      'GITHUB_SERVER_URL is not set',
    );
  });

  it('with claims, ignores variables that disagree with them', () => {
    const forged = { ...RELEASE_ENV, GITHUB_SHA: '0'.repeat(40), GITHUB_REF: 'refs/heads/forged' };
    const context = runnerContext(forged, CLAIMS);
    expect(context.sha).toBe(CLAIMS.sha);
    expect(context.ref).toBe(CLAIMS.ref);
  });

  it('keeps a tag holding @ in the ref, out of the workflow path', () => {
    const env = {
      ...RELEASE_ENV,
      GITHUB_WORKFLOW_REF: 'falcosecurity/falco/.github/workflows/release.yaml@refs/tags/pkg@1.0.0',
    };
    expect(runnerContext(env).workflowPath).toBe('.github/workflows/release.yaml');
  });

  it.each([
    ['another repository', 'someone/else/.github/workflows/release.yaml@refs/tags/0.39.0'],
    ['no ref', 'falcosecurity/falco/.github/workflows/release.yaml'],
    ['no path', 'falcosecurity/falco/@refs/tags/0.39.0'],
  ])('refuses a workflow ref of %s', (_, workflowRef) => {
    const error = thrown(() => runnerContext({ ...RELEASE_ENV, GITHUB_WORKFLOW_REF: workflowRef }));
    expect(error.subject).toBe('provenance');
    expect(error.problem).toContain(`GITHUB_WORKFLOW_REF is ${workflowRef}`);
  });

  it('names the claim, not the variable, when the claimed workflow ref is malformed', () => {
    const claims = { ...CLAIMS, workflow_ref: 'falcosecurity/falco/release.yaml' };
    expect(thrown(() => runnerContext(RELEASE_ENV, claims)).problem).toContain('the workflow_ref claim is');
  });
});

describe('tokenClaims', () => {
  it('keeps the provenance claims of a payload and drops the rest', () => {
    const payload = {
      ...CLAIMS,
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'sigstore',
      exp: 1,
    };
    expect(tokenClaims(payload)).toStrictEqual(CLAIMS);
  });

  it('refuses a payload without a claim, or with one that is not a string, naming each', () => {
    const payload: Record<string, unknown> = { ...CLAIMS, run_id: 11262651489 };
    delete payload['job_workflow_ref'];
    const error = thrown(() => tokenClaims(payload));
    expect(error.subject).toBe('provenance');
    expect(error.problem).toBe('the OIDC token has no job_workflow_ref, run_id claims');
  });
});
