import { describe, expect, it } from 'vitest';
import { outputsOf } from '../../src/action/report/outputs.js';
import type { PlannedRepository } from '../../src/indexes/repository-updater.js';
import { resultOf } from '../fixtures/config.js';

const deletes = ['rpm-dev/falco-0.27.0-1-x86_64.rpm', 'rpm-dev/falco-0.27.0-1-x86_64.rpm.asc'];

function repository(retention: PlannedRepository['retention']): PlannedRepository {
  return { root: 'rpm-dev', format: 'yum', packages: [], retention };
}

describe('the plan output of an index update', () => {
  it('carries the retention limit and every file it would delete', () => {
    const planned = repository({ limit: { bytes: 10 * 2 ** 30 }, deletes });
    const result = resultOf({
      plan: [
        {
          step: 'update-repository',
          root: 'rpm-dev',
          format: 'yum',
          repository: planned,
          retention: planned.retention,
          signedBy: undefined,
        },
      ],
    });
    expect(JSON.parse(outputsOf(result).plan ?? '')).toEqual([
      {
        step: 'update-repository',
        root: 'rpm-dev',
        format: 'yum',
        retention: { limit: { bytes: 10737418240 }, deletes },
        packages: [],
      },
    ]);
  });

  it('has no retention for a tree that is not pruned', () => {
    const result = resultOf({
      plan: [
        {
          step: 'update-repository',
          root: 'rpm',
          format: 'yum',
          repository: repository(undefined),
          retention: undefined,
          signedBy: 'ABCD',
        },
      ],
    });
    expect(JSON.parse(outputsOf(result).plan ?? '')).toEqual([
      { step: 'update-repository', root: 'rpm', format: 'yum', signedBy: 'ABCD', packages: [] },
    ]);
  });
});

describe('the plan output of a package', () => {
  it("names the package as the user gave it, without the runner's path or the upload parts' digests", () => {
    const result = resultOf({
      plan: [
        {
          step: 'publish-package',
          file: 'build/falco-0.40.0-x86_64.tar.gz',
          localFile: '/home/runner/work/falco/build/falco-0.40.0-x86_64.tar.gz',
          path: 'bin/x86_64/falco-0.40.0-x86_64.tar.gz',
          sha256: 'a'.repeat(64),
          size: 20 * 2 ** 20,
          action: 'upload',
          parts: { partSize: 8 * 2 ** 20, sha256: ['b'.repeat(64), 'c'.repeat(64), 'd'.repeat(64)] },
        },
      ],
    });
    expect(JSON.parse(outputsOf(result).plan ?? '')).toEqual([
      {
        step: 'publish-package',
        file: 'build/falco-0.40.0-x86_64.tar.gz',
        path: 'bin/x86_64/falco-0.40.0-x86_64.tar.gz',
        sha256: 'a'.repeat(64),
        size: 20971520,
        action: 'upload',
      },
    ]);
  });
});
