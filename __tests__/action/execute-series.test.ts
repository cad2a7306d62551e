import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/action/execute.js';
import type { Step, StepSeries } from '../../src/action/plan/steps.js';
import type { PublishPorts, TargetRegistry } from '../../src/action/ports.js';
import { publish } from '../../src/action/publish.js';
import { parseImageLines } from '../../src/action/release/image-lines.js';
import type { ImageDriver } from '../../src/image-drivers/driver.js';
import { registryHost } from '../../src/image-drivers/image-target.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { configOf } from '../fixtures/config.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

const REGISTRY = registryHost('127.0.0.1:5000');
const DIGEST = `sha256:${'c'.repeat(64)}`;

/** A driver that records the references it pushed, and a registry whose tags are what `tagsNow` says. */
function fakes(tagsNow: () => string[]): { pushed: string[]; read: string[]; ports: PublishPorts } {
  const pushed: string[] = [];
  const read: string[] = [];
  const driver: ImageDriver = {
    name: 'fake',
    reportsChanges: true,
    verifiesDigests: true,
    checkSources: async () => ({ missing: [] }),
    login: async () => undefined,
    push: async (_source, target) => {
      pushed.push(target.slice(target.indexOf('/') + 1));
      return { digest: DIGEST, changed: true };
    },
  };
  const registry: TargetRegistry = {
    checkAccess: async () => undefined,
    checkPush: async () => undefined,
    listTags: async (repository) => {
      read.push(repository);
      return tagsNow();
    },
    manifestDigest: async () => DIGEST,
  };
  return {
    pushed,
    read,
    ports: { images: { driver, registry, mirror: () => registry }, findFiles: async () => [] },
  };
}

function step(
  kind: 'push' | 'move-tag',
  tag: string,
  series?: StepSeries,
  registry = '127.0.0.1:5000',
): Step {
  return {
    step: kind,
    source: 'falco:local',
    target: `${registry}/falcosecurity/falco:${tag}`,
    registry: registryHost(registry),
    repository: 'falcosecurity/falco',
    tag,
    ...(series === undefined ? {} : { series }),
  };
}

const minor = (suffix = ''): StepSeries => ({ scope: 'minor', version: '0.39.2', suffix });
const major = (suffix = ''): StepSeries => ({ scope: 'major', version: '0.39.2', suffix });

describe('execute: a series tag is checked again right before it moves', () => {
  it('refuses to move 0.39 back when 0.39.3 appeared during the run; the version tag stays', async () => {
    const { pushed, ports } = fakes(() => ['0.39.1', '0.39.2', '0.39.3', '0.40.0']);
    const plan = [step('push', '0.39.2'), step('move-tag', '0.39', minor())];
    const error = await asyncUserErrorOf(execute(plan, ports, undefined, captureLogger()));
    expect(error.subject).toBe('127.0.0.1:5000/falcosecurity/falco:0.39');
    expect(error.message).toContain('0.39.3 was published while this run went on');
    expect(error.message).toContain('0.39 stays with 0.39.3');
    expect(pushed).toEqual(['falcosecurity/falco:0.39.2']);
  });

  it('moves 0.39 when only another minor is newer, and refuses 0 then', async () => {
    const { pushed, ports } = fakes(() => ['0.39.2', '0.40.0']);
    const plan = [step('push', '0.39.2'), step('move-tag', '0.39', minor()), step('move-tag', '0', major())];
    const error = await asyncUserErrorOf(execute(plan, ports, undefined, captureLogger()));
    expect(error.subject).toBe('127.0.0.1:5000/falcosecurity/falco:0');
    expect(error.message).toContain('0.40.0 was published');
    expect(pushed).toEqual(['falcosecurity/falco:0.39.2', 'falcosecurity/falco:0.39']);
  });

  it('compares a suffixed series tag with the versions of its own suffix only', async () => {
    const { pushed, ports } = fakes(() => ['0.39.2-debian', '0.39.3', '0.39.9-rc1-debian']);
    await execute([step('move-tag', '0.39-debian', minor('-debian'))], ports, undefined, captureLogger());
    expect(pushed).toEqual(['falcosecurity/falco:0.39-debian']);
    const refused = fakes(() => ['0.39.3-debian']);
    await asyncUserErrorOf(
      execute([step('move-tag', '0.39-debian', minor('-debian'))], refused.ports, undefined, captureLogger()),
    );
    expect(refused.pushed).toEqual([]);
  });

  it('reads the main registry again for a mirror step, and does not check tags outside a series', async () => {
    const { pushed, read, ports } = fakes(() => ['0.39.2', '0.40.0']);
    const plan = [
      step('push', 'latest'),
      step('move-tag', 'stable'),
      step('move-tag', '0.39', minor(), 'public.ecr.aws'),
    ];
    await execute(plan, ports, undefined, captureLogger());
    expect(pushed).toEqual([
      'falcosecurity/falco:latest',
      'falcosecurity/falco:stable',
      'falcosecurity/falco:0.39',
    ]);
    expect(read).toEqual(['falcosecurity/falco']);
  });
});

