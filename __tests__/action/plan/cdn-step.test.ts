import { describe, expect, it } from 'vitest';
import { describeStep } from '../../../src/action/plan/describe-step.js';
import { buildPlan, type PlanInput, type PlannedPackage } from '../../../src/action/plan/plan.js';
import type { Step } from '../../../src/action/plan/steps.js';
import { parseImageLines } from '../../../src/action/release/image-lines.js';
import type { Release } from '../../../src/action/release/release.js';
import { tagsFor } from '../../../src/action/release/tags.js';
import type { PlannedRepository } from '../../../src/indexes/repository-updater.js';
import { registryHost } from '../../../src/image-drivers/image-target.js';

// Where the CDN invalidation goes in a plan: right after the host's last write, so that with
// cloudfront-wait the floating tags move only once the cache serves the new indexes.

const LINES = parseImageLines('falco:local falcosecurity/falco');
const stable: Release = { version: '0.26.0', channel: 'stable' };
const master: Release = { version: 'master', channel: 'dev' };
const CDN = { distribution: 'E2QWRUHEXAMPLE', root: '/packages', wait: true };

function pkg(path: string): PlannedPackage {
  return {
    file: `build/${path.split('/').at(-1)}`,
    localFile: `/w/${path}`,
    path,
    sha256: 'a'.repeat(64),
    size: 1,
    existing: 'absent',
    contents: undefined,
  };
}

const repository: PlannedRepository = { root: 'deb', format: 'apt', packages: [], retention: undefined };

function plan(release: Release, overrides: Partial<PlanInput>): string[] {
  return buildPlan({
    registry: registryHost('127.0.0.1:5000'),
    images: LINES.map((line) => tagsFor(release, line, true)),
    packages: [pkg('deb/stable/falco-0.26.0-x86_64.deb')],
    repositories: [repository],
    overwrite: false,
    cdn: CDN,
    ...overrides,
  }).map((step: Step) =>
    step.step === 'push' || step.step === 'move-tag' ? `${step.step} ${step.tag}` : step.step,
  );
}

describe('the invalidate-cdn step', () => {
  it('comes after the indexes and before latest moves', () => {
    expect(plan(stable, {})).toEqual([
      'push 0.26.0',
      'publish-package',
      'update-repository',
      'invalidate-cdn',
      'move-tag latest',
    ]);
  });

  it('comes after provenance bundles are written beside the packages', () => {
    expect(plan(stable, { provenance: true })).toEqual([
      'push 0.26.0',
      'publish-package',
      'update-repository',
      'attest-provenance',
      'invalidate-cdn',
      'move-tag latest',
    ]);
  });

  it('of a dev build with provenance, comes last: the bundles are written after the branch tag', () => {
    expect(plan(master, { provenance: true })).toEqual([
      'publish-package',
      'update-repository',
      'move-tag master',
      'attest-provenance',
      'invalidate-cdn',
    ]);
  });

  it('is not planned without packages, nor without a distribution', () => {
    expect(plan(stable, { packages: [], repositories: [] })).toEqual(['push 0.26.0', 'move-tag latest']);
    expect(plan(stable, { cdn: undefined })).not.toContain('invalidate-cdn');
  });

  it('carries the distribution, the host root and the wait, and reads plainly in a dry run', () => {
    const steps = buildPlan({
      registry: registryHost('127.0.0.1:5000'),
      images: [],
      packages: [pkg('rpm/falco-0.26.0-x86_64.rpm')],
      overwrite: false,
      cdn: CDN,
    });
    const step = steps.find((s) => s.step === 'invalidate-cdn');
    expect(step).toEqual({ step: 'invalidate-cdn', ...CDN });
    expect(step && describeStep(step)).toBe(
      'cdn      invalidate what this run replaces (indexes, their signatures, replaced packages) in CloudFront distribution E2QWRUHEXAMPLE, and wait until it completes',
    );
  });
});
