import { describe, expect, it } from 'vitest';
import { buildPlan, type PlanInput, type PlannedPackage } from '../../../src/action/plan/plan.js';
import type { Step } from '../../../src/action/plan/steps.js';
import { decideSeries } from '../../../src/action/release/floating.js';
import { parseImageLines } from '../../../src/action/release/image-lines.js';
import type { Release } from '../../../src/action/release/release.js';
import { tagsFor, type LineTags } from '../../../src/action/release/tags.js';
import { registryHost } from '../../../src/image-drivers/image-target.js';
import type { PlannedRepository } from '../../../src/indexes/repository-updater.js';
import { userErrorOf } from '../../fixtures/errors.js';

const LINES = parseImageLines(`
falco:build          falcosecurity/falco                floating=major,minor
falco-debian:build   falcosecurity/falco                floating=minor suffix=-debian
falco-builder:build  falcosecurity/falco-builder        tags=latest
`);

function images(release: Release, published: readonly string[], latest: boolean): LineTags[] {
  return LINES.map((line) => tagsFor(release, line, latest, decideSeries(release, published)));
}

function pkg(path: string): PlannedPackage {
  const file = path.split('/').at(-1) ?? path;
  return {
    file: `build/${file}`,
    localFile: `/work/build/${file}`,
    path,
    sha256: 'a'.repeat(64),
    size: 42,
    existing: 'absent',
    contents: undefined,
  };
}

const deb: PlannedRepository = { root: 'deb', format: 'apt', packages: [], retention: undefined };

function input(overrides: Partial<PlanInput>): PlanInput {
  return {
    registry: registryHost('docker.io'),
    images: [],
    packages: [],
    overwrite: false,
    ...overrides,
  };
}

function summary(steps: readonly Step[]): string[] {
  return steps.map((step) => {
    switch (step.step) {
      case 'push':
      case 'move-tag':
      case 'sign-image':
        return `${step.step} ${step.target}`;
      case 'publish-package':
        return `publish-package ${step.path}`;
      case 'update-repository':
        return `update-repository ${step.root}`;
      case 'attest-provenance':
        return `attest-provenance ${step.images.map((image) => image.tag).join(' ')}`;
      case 'login':
        return 'login';
      case 'invalidate-cdn':
        return 'invalidate-cdn';
      case 'withdraw-packages':
      case 'resign-repository':
        return `${step.step} ${step.root}`;
    }
  });
}

