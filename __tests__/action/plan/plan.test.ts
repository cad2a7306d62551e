import { describe, it, expect } from 'vitest';
import { registryHost } from '../../../src/image-drivers/image-target.js';
import { buildPlan, type PlanInput, type PlannedPackage } from '../../../src/action/plan/plan.js';
import type { Existing, Step } from '../../../src/action/plan/steps.js';
import { parseImageLines } from '../../../src/action/release/image-lines.js';
import type { Release } from '../../../src/action/release/release.js';
import { tagsFor, type LineTags } from '../../../src/action/release/tags.js';
import { userErrorOf } from '../../fixtures/errors.js';

const REGISTRY = '127.0.0.1:5000';
const TARGET = registryHost(REGISTRY);
const SEED = parseImageLines(`
falco:local                falcosecurity/falco
falco-no-driver:local      falcosecurity/falco                 suffix=-slim
falco-no-driver:local      falcosecurity/falco-no-driver
falco-driver-loader:local  falcosecurity/falco-driver-loader
`);

const stable: Release = { version: '0.26.0', channel: 'stable' };
const rc: Release = { version: '0.27.0-rc1', channel: 'prerelease' };
const master: Release = { version: 'master', channel: 'dev' };

function images(release: Release, latest: boolean): LineTags[] {
  return SEED.map((line) => tagsFor(release, line, latest));
}

function pkg(path: string, existing: Existing = 'absent'): PlannedPackage {
  const file = path.split('/').at(-1) ?? path;
  return {
    file: `build/${file}`,
    localFile: `/work/build/${file}`,
    path,
    sha256: 'a'.repeat(64),
    size: 42,
    existing,
    contents: undefined,
  };
}

const stablePackages = [
  pkg('deb/stable/falco-0.26.0-x86_64.deb'),
  pkg('rpm/falco-0.26.0-x86_64.rpm'),
  pkg('bin/x86_64/falco-0.26.0-x86_64.tar.gz'),
];

function input(overrides: Partial<PlanInput>): PlanInput {
  return {
    registry: TARGET,
    username: 'falcoci',
    images: [],
    packages: [],
    overwrite: false,
    ...overrides,
  };
}

/** `step target` for images, `step path action` for packages: compact enough to read the order at a glance. */
function summary(steps: readonly Step[]): string[] {
  return steps.map((step) => {
    switch (step.step) {
      case 'login':
        return `login ${step.registry} ${step.username}`;
      case 'push':
      case 'move-tag':
        return `${step.step} ${step.source} ${step.target}`;
      case 'publish-package':
        return `publish-package ${step.path} ${step.action}`;
      case 'update-repository':
        return `update-repository ${step.root}`;
      case 'attest-provenance':
        return `attest-provenance ${step.images.length} ${step.packages.length}`;
      case 'sign-image':
        return `sign-image ${step.target} as ${step.signedAs}`;
      case 'invalidate-cdn':
        return `invalidate-cdn ${step.distribution}${step.wait ? ' wait' : ''}`;
      case 'withdraw-packages':
      case 'resign-repository':
        return `${step.step} ${step.root}`;
    }
  });
}

