import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { execute, waves } from '../../src/action/execute.js';
import type { PublishPorts, TargetRegistry } from '../../src/action/ports.js';
import type { ImageDriver } from '../../src/image-drivers/driver.js';
import { captureLogger } from '../fixtures/capture-logger.js';
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

  it('groups image steps of one kind (main registry, then mirrors), and packages, keeping the plan order', () => {
    expect(labels(waves(plan, true))).toEqual([
      ['login'],
      ['push 0.40.0', 'push 0.40.0-slim', 'push 0.40.0', 'push 0.40.0-slim'],
      ['publish-package', 'publish-package'],
      ['move-tag latest', 'move-tag latest-slim', 'move-tag latest'],
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

describe('a wave of image steps on the main registry and a mirror that copies from it', () => {
  const DIGEST = `sha256:${'c'.repeat(64)}`;
  const MAIN = 'docker.io/falcosecurity';
  const push = (registry: typeof main, tag: string, source: string): Step => ({
    step: 'push',
    source,
    target: `${registry === main ? MAIN : 'public.ecr.aws/falcosecurity'}/falco:${tag}`,
    registry,
    repository: 'falcosecurity/falco',
    tag,
  });
  // Two version tags on the main registry, then the mirror's, each copied from the main registry's tag.
  const plan: Step[] = [
    push(main, '0.40.0', 'oci:staging:falco'),
    push(main, '0.40.0-slim', 'oci:staging:falco-slim'),
    push(mirror, '0.40.0', `docker://${MAIN}/falco:0.40.0`),
    push(mirror, '0.40.0-slim', `docker://${MAIN}/falco:0.40.0-slim`),
  ];

  /**
   * A registry driver that logs when each push starts and ends. A push in `holds` ends only once the
   * named push has started (or after 2 s, when it never does); `fails` throws.
   */
  function driverPorts(
    holds: Record<string, string>,
    fails?: string,
  ): { events: string[]; ports: PublishPorts } {
    const events: string[] = [];
    const started = new Map<string, () => void>();
    const startOf = (target: string): Promise<void> =>
      new Promise<void>((resolve) => started.set(target, resolve));
    const waits = new Map(Object.entries(holds).map(([held, until]) => [held, startOf(until)]));
    const driver: ImageDriver = {
      name: 'fake',
      reportsChanges: true,
      verifiesDigests: true,
      concurrentPushes: true,
      checkSources: async () => ({ missing: [] }),
      login: async () => undefined,
      push: async (_source, target) => {
        events.push(`start ${target}`);
        started.get(target)?.();
        const wait = waits.get(target);
        if (wait !== undefined) await Promise.race([wait, delay(2000)]);
        if (target === fails) throw new Error(`${target}: refused`);
        events.push(`end ${target}`);
        return { digest: DIGEST, changed: true };
      },
    };
    const registry: TargetRegistry = {
      checkAccess: async () => undefined,
      checkPush: async () => undefined,
      listTags: async () => [],
      manifestDigest: async () => DIGEST,
    };
    return {
      events,
      ports: { images: { driver, registry, mirror: () => registry }, findFiles: async () => [] },
    };
  }

  it("starts a mirror's copy once its main-registry tag is there, not after the whole main registry", async () => {
    // The main registry's slim tag lands only once the mirror's 0.40.0 has started: were the mirror to
    // wait for the whole main registry, it would start only after the 2 s the slim push gives up at.
    const { events, ports } = driverPorts({
      [`${MAIN}/falco:0.40.0-slim`]: 'public.ecr.aws/falcosecurity/falco:0.40.0',
    });
    await execute(plan, ports, undefined, captureLogger());
    const at = (event: string): number => events.indexOf(event);
    expect(at('start public.ecr.aws/falcosecurity/falco:0.40.0')).toBeGreaterThan(
      at(`end ${MAIN}/falco:0.40.0`),
    );
    expect(at('start public.ecr.aws/falcosecurity/falco:0.40.0')).toBeLessThan(
      at(`end ${MAIN}/falco:0.40.0-slim`),
    );
    expect(at('start public.ecr.aws/falcosecurity/falco:0.40.0-slim')).toBeGreaterThan(
      at(`end ${MAIN}/falco:0.40.0-slim`),
    );
    expect(events.filter((event) => event.startsWith('end'))).toHaveLength(4);
  });

  it('never copies to a mirror a tag the main registry failed to get', async () => {
    const { events, ports } = driverPorts({}, `${MAIN}/falco:0.40.0-slim`);
    await expect(execute(plan, ports, undefined, captureLogger())).rejects.toThrow('0.40.0-slim: refused');
    expect(events).not.toContain('start public.ecr.aws/falcosecurity/falco:0.40.0-slim');
  });
});
