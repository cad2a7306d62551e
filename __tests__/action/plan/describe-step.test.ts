import { describe, expect, it } from 'vitest';
import { describeStep } from '../../../src/action/plan/describe-step.js';
import type { Step } from '../../../src/action/plan/steps.js';
import type { PlannedRetention } from '../../../src/indexes/repository-updater.js';

type RepositoryStep = Extract<Step, { step: 'update-repository' }>;

function indexStep(retention: PlannedRetention | undefined, signedBy?: string): RepositoryStep {
  return {
    step: 'update-repository',
    root: 'deb-dev',
    format: 'apt',
    repository: { root: 'deb-dev', format: 'apt', packages: [], retention },
    retention,
    signedBy,
  };
}

describe('describeStep of an index update', () => {
  it('names no retention for a tree that is not pruned', () => {
    expect(describeStep(indexStep(undefined, 'ABCD'))).toBe(
      'index    deb-dev: 0 packages (APT indexes, signed by ABCD)',
    );
  });

  it('lists every file retention would delete, one a line under the step', () => {
    const deletes = [
      'deb-dev/stable/falco-0.27.0-1-x86_64.deb',
      'deb-dev/stable/falco-0.27.0-1-x86_64.deb.asc',
    ];
    expect(describeStep(indexStep({ limit: { bytes: 10 * 2 ** 30 }, deletes })).split('\n')).toEqual([
      'index    deb-dev: 0 packages (APT indexes, keep the newest versions within 10 GiB, unsigned); retention deletes 2 files:',
      '           deb-dev/stable/falco-0.27.0-1-x86_64.deb',
      '           deb-dev/stable/falco-0.27.0-1-x86_64.deb.asc',
    ]);
  });

  it('says when retention deletes nothing, and when it could not be foreseen', () => {
    expect(describeStep(indexStep({ limit: { versions: 50 }, deletes: [] }))).toBe(
      'index    deb-dev: 0 packages (APT indexes, keep the newest 50 versions, unsigned); retention deletes nothing',
    );
    expect(describeStep(indexStep({ limit: { versions: 1 }, deletes: undefined }))).toBe(
      'index    deb-dev: 0 packages (APT indexes, keep the newest 1 version, unsigned); what retention deletes is not foreseen (another publisher was rewriting the repository)',
    );
  });
});