describe('buildPlan order: login → push (fixed) → publish-package → move-tag', () => {
  it.each<[label: string, planInput: PlanInput, expected: string[]]>([
    [
      'stable release with latest, packages and credentials',
      input({ images: images(stable, true), packages: stablePackages }),
      [
        'login 127.0.0.1:5000 falcoci',
        'push falco:local 127.0.0.1:5000/falcosecurity/falco:0.26.0',
        'push falco-no-driver:local 127.0.0.1:5000/falcosecurity/falco:0.26.0-slim',
        'push falco-no-driver:local 127.0.0.1:5000/falcosecurity/falco-no-driver:0.26.0',
        'push falco-driver-loader:local 127.0.0.1:5000/falcosecurity/falco-driver-loader:0.26.0',
        'publish-package deb/stable/falco-0.26.0-x86_64.deb upload',
        'publish-package rpm/falco-0.26.0-x86_64.rpm upload',
        'publish-package bin/x86_64/falco-0.26.0-x86_64.tar.gz upload',
        'move-tag falco:local 127.0.0.1:5000/falcosecurity/falco:latest',
        'move-tag falco-no-driver:local 127.0.0.1:5000/falcosecurity/falco:latest-slim',
        'move-tag falco-no-driver:local 127.0.0.1:5000/falcosecurity/falco-no-driver:latest',
        'move-tag falco-driver-loader:local 127.0.0.1:5000/falcosecurity/falco-driver-loader:latest',
      ],
    ],
    [
      'backport (no latest): no move-tag step',
      input({ images: images({ version: '0.25.1', channel: 'stable' }, false).slice(0, 2) }),
      [
        'login 127.0.0.1:5000 falcoci',
        'push falco:local 127.0.0.1:5000/falcosecurity/falco:0.25.1',
        'push falco-no-driver:local 127.0.0.1:5000/falcosecurity/falco:0.25.1-slim',
      ],
    ],
    [
      'prerelease with packages',
      input({
        images: images(rc, false).slice(0, 1),
        packages: [pkg('deb-dev/stable/falco-0.27.0-rc1-x86_64.deb')],
      }),
      [
        'login 127.0.0.1:5000 falcoci',
        'push falco:local 127.0.0.1:5000/falcosecurity/falco:0.27.0-rc1',
        'publish-package deb-dev/stable/falco-0.27.0-rc1-x86_64.deb upload',
      ],
    ],
    [
      'master: packages before the branch tags',
      input({
        images: images(master, false).slice(0, 2),
        packages: [pkg('rpm-dev/falco-0.27.0-12+abc1234-x86_64.rpm')],
      }),
      [
        'login 127.0.0.1:5000 falcoci',
        'publish-package rpm-dev/falco-0.27.0-12+abc1234-x86_64.rpm upload',
        'move-tag falco:local 127.0.0.1:5000/falcosecurity/falco:master',
        'move-tag falco-no-driver:local 127.0.0.1:5000/falcosecurity/falco:master-slim',
      ],
    ],
    [
      'no credentials: no login step',
      input({ username: undefined, images: images(stable, true).slice(0, 1) }),
      [
        'push falco:local 127.0.0.1:5000/falcosecurity/falco:0.26.0',
        'move-tag falco:local 127.0.0.1:5000/falcosecurity/falco:latest',
      ],
    ],
    [
      'empty username: no login step',
      input({ username: '', images: images(stable, false).slice(0, 1) }),
      ['push falco:local 127.0.0.1:5000/falcosecurity/falco:0.26.0'],
    ],
    [
      'credentials but no images: no login step',
      input({ packages: stablePackages.slice(0, 1) }),
      ['publish-package deb/stable/falco-0.26.0-x86_64.deb upload'],
    ],
    ['nothing at all', input({}), []],
  ])('%s', (_label, planInput, expected) => {
    expect(summary(buildPlan(planInput))).toEqual(expected);
  });

  it('image steps carry repository and tag, package steps their checksum and size', () => {
    const plan = buildPlan(
      input({ images: images(stable, true).slice(1, 2), packages: stablePackages.slice(0, 1) }),
    );
    expect(plan).toEqual([
      { step: 'login', registry: REGISTRY, username: 'falcoci' },
      {
        step: 'push',
        source: 'falco-no-driver:local',
        target: '127.0.0.1:5000/falcosecurity/falco:0.26.0-slim',
        registry: TARGET,
        repository: 'falcosecurity/falco',
        tag: '0.26.0-slim',
      },
      {
        step: 'publish-package',
        file: 'build/falco-0.26.0-x86_64.deb',
        localFile: '/work/build/falco-0.26.0-x86_64.deb',
        path: 'deb/stable/falco-0.26.0-x86_64.deb',
        sha256: 'a'.repeat(64),
        size: 42,
        action: 'upload',
      },
      {
        step: 'move-tag',
        source: 'falco-no-driver:local',
        target: '127.0.0.1:5000/falcosecurity/falco:latest-slim',
        registry: TARGET,
        repository: 'falcosecurity/falco',
        tag: 'latest-slim',
      },
    ]);
  });
});

describe('buildPlan package actions', () => {
  it.each<[existing: Existing, overwrite: boolean, action: string]>([
    ['absent', false, 'upload'],
    ['absent', true, 'upload'],
    ['same', false, 'skip'],
    ['same', true, 'skip'],
    ['different', true, 'replace'],
  ])('existing %s, overwrite %s → %s', (existing, overwrite, action) => {
    const plan = buildPlan(input({ packages: [pkg('rpm/falco-0.26.0-x86_64.rpm', existing)], overwrite }));
    expect(summary(plan)).toEqual([`publish-package rpm/falco-0.26.0-x86_64.rpm ${action}`]);
  });

  it('refuses a different existing package without overwrite, naming its path', () => {
    const error = userErrorOf(() =>
      buildPlan(input({ packages: [pkg('rpm/falco-0.26.0-x86_64.rpm', 'different')], overwrite: false })),
    );
    expect(error.subject).toBe('packages: rpm/falco-0.26.0-x86_64.rpm');
    expect(error.message).toContain('is already published with different content');
    expect(error.message).toContain('overwrite: true');
  });
});

