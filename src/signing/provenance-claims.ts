import { UserError } from '../util/errors.js';

/** The claims of a GitHub Actions OIDC token that build provenance reads. */
export interface TokenClaims {
  readonly ref: string;
  readonly sha: string;
  readonly repository: string;
  readonly repository_id: string;
  readonly repository_owner_id: string;
  readonly event_name: string;
  /** The workflow the run started from: `owner/repo/.github/workflows/release.yml@refs/tags/0.39.0`. */
  readonly workflow_ref: string;
  /** The workflow the job runs in: the reusable workflow's ref when the job calls one, else `workflow_ref`. */
  readonly job_workflow_ref: string;
  readonly run_id: string;
  readonly run_attempt: string;
  readonly runner_environment: string;
}

/**
 * The provenance claims of a verified token's payload. Every one must be there: a token without them was
 * not minted for a workflow job, and a statement half from the token and half from the environment
 * would mix a signed source with one any earlier step could have changed.
 */
export function tokenClaims(payload: Readonly<Record<string, unknown>>): TokenClaims {
  const missing: string[] = [];
  const claim = (name: keyof TokenClaims): string => {
    const value = payload[name];
    if (typeof value === 'string' && value !== '') return value;
    missing.push(name);
    return '';
  };
  const claims: TokenClaims = {
    ref: claim('ref'),
    sha: claim('sha'),
    repository: claim('repository'),
    repository_id: claim('repository_id'),
    repository_owner_id: claim('repository_owner_id'),
    event_name: claim('event_name'),
    workflow_ref: claim('workflow_ref'),
    job_workflow_ref: claim('job_workflow_ref'),
    run_id: claim('run_id'),
    run_attempt: claim('run_attempt'),
    runner_environment: claim('runner_environment'),
  };
  if (missing.length > 0) {
    throw new UserError(
      'provenance',
      `the OIDC token has no ${missing.join(', ')} claim${missing.length > 1 ? 's' : ''}`,
      'request it from the GitHub Actions runner in a workflow job (permissions: id-token: write)',
    );
  }
  return claims;
}
