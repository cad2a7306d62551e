import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/action/execute.js';
import type { Step } from '../../src/action/plan/steps.js';
import type { PublishPorts, RegistryReader } from '../../src/action/ports.js';
import type { ImageDriver } from '../../src/image-drivers/driver.js';
import { registryHost } from '../../src/image-drivers/image-target.js';
import { publish } from '../../src/action/publish.js';
import { parseImageLines } from '../../src/action/release/image-lines.js';
import { configOf } from '../fixtures/config.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

const REGISTRY = registryHost('127.0.0.1:5000');
const DIGEST = `sha256:${'b'.repeat(64)}`;

const step = (kind: 'push' | 'move-tag', tag: string): Step => ({
  step: kind,
  source: 'falco:local',
  target: `127.0.0.1:5000/falcosecurity/falco:${tag}`,
  registry: REGISTRY,
  repository: 'falcosecurity/falco',
  tag,
});

function fakes(tagsNow: () => string[]): { pushed: string[]; ports: PublishPorts } {
  const pushed: string[] = [];
  const driver: ImageDriver = {
    name: 'fake',
    reportsChanges: true,
    verifiesDigests: true,
    checkSources: async () => ({ missing: [] }),
    login: async () => undefined,
    push: async (_source, target) => {
      pushed.push(target.split(':').at(-1) ?? '');
      return { digest: DIGEST, changed: true };
    },
  };
  const registry: RegistryReader = {
    checkAccess: async () => undefined,
    listTags: async () => tagsNow(),
    manifestDigest: async () => DIGEST,
  };
  return {
    pushed,
    ports: { images: { driver, registry, mirror: () => registry }, findFiles: async () => [] },
  };
}

/** 0.25.1 decided at validation to move latest and latest-slim; the registry's tags are what `tagsNow` says. */
function run(tagsNow: string[], latestFor: string | undefined): { pushed: string[]; done: Promise<unknown> } {
  const { pushed, ports } = fakes(() => tagsNow);
  const plan = [
    step('push', '0.25.1'),
    step('push', '0.25.1-slim'),
    step('move-tag', 'latest'),
    step('move-tag', 'latest-slim'),
  ];
  return { pushed, done: execute(plan, ports, undefined, captureLogger(), latestFor) };
}

describe('execute: latest decided by comparing versions is checked again before it moves', () => {
  it('refuses to move latest backwards when a newer release appeared during the run; version tags stay', async () => {
    const { pushed, done } = run(['0.25.0', '0.25.1', '0.26.0', 'latest'], '0.25.1');
    const error = await asyncUserErrorOf(done);
    expect(error.subject).toBe('127.0.0.1:5000/falcosecurity/falco:latest');
    expect(error.message).toContain('0.26.0 was published while this run went on');
    expect(pushed).toEqual(['0.25.1', '0.25.1-slim']);
  });

  it('compares each latest tag with the versions of its own suffix', async () => {
    const { pushed, done } = run(['0.25.1', '0.26.0-rc1', '0.26.0-slim', 'latest'], '0.25.1');
    const error = await asyncUserErrorOf(done);
    expect(error.subject).toBe('127.0.0.1:5000/falcosecurity/falco:latest-slim');
    expect(pushed).toEqual(['0.25.1', '0.25.1-slim', 'latest']);
  });

  it('moves latest when nothing newer appeared', async () => {
    const { pushed, done } = run(['0.25.0', '0.25.1', 'latest'], '0.25.1');
    await done;
    expect(pushed).toEqual(['0.25.1', '0.25.1-slim', 'latest', 'latest-slim']);
  });

  it('moves latest as told when it was not decided by versions (latest: true)', async () => {
    const { pushed, done } = run(['0.26.0', 'latest'], undefined);
    await done;
    expect(pushed).toEqual(['0.25.1', '0.25.1-slim', 'latest', 'latest-slim']);
  });
});

describe('publish with latest: auto', () => {
  it('refuses to move latest when a newer release is published between validation and the move', async () => {
    let reads = 0;
    const { pushed, ports } = fakes(() => (reads++ === 0 ? ['0.25.0'] : ['0.25.0', '0.27.0']));
    const config = configOf({
      images: parseImageLines('falco:local falcosecurity/falco'),
      registry: REGISTRY,
    });
    const error = await asyncUserErrorOf(publish(config, ports, captureLogger(), tmpdir()));
    expect(error.message).toContain('0.27.0 was published while this run went on');
    expect(pushed).toEqual(['0.26.0']);
  });
});
