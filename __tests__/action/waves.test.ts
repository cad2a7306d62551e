import { describe, expect, it } from 'vitest';
import { waves } from '../../src/action/execute.js';
import type { Step } from '../../src/action/plan/steps.js';
import { registryHost } from '../../src/image-drivers/image-target.js';

const main = registryHost('docker.io');
const mirror = registryHost('public.ecr.aws');

function image(step: 'push' | 'move-tag', registry: typeof main, tag: string): Step {
  return { step, source: 'docker://staging/falco:x', target: `${tag}`, registry, repository: 'falco', tag };
}

function pkg(path: string): Step {
  return {
    step: 'publish-package',
    file: path,
    localFile: path,
    path,
    sha256: '0',
    size: 1,
    action: 'upload',
  };
}

const labels = (plan: readonly Step[][]): string[][] =>
  plan.map((wave) => wave.map((step) => ('tag' in step ? `${step.step} ${step.tag}` : step.step)));

describe('waves', () => {
  const plan: Step[] = [
    { step: 'login', registry: 'docker.io', username: 'u' },
    image('push', main, '0.40.0'),
    image('push', main, '0.40.0-slim'),
    image('push', mirror, '0.40.0'),
    image('push', mirror, '0.40.0-slim'),
    pkg('deb/stable/a.deb'),
    pkg('rpm/a.rpm'),
    image('move-tag', main, 'latest'),
    image('move-tag', main, 'latest-slim'),
    image('move-tag', mirror, 'latest'),
  ];

  it('groups image steps of one kind on one registry, and packages, keeping the plan order', () => {
    expect(labels(waves(plan, true))).toEqual([
      ['login'],
      ['push 0.40.0', 'push 0.40.0-slim'],
      ['push 0.40.0', 'push 0.40.0-slim'],
      ['publish-package', 'publish-package'],
      ['move-tag latest', 'move-tag latest-slim'],
      ['move-tag latest'],
    ]);
    expect(waves(plan, true).flat()).toEqual(plan);
  });

  it('keeps every image step alone for a driver whose pushes must follow each other', () => {
    const grouped = labels(waves(plan, false));
    expect(grouped.filter((wave) => wave.some((label) => label.startsWith('push')))).toEqual([
      ['push 0.40.0'],
      ['push 0.40.0-slim'],
      ['push 0.40.0'],
      ['push 0.40.0-slim'],
    ]);
    expect(grouped).toContainEqual(['publish-package', 'publish-package']);
  });
});