describe('buildPlan with series tags and fixed tags', () => {
  it('moves X.Y, X and latest last, after the packages, the indexes and provenance; tags= with the version tags', () => {
    const plan = buildPlan(
      input({
        images: images({ version: '0.40.1', channel: 'stable' }, ['0.39.2', '0.40.0'], true),
        packages: [pkg('deb/stable/falco-0.40.1-x86_64.deb')],
        repositories: [deb],
        provenance: true,
      }),
    );
    expect(summary(plan)).toEqual([
      'push docker.io/falcosecurity/falco:0.40.1',
      'push docker.io/falcosecurity/falco:0.40.1-debian',
      'push docker.io/falcosecurity/falco-builder:latest',
      'publish-package deb/stable/falco-0.40.1-x86_64.deb',
      'update-repository deb',
      'attest-provenance 0.40.1 0.40.1-debian latest',
      'move-tag docker.io/falcosecurity/falco:0.40',
      'move-tag docker.io/falcosecurity/falco:0',
      'move-tag docker.io/falcosecurity/falco:latest',
      'move-tag docker.io/falcosecurity/falco:0.40-debian',
      'move-tag docker.io/falcosecurity/falco:latest-debian',
    ]);
  });

  it('moves only 0.39 for the backport 0.39.2 after 0.40.0: not 0, not latest', () => {
    const plan = buildPlan(
      input({ images: images({ version: '0.39.2', channel: 'stable' }, ['0.39.1', '0.40.0'], false) }),
    );
    expect(summary(plan).filter((line) => line.startsWith('move-tag'))).toEqual([
      'move-tag docker.io/falcosecurity/falco:0.39',
      'move-tag docker.io/falcosecurity/falco:0.39-debian',
    ]);
  });

  it('moves no series tag for a prerelease: only its version tags and the fixed tags', () => {
    const plan = buildPlan(
      input({ images: images({ version: '0.41.0-rc1', channel: 'prerelease' }, [], false) }),
    );
    expect(summary(plan)).toEqual([
      'push docker.io/falcosecurity/falco:0.41.0-rc1',
      'push docker.io/falcosecurity/falco:0.41.0-rc1-debian',
      'push docker.io/falcosecurity/falco-builder:latest',
    ]);
  });

  it('tells each series move what it was decided on, so it is checked again; no other step carries it', () => {
    const plan = buildPlan(
      input({ images: images({ version: '0.40.1', channel: 'stable' }, ['0.40.0'], true) }),
    );
    const series = plan.flatMap((step) =>
      step.step === 'move-tag' || step.step === 'push' ? [[step.tag, step.series]] : [],
    );
    expect(series).toEqual([
      ['0.40.1', undefined],
      ['0.40.1-debian', undefined],
      ['latest', undefined],
      ['0.40', { scope: 'minor', version: '0.40.1', suffix: '' }],
      ['0', { scope: 'major', version: '0.40.1', suffix: '' }],
      ['latest', undefined],
      ['0.40-debian', { scope: 'minor', version: '0.40.1', suffix: '-debian' }],
      ['latest-debian', undefined],
    ]);
  });

  it('moves the series tags on a mirror after the main registry, copied from its tags', () => {
    const plan = buildPlan(
      input({
        images: images({ version: '0.40.1', channel: 'stable' }, [], false).slice(0, 1),
        mirrors: ['public.ecr.aws'],
        mirrorFrom: 'registry',
      }),
    );
    expect(
      plan.map((step) => ('target' in step ? `${step.step} ${step.target} <- ${step.source}` : '')),
    ).toEqual([
      'push docker.io/falcosecurity/falco:0.40.1 <- falco:build',
      'push public.ecr.aws/falcosecurity/falco:0.40.1 <- docker://docker.io/falcosecurity/falco:0.40.1',
      'move-tag docker.io/falcosecurity/falco:0.40 <- falco:build',
      'move-tag docker.io/falcosecurity/falco:0 <- falco:build',
      'move-tag public.ecr.aws/falcosecurity/falco:0.40 <- docker://docker.io/falcosecurity/falco:0.40',
      'move-tag public.ecr.aws/falcosecurity/falco:0 <- docker://docker.io/falcosecurity/falco:0',
    ]);
    const mirrored = plan.find(
      (step) => step.step === 'move-tag' && step.target.startsWith('public.ecr.aws'),
    );
    expect(mirrored?.step === 'move-tag' && mirrored.series).toEqual({
      scope: 'minor',
      version: '0.40.1',
      suffix: '',
    });
  });

  it('on a dev run pushes the fixed tags first and signs and attests the branch tags once they moved', () => {
    const plan = buildPlan(
      input({
        images: images({ version: 'master', channel: 'dev' }, [], false),
        packages: [pkg('deb-dev/stable/falco-0.41.0-3+abc1234-x86_64.deb')],
        imageSigning: 'key',
        provenance: true,
      }),
    );
    expect(summary(plan)).toEqual([
      'push docker.io/falcosecurity/falco-builder:latest',
      'sign-image docker.io/falcosecurity/falco-builder:latest',
      'publish-package deb-dev/stable/falco-0.41.0-3+abc1234-x86_64.deb',
      'move-tag docker.io/falcosecurity/falco:master',
      'move-tag docker.io/falcosecurity/falco:master-debian',
      'sign-image docker.io/falcosecurity/falco:master',
      'sign-image docker.io/falcosecurity/falco:master-debian',
      'attest-provenance master master-debian latest',
    ]);
  });

  it('refuses a fixed tag that is the dev branch tag of another line, before anything is written', () => {
    const lines = parseImageLines(
      'falco:build falcosecurity/falco\nnightly:build falcosecurity/falco tags=master',
    );
    const release: Release = { version: 'master', channel: 'dev' };
    const error = userErrorOf(() =>
      buildPlan(input({ images: lines.map((line) => tagsFor(release, line, false)) })),
    );
    expect(error.subject).toBe('docker.io/falcosecurity/falco:master');
    expect(error.message).toContain('would be written twice (from nightly:build and falco:build)');
  });
});
