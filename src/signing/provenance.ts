import { IN_TOTO_STATEMENT_V1, type Statement, type Subject } from './in-toto.js';
import type { RunnerContext } from './provenance-context.js';
import { sortedSubjects } from './provenance-subjects.js';

export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';

/** The SLSA build type of a GitHub Actions workflow run: it fixes the meaning of the parameters below. */
export const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';

/** The SLSA v1 provenance predicate of a workflow run, field for field as `@actions/attest` writes it. */
export interface ProvenancePredicate {
  readonly buildDefinition: {
    readonly buildType: typeof GITHUB_WORKFLOW_BUILD_TYPE;
    readonly externalParameters: {
      readonly workflow: { readonly ref: string; readonly repository: string; readonly path: string };
    };
    readonly internalParameters: {
      readonly github: {
        readonly event_name: string;
        readonly repository_id: string;
        readonly repository_owner_id: string;
        readonly runner_environment: string;
      };
    };
    readonly resolvedDependencies: readonly [
      { readonly uri: string; readonly digest: { readonly gitCommit: string } },
    ];
  };
  readonly runDetails: {
    readonly builder: { readonly id: string };
    readonly metadata: { readonly invocationId: string };
  };
}

export interface ProvenanceStatement extends Statement<ProvenancePredicate> {
  readonly predicateType: typeof SLSA_PROVENANCE_V1;
}

/** The provenance of everything one run published, from the run's own description. */
export function provenancePredicate(context: RunnerContext): ProvenancePredicate {
  const repositoryUrl = `${context.serverUrl}/${context.repository}`;
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: {
        workflow: { ref: context.ref, repository: repositoryUrl, path: context.workflowPath },
      },
      internalParameters: {
        github: {
          event_name: context.eventName,
          repository_id: context.repositoryId,
          repository_owner_id: context.repositoryOwnerId,
          runner_environment: context.runnerEnvironment,
        },
      },
      resolvedDependencies: [
        { uri: `git+${repositoryUrl}@${context.ref}`, digest: { gitCommit: context.sha } },
      ],
    },
    runDetails: {
      builder: { id: `${context.serverUrl}/${context.builderWorkflowRef}` },
      metadata: {
        invocationId: `${repositoryUrl}/actions/runs/${context.runId}/attempts/${context.runAttempt}`,
      },
    },
  };
}

/**
 * One statement for all the subjects a run published (images by manifest digest, packages by content),
 * each once and in a stable order. A statement must speak of something, so an empty list is a defect.
 */
export function provenanceStatement(
  subjects: readonly Subject[],
  context: RunnerContext,
): ProvenanceStatement {
  if (subjects.length === 0) throw new Error('a provenance statement needs at least one subject');
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: sortedSubjects(subjects),
    predicateType: SLSA_PROVENANCE_V1,
    predicate: provenancePredicate(context),
  };
}