describe('buildPlan collisions', () => {
  it('refuses two package files that land on one path', () => {
    const first = pkg('deb/stable/falco-0.26.0-x86_64.deb');
    const second = {
      ...first,
      file: 'other/falco-0.26.0-x86_64.deb',
      localFile: '/work/other/falco-0.26.0-x86_64.deb',
    };
    const error = userErrorOf(() => buildPlan(input({ packages: [first, second] })));
    expect(error.subject).toBe('deb/stable/falco-0.26.0-x86_64.deb');
    expect(error.message).toContain('would be written twice');
    expect(error.message).toContain('build/falco-0.26.0-x86_64.deb');
    expect(error.message).toContain('other/falco-0.26.0-x86_64.deb');
  });

  it('refuses two image lines that write one tag', () => {
    // parseImageLines rejects duplicate lines; buildPlan guards the tag sets it is given all the same.
    const a = tagsFor(stable, { source: 'a:local', repository: 'falcosecurity/falco', suffix: '' }, true);
    const b = tagsFor(stable, { source: 'b:local', repository: 'falcosecurity/falco', suffix: '' }, true);
    const error = userErrorOf(() => buildPlan(input({ images: [a, b] })));
    expect(error.subject).toBe('127.0.0.1:5000/falcosecurity/falco:0.26.0');
    expect(error.message).toContain('would be written twice (from a:local and b:local)');
  });

  it('refuses a fixed tag that collides with a floating one', () => {
    // Hand-made tag sets: the check covers fixed and floating steps alike, whatever caused the overlap.
    const fixed: LineTags = {
      line: { source: 'a:local', repository: 'falcosecurity/falco', suffix: '' },
      fixed: ['latest'],
      floating: [],
    };
    const floating = tagsFor(
      stable,
      { source: 'b:local', repository: 'falcosecurity/falco', suffix: '' },
      true,
    );
    const error = userErrorOf(() => buildPlan(input({ images: [fixed, floating] })));
    expect(error.subject).toBe('127.0.0.1:5000/falcosecurity/falco:latest');
  });

  it('accepts the same tag in different repositories and the same file name on different paths', () => {
    const plan = buildPlan(
      input({
        images: images(stable, true),
        packages: [
          pkg('bin/x86_64/falco-0.26.0-x86_64.tar.gz'),
          pkg('bin-dev/x86_64/falco-0.26.0-x86_64.tar.gz'),
        ],
      }),
    );
    expect(plan.filter((step) => step.step === 'move-tag')).toHaveLength(4);
    expect(plan.filter((step) => step.step === 'publish-package')).toHaveLength(2);
  });
});

describe('buildPlan mirrors', () => {
  const line = { source: 'falco:local', repository: 'falcosecurity/falco', suffix: '' };
  const images = [{ line, fixed: ['0.26.0'], floating: ['latest'] }];
  const base = { registry: registryHost('docker.io'), images, packages: [], overwrite: false };

  it('pushes every tag to the mirrors after the main registry, floating tags last everywhere', () => {
    const plan = buildPlan({ ...base, mirrors: ['public.ecr.aws'], mirrorFrom: 'registry' });
    expect(
      plan.map((step) => ('target' in step ? `${step.step} ${step.target} <- ${step.source}` : step.step)),
    ).toEqual([
      'push docker.io/falcosecurity/falco:0.26.0 <- falco:local',
      'push public.ecr.aws/falcosecurity/falco:0.26.0 <- docker://docker.io/falcosecurity/falco:0.26.0',
      'move-tag docker.io/falcosecurity/falco:latest <- falco:local',
      'move-tag public.ecr.aws/falcosecurity/falco:latest <- docker://docker.io/falcosecurity/falco:latest',
    ]);
  });

  it('copies from the local source again when mirrors read from the source (docker driver)', () => {
    const plan = buildPlan({ ...base, mirrors: ['public.ecr.aws'], mirrorFrom: 'source' });
    expect(
      plan
        .filter((step) => 'source' in step)
        .every((step) => 'source' in step && step.source === 'falco:local'),
    ).toBe(true);
  });

  it('names tags in an OCI layout the way skopeo reads them', () => {
    const plan = buildPlan({ ...base, registry: { kind: 'oci-layout', dir: '/out/images' } });
    expect(plan.map((step) => ('target' in step ? step.target : ''))).toEqual([
      'oci-layout:/out/images:falcosecurity/falco:0.26.0',
      'oci-layout:/out/images:falcosecurity/falco:latest',
    ]);
  });
});
