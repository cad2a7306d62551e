import { describe, expect, it } from 'vitest';
import { registryHost } from '../../../src/image-drivers/image-target.js';
import { buildPlan, type PlanInput, type PlannedPackage } from '../../../src/action/plan/plan.js';
import type { Step } from '../../../src/action/plan/steps.js';
import { parseImageLines } from '../../../src/action/release/image-lines.js';
import type { Release } from '../../../src/action/release/release.js';
import { tagsFor, type LineTags } from '../../../src/action/release/tags.js';
import type { PlannedRepository } from '../../../src/indexes/repository-updater.js';

const DOCKER_HUB = registryHost('docker.io');
const MIRROR = 'public.ecr.aws';
const SEED = parseImageLines(`
falco:local                falcosecurity/falco
falco-no-driver:local      falcosecurity/falco                 suffix=-slim
falco-no-driver:local      falcosecurity/falco-no-driver
`);

const stable: Release = { version: '0.26.0', channel: 'stable' };
const rc: Release = { version: '0.27.0-rc1', channel: 'prerelease' };
const master: Release = { version: 'master', channel: 'dev' };

function images(release: Release, latest: boolean): LineTags[] {
  return SEED.map((line) => tagsFor(release, line, latest));
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

const repository = (root: string, format: PlannedRepository['format']): PlannedRepository => ({
  root,
  format,
  packages: [],
  retention: undefined,
});

function input(overrides: Partial<PlanInput>): PlanInput {
  return {
    registry: DOCKER_HUB,
    mirrors: [MIRROR],
    mirrorFrom: 'registry',
    username: 'falcoci',
    images: [],
    packages: [],
    imageSigning: 'key',
    overwrite: false,
    ...overrides,
  };
}

/** One line a step, enough to read the order at a glance; sign steps show the name they sign for. */
function summary(steps: readonly Step[]): string[] {
  return steps.map((step) => {
    switch (step.step) {
      case 'login':
        return `login ${step.registry}`;
      case 'push':
      case 'move-tag':
        return `${step.step} ${step.target}`;
      case 'sign-image':
        return `sign-image ${step.target} as ${step.signedAs}`;
      case 'publish-package':
        return `publish-package ${step.path}`;
      case 'update-repository':
        return `update-repository ${step.root}`;
      case 'attest-provenance':
        return `attest-provenance ${step.images.map((image) => image.target).join(' ')} | ${step.packages.map((p) => p.path).join(' ')}`;
      case 'invalidate-cdn':
        return `invalidate-cdn ${step.distribution}${step.wait ? ' wait' : ''}`;
      case 'withdraw-packages':
      case 'resign-repository':
        return `${step.step} ${step.root}`;
    }
  });
}

const signSteps = (steps: readonly Step[]) => steps.filter((step) => step.step === 'sign-image');

describe('buildPlan with image-signing: sign steps', () => {
  it('stable release with latest: pushes, then signs (main, then mirrors), then packages, indexes, floating tags', () => {
    const plan = buildPlan(
      input({
        images: images(stable, true),
        packages: [pkg('deb/stable/falco-0.26.0-x86_64.deb'), pkg('rpm/falco-0.26.0-x86_64.rpm')],
        repositories: [repository('deb', 'apt'), repository('rpm', 'yum')],
      }),
    );
    expect(summary(plan)).toEqual([
      'login docker.io',
      'push docker.io/falcosecurity/falco:0.26.0',
      'push docker.io/falcosecurity/falco:0.26.0-slim',
      'push docker.io/falcosecurity/falco-no-driver:0.26.0',
      'push public.ecr.aws/falcosecurity/falco:0.26.0',
      'push public.ecr.aws/falcosecurity/falco:0.26.0-slim',
      'push public.ecr.aws/falcosecurity/falco-no-driver:0.26.0',
      'sign-image docker.io/falcosecurity/falco:0.26.0 as index.docker.io/falcosecurity/falco',
      'sign-image docker.io/falcosecurity/falco:0.26.0-slim as index.docker.io/falcosecurity/falco',
      'sign-image docker.io/falcosecurity/falco-no-driver:0.26.0 as index.docker.io/falcosecurity/falco-no-driver',
      'sign-image public.ecr.aws/falcosecurity/falco:0.26.0 as index.docker.io/falcosecurity/falco',
      'sign-image public.ecr.aws/falcosecurity/falco:0.26.0-slim as index.docker.io/falcosecurity/falco',
      'sign-image public.ecr.aws/falcosecurity/falco-no-driver:0.26.0 as index.docker.io/falcosecurity/falco-no-driver',
      'publish-package deb/stable/falco-0.26.0-x86_64.deb',
      'publish-package rpm/falco-0.26.0-x86_64.rpm',
      'update-repository deb',
      'update-repository rpm',
      'move-tag docker.io/falcosecurity/falco:latest',
      'move-tag docker.io/falcosecurity/falco:latest-slim',
      'move-tag docker.io/falcosecurity/falco-no-driver:latest',
      'move-tag public.ecr.aws/falcosecurity/falco:latest',
      'move-tag public.ecr.aws/falcosecurity/falco:latest-slim',
      'move-tag public.ecr.aws/falcosecurity/falco-no-driver:latest',
    ]);
  });

  it('dev build (only its branch tags): signs after the branch tags moved, main then mirrors', () => {
    const plan = buildPlan(
      input({
        images: images(master, false),
        packages: [pkg('deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb')],
        repositories: [repository('deb-dev', 'apt')],
      }),
    );
    expect(summary(plan)).toEqual([
      'login docker.io',
      'publish-package deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb',
      'update-repository deb-dev',
      'move-tag docker.io/falcosecurity/falco:master',
      'move-tag docker.io/falcosecurity/falco:master-slim',
      'move-tag docker.io/falcosecurity/falco-no-driver:master',
      'move-tag public.ecr.aws/falcosecurity/falco:master',
      'move-tag public.ecr.aws/falcosecurity/falco:master-slim',
      'move-tag public.ecr.aws/falcosecurity/falco-no-driver:master',
      'sign-image docker.io/falcosecurity/falco:master as index.docker.io/falcosecurity/falco',
      'sign-image docker.io/falcosecurity/falco:master-slim as index.docker.io/falcosecurity/falco',
      'sign-image docker.io/falcosecurity/falco-no-driver:master as index.docker.io/falcosecurity/falco-no-driver',
      'sign-image public.ecr.aws/falcosecurity/falco:master as index.docker.io/falcosecurity/falco',
      'sign-image public.ecr.aws/falcosecurity/falco:master-slim as index.docker.io/falcosecurity/falco',
      'sign-image public.ecr.aws/falcosecurity/falco-no-driver:master as index.docker.io/falcosecurity/falco-no-driver',
    ]);
  });

  it('prerelease and backport (version tags only): signs right after the pushes, nothing after', () => {
    for (const lineTags of [images(rc, false), images({ version: '0.25.1', channel: 'stable' }, false)]) {
      const plan = buildPlan(input({ images: lineTags.slice(0, 1), mirrors: [] }));
      expect(plan.map((step) => step.step)).toEqual(['login', 'push', 'sign-image']);
    }
  });

  it('signs once per image line and registry: the version tag, not also the floating one', () => {
    const plan = buildPlan(input({ images: images(stable, true) }));
    expect(signSteps(plan).map((step) => step.tag)).toEqual(
      Array(2).fill(['0.26.0', '0.26.0-slim', '0.26.0']).flat(),
    );
  });

  it('a sign step carries the tag it signs, the registry it signs in, and the main registry name it signs for', () => {
    const plan = buildPlan(input({ images: images(stable, true).slice(2, 3) }));
    expect(signSteps(plan)).toEqual([
      {
        step: 'sign-image',
        source: 'falco-no-driver:local',
        target: 'docker.io/falcosecurity/falco-no-driver:0.26.0',
        registry: DOCKER_HUB,
        repository: 'falcosecurity/falco-no-driver',
        tag: '0.26.0',
        signedAs: 'index.docker.io/falcosecurity/falco-no-driver',
        signing: 'key',
      },
      {
        step: 'sign-image',
        source: 'falco-no-driver:local',
        target: 'public.ecr.aws/falcosecurity/falco-no-driver:0.26.0',
        registry: registryHost(MIRROR),
        repository: 'falcosecurity/falco-no-driver',
        tag: '0.26.0',
        signedAs: 'index.docker.io/falcosecurity/falco-no-driver',
        signing: 'key',
      },
    ]);
  });

  it('keyless: every sign step says so', () => {
    const plan = buildPlan(input({ images: images(stable, true), imageSigning: 'keyless' }));
    expect(signSteps(plan)).toHaveLength(6);
    expect(signSteps(plan).every((step) => step.signing === 'keyless')).toBe(true);
  });

  it('signs for the registry as named when it is not Docker Hub, on mirrors too', () => {
    const plan = buildPlan(
      input({
        registry: registryHost('ghcr.io'),
        mirrors: ['127.0.0.1:5000'],
        images: images(stable, false).slice(0, 1),
      }),
    );
    expect(summary(signSteps(plan))).toEqual([
      'sign-image ghcr.io/falcosecurity/falco:0.26.0 as ghcr.io/falcosecurity/falco',
      'sign-image 127.0.0.1:5000/falcosecurity/falco:0.26.0 as ghcr.io/falcosecurity/falco',
    ]);
  });

  it('signs an OCI layout for the bare repository name', () => {
    const plan = buildPlan(
      input({
        registry: { kind: 'oci-layout', dir: '/out/images' },
        mirrors: [],
        username: undefined,
        images: images(stable, false).slice(0, 1),
      }),
    );
    expect(summary(plan)).toEqual([
      'push oci-layout:/out/images:falcosecurity/falco:0.26.0',
      'sign-image oci-layout:/out/images:falcosecurity/falco:0.26.0 as falcosecurity/falco',
    ]);
  });
});

describe('buildPlan without image-signing', () => {
  it.each([
    ['a stable release', images(stable, true)],
    ['a dev build', images(master, false)],
  ])('%s has no sign steps, and otherwise the same steps', (_label, lineTags) => {
    const unsigned = buildPlan(input({ images: lineTags, imageSigning: undefined }));
    const signed = buildPlan(input({ images: lineTags }));
    expect(signSteps(unsigned)).toEqual([]);
    expect(unsigned).toEqual(signed.filter((step) => step.step !== 'sign-image'));
  });
});

describe('buildPlan with provenance: one attest step', () => {
  const packages = [pkg('deb/stable/falco-0.26.0-x86_64.deb'), pkg('bin/x86_64/falco-0.26.0-x86_64.tar.gz')];

  it('a release: after the indexes, before the floating tags, naming every line on every registry and every package', () => {
    const plan = buildPlan(
      input({
        images: images(stable, true),
        packages,
        repositories: [repository('deb', 'apt')],
        provenance: true,
      }),
    );
    const lines = summary(plan);
    const attest = lines.findIndex((line) => line.startsWith('attest-provenance'));
    expect(lines.filter((line) => line.startsWith('attest-provenance'))).toHaveLength(1);
    expect(attest).toBe(lines.indexOf('update-repository deb') + 1);
    expect(attest).toBeLessThan(lines.findIndex((line) => line.startsWith('move-tag')));
    expect(lines[attest]).toBe(
      'attest-provenance docker.io/falcosecurity/falco:0.26.0 docker.io/falcosecurity/falco:0.26.0-slim ' +
        'docker.io/falcosecurity/falco-no-driver:0.26.0 public.ecr.aws/falcosecurity/falco:0.26.0 ' +
        'public.ecr.aws/falcosecurity/falco:0.26.0-slim public.ecr.aws/falcosecurity/falco-no-driver:0.26.0 | ' +
        'deb/stable/falco-0.26.0-x86_64.deb bin/x86_64/falco-0.26.0-x86_64.tar.gz',
    );
  });

  it('a dev build: after its branch tags moved (its images have no other tag)', () => {
    const plan = buildPlan(input({ images: images(master, false), packages, provenance: true }));
    const lines = summary(plan);
    expect(lines.at(-1)).toMatch(/^attest-provenance docker.io\/falcosecurity\/falco:master /);
    expect(lines.findLastIndex((line) => line.startsWith('move-tag'))).toBeLessThan(lines.length - 1);
  });

  it('packages only: after the indexes; none without provenance', () => {
    const only = buildPlan(input({ packages, repositories: [repository('deb', 'apt')], provenance: true }));
    expect(summary(only).at(-1)).toBe(
      'attest-provenance  | deb/stable/falco-0.26.0-x86_64.deb bin/x86_64/falco-0.26.0-x86_64.tar.gz',
    );
    const without = buildPlan(input({ images: images(stable, true), packages }));
    expect(without.some((step) => step.step === 'attest-provenance')).toBe(false);
  });
});
