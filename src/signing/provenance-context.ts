import { UserError } from '../util/errors.js';
import type { TokenClaims } from './provenance-claims.js';

/** What a build provenance statement says about the workflow run that published. */
export interface RunnerContext {
  /** `https://github.com`, or a GitHub Enterprise server. */
  readonly serverUrl: string;
  /** `owner/repo`. */
  readonly repository: string;
  readonly repositoryId: string;
  readonly repositoryOwnerId: string;
  /** The ref the run was triggered for: `refs/tags/0.39.0`. */
  readonly ref: string;
  /** The commit of `ref` the run checked out. */
  readonly sha: string;
  /** The top-level workflow file in the repository: `.github/workflows/release.yml`. */
  readonly workflowPath: string;
  /** The workflow the job runs in, `owner/repo/<path>@<ref>`: the builder the statement names. */
  readonly builderWorkflowRef: string;
  readonly eventName: string;
  readonly runId: string;
  readonly runAttempt: string;
  /** `github-hosted` or `self-hosted`. */
  readonly runnerEnvironment: string;
}

/** The variables the runner sets for every step, and the token claim each one matches. */
const VARIABLES = {
  GITHUB_REPOSITORY: 'repository',
  GITHUB_REPOSITORY_ID: 'repository_id',
  GITHUB_REPOSITORY_OWNER_ID: 'repository_owner_id',
  GITHUB_REF: 'ref',
  GITHUB_SHA: 'sha',
  GITHUB_WORKFLOW_REF: 'workflow_ref',
  GITHUB_EVENT_NAME: 'event_name',
  GITHUB_RUN_ID: 'run_id',
  GITHUB_RUN_ATTEMPT: 'run_attempt',
  RUNNER_ENVIRONMENT: 'runner_environment',
} as const satisfies Record<string, keyof TokenClaims>;

type Variable = keyof typeof VARIABLES;

const RUNNER_REMEDY = "provenance needs the GitHub Actions runner's GITHUB_* variables: run it in a workflow";

/**
 * The run as the runner describes it. With the claims of the job's verified OIDC token, the claims win
 * and only GITHUB_SERVER_URL is read (no claim carries it), as `@actions/attest` builds its predicate: the
 * token is signed by GitHub and is the one the signing certificate is issued for, so the statement then
 * says what the certificate says, while the variables are only what the process was started with.
 * Without claims every field comes from the variables; the one difference is the builder, which is then
 * GITHUB_WORKFLOW_REF, the top-level workflow, where the token's job_workflow_ref names the reusable
 * workflow a job runs in when it calls one.
 */
export function runnerContext(env: NodeJS.ProcessEnv, claims?: TokenClaims): RunnerContext {
  const wanted: string[] = claims ? ['GITHUB_SERVER_URL'] : ['GITHUB_SERVER_URL', ...Object.keys(VARIABLES)];
  const missing = wanted.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new UserError(
      'provenance',
      `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set`,
      RUNNER_REMEDY,
    );
  }
  const serverUrl = env['GITHUB_SERVER_URL'] ?? '';
  const value = (variable: Variable): string =>
    claims ? claims[VARIABLES[variable]] : (env[variable] ?? '');
  const repository = value('GITHUB_REPOSITORY');
  const workflowRef = value('GITHUB_WORKFLOW_REF');
  return {
    serverUrl,
    repository,
    repositoryId: value('GITHUB_REPOSITORY_ID'),
    repositoryOwnerId: value('GITHUB_REPOSITORY_OWNER_ID'),
    ref: value('GITHUB_REF'),
    sha: value('GITHUB_SHA'),
    workflowPath: workflowPath(
      workflowRef,
      repository,
      claims ? 'the workflow_ref claim' : 'GITHUB_WORKFLOW_REF',
    ),
    builderWorkflowRef: claims ? claims.job_workflow_ref : workflowRef,
    eventName: value('GITHUB_EVENT_NAME'),
    runId: value('GITHUB_RUN_ID'),
    runAttempt: value('GITHUB_RUN_ATTEMPT'),
    runnerEnvironment: value('RUNNER_ENVIRONMENT'),
  };
}

/**
 * `owner/repo/.github/workflows/release.yml@refs/tags/0.39.0` → `.github/workflows/release.yml`. The path
 * ends at the first `@`, since a tag may hold one (`pkg@1.0.0`) but a workflow file name does not.
 */
function workflowPath(workflowRef: string, repository: string, source: string): string {
  const prefix = `${repository}/`;
  const at = workflowRef.indexOf('@', prefix.length);
  if (!workflowRef.startsWith(prefix) || at <= prefix.length) {
    throw new UserError(
      'provenance',
      `${source} is ${workflowRef}, not ${prefix}<workflow file>@<ref>`,
      RUNNER_REMEDY,
    );
  }
  return workflowRef.slice(prefix.length, at);
}