describe('publish with floating= and tags=', () => {
  const lines = parseImageLines(`
falco:local    falcosecurity/falco          floating=major,minor
builder:local  falcosecurity/falco-builder  tags=latest
`);

  it('moves 0.39 for the backport 0.39.2 after 0.40.0, not 0 nor latest, and logs why', async () => {
    const { pushed, read, ports } = fakes(() => ['0.39.1', '0.40.0', '0', '0.39', '0.40', 'latest']);
    const logger = captureLogger();
    const config = configOf({ ref: 'refs/tags/0.39.2', images: lines, registry: REGISTRY });
    const result = await publish(config, ports, logger, tmpdir());
    expect(pushed).toEqual([
      'falcosecurity/falco:0.39.2',
      'falcosecurity/falco-builder:latest',
      'falcosecurity/falco:0.39',
    ]);
    expect(result.latest.latest).toBe(false);
    // The builder's repository is not read: its tags are never compared as versions.
    expect(read.filter((repository) => repository === 'falcosecurity/falco-builder')).toEqual([]);
    expect(logger.lines).toContain('0.39.2 is the highest 0.39 release: 0.39 moves');
    expect(logger.lines).toContain('0.39.2 is older than the published 0.40.0: 0 stays');
  });

  it('reads the versions for floating= when latest is false, and moves X and X.Y without latest', async () => {
    const { pushed, ports } = fakes(() => ['0.40.0']);
    const config = configOf({ ref: 'refs/tags/0.40.1', images: lines, registry: REGISTRY, latest: 'false' });
    await publish(config, ports, captureLogger(), tmpdir());
    expect(pushed).toEqual([
      'falcosecurity/falco:0.40.1',
      'falcosecurity/falco-builder:latest',
      'falcosecurity/falco:0.40',
      'falcosecurity/falco:0',
    ]);
  });

  it('pushes the fixed tags on a dev run, and only a branch tag for the versioned line', async () => {
    const { pushed, read, ports } = fakes(() => ['0.40.0']);
    const config = configOf({ ref: 'refs/heads/master', images: lines, registry: REGISTRY });
    const result = await publish(config, ports, captureLogger(), tmpdir());
    expect(pushed).toEqual(['falcosecurity/falco-builder:latest', 'falcosecurity/falco:master']);
    expect(result.tags).toEqual([
      '127.0.0.1:5000/falcosecurity/falco-builder:latest',
      '127.0.0.1:5000/falcosecurity/falco:master',
    ]);
    expect(read).toEqual([]);
  });

  it('refuses moving 0 when a newer 0.x appeared between validation and the move', async () => {
    let reads = 0;
    const { pushed, ports } = fakes(() => (reads++ === 0 ? ['0.40.0'] : ['0.40.0', '0.41.0']));
    const config = configOf({
      ref: 'refs/tags/0.40.1',
      images: lines.slice(0, 1),
      registry: REGISTRY,
      latest: 'false',
    });
    const error = await asyncUserErrorOf(publish(config, ports, captureLogger(), tmpdir()));
    expect(error.subject).toBe('127.0.0.1:5000/falcosecurity/falco:0');
    expect(pushed).toEqual(['falcosecurity/falco:0.40.1', 'falcosecurity/falco:0.40']);
  });
});

describe('the dry run of a release with floating=', () => {
  it('prints each series tag with the release that leads it, and writes nothing', async () => {
    // Only the -debian versions count for a -debian line: the bare 0.41.0 is another line's.
    const { pushed, ports } = fakes(() => ['0.39.1-debian', '0.40.0-debian', '0.41.0']);
    const logger = captureLogger();
    const lines = parseImageLines('falco:local falcosecurity/falco floating=major,minor suffix=-debian');
    const config = configOf({ ref: 'refs/tags/0.39.2', images: lines, registry: REGISTRY, dryRun: true });
    await publish(config, ports, logger, tmpdir());
    expect(pushed).toEqual([]);
    const planned = logger.lines.filter((line) => /^(push|move) /.test(line));
    expect(planned).toEqual([
      'push     falco:local → 127.0.0.1:5000/falcosecurity/falco:0.39.2-debian',
      'move     falco:local → 127.0.0.1:5000/falcosecurity/falco:0.39-debian (minor series, led by 0.39.2)',
    ]);
  });
});
