import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/action/inputs.js';
import type { PublishPorts, TargetRegistry } from '../../src/action/ports.js';
import { publish } from '../../src/action/publish.js';
import { parseImageLines } from '../../src/action/release/image-lines.js';
import { outputsOf } from '../../src/action/report/outputs.js';
import type { ImageDriver } from '../../src/image-drivers/driver.js';
import { registryHost } from '../../src/image-drivers/image-target.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { configOf } from '../fixtures/config.js';

const REGISTRY = '127.0.0.1:5000';
const MIRROR = 'mirror.example:5000';
const R = `${REGISTRY}/falcosecurity`;
const M = `${MIRROR}/falcosecurity`;
const digestOf = (source: string): string => `sha256:${createHash('sha256').update(source).digest('hex')}`;
const OLD = `sha256:${'0'.repeat(64)}`;

const IMAGES = parseImageLines(`
falco:local          falcosecurity/falco
falco-no-driver:local falcosecurity/falco suffix=-slim
`);

function config(overrides: Partial<Config> = {}): Config {
  return configOf({ images: IMAGES, registry: registryHost(REGISTRY), ...overrides });
}

interface Registries {
  /** What every registry serves, by full reference (`127.0.0.1:5000/falcosecurity/falco:0.26.0`). */
  readonly served: Map<string, string>;
  /** Manifest HEADs asked of the readers, by full reference. */
  readonly heads: string[];
  readonly ports: PublishPorts;
}

/**
 * Registries as one map of references to digests. The driver is docker-like (it cannot tell whether a
 * push changed the tag) unless `reports` is set: then it answers `changed` itself, as the registry driver does.
 */
function registries(initial: Record<string, string> = {}, reports = false): Registries {
  const served = new Map(Object.entries(initial));
  const heads: string[] = [];
  const reader = (host: string): TargetRegistry => ({
    checkAccess: async () => undefined,
    checkPush: async () => undefined,
    listTags: async (repository) =>
      [...served.keys()]
        .filter((ref) => ref.startsWith(`${host}/${repository}:`))
        .map((ref) => ref.slice(`${host}/${repository}:`.length)),
    manifestDigest: async (repository, tag) => {
      heads.push(`${host}/${repository}:${tag}`);
      return served.get(`${host}/${repository}:${tag}`);
    },
  });
  const driver: ImageDriver = {
    name: 'fake',
    ...(reports ? { verifiesDigests: true, reportsChanges: true } : {}),
    checkSources: async () => ({ missing: [] }),
    login: async () => undefined,
    push: async (source, target) => {
      const digest = digestOf(source);
      const changed = served.get(target) !== digest;
      served.set(target, digest);
      return reports ? { digest, changed } : { digest };
    },
  };
  return {
    served,
    heads,
    ports: {
      images: { driver, registry: reader(REGISTRY), mirror: (host) => reader(host) },
      findFiles: async () => [],
    },
  };
}

const ALL = [`${R}/falco:0.26.0`, `${R}/falco:0.26.0-slim`, `${R}/falco:latest`, `${R}/falco:latest-slim`];

/** Every tag of the release already at its digest. */
const inPlace = (prefix: string): Record<string, string> => ({
  [`${prefix}/falco:0.26.0`]: digestOf('falco:local'),
  [`${prefix}/falco:0.26.0-slim`]: digestOf('falco-no-driver:local'),
  [`${prefix}/falco:latest`]: digestOf('falco:local'),
  [`${prefix}/falco:latest-slim`]: digestOf('falco-no-driver:local'),
});

describe.each([
  ['a driver that cannot tell (docker)', false],
  ['a driver that reports it (registry)', true],
])('changed-tags, with %s', (_label, reports) => {
  it('the first publish changes every tag', async () => {
    const r = registries({}, reports);
    const result = await publish(config(), r.ports, captureLogger(), '/workspace');
    expect(result.changedTags).toEqual(ALL);
    expect(outputsOf(result)['changed-tags']).toBe(ALL.join('\n'));
  });

  it('a re-run that finds every tag at its digest changes none; latest stays true', async () => {
    const r = registries(inPlace(R), reports);
    const result = await publish(config(), r.ports, captureLogger(), '/workspace');
    expect(result.changedTags).toEqual([]);
    expect(result.images.map((image) => image.ref)).toEqual(ALL);
    const outputs = outputsOf(result);
    expect(outputs['changed-tags']).toBe('');
    expect(outputs.latest).toBe('true');
  });

  it('lists a tag moved from another digest, and only it', async () => {
    const r = registries({ ...inPlace(R), [`${R}/falco:latest`]: OLD }, reports);
    const result = await publish(config(), r.ports, captureLogger(), '/workspace');
    expect(result.changedTags).toEqual([`${R}/falco:latest`]);
  });

  it("counts the mirrors' tags too", async () => {
    const r = registries({ ...inPlace(R), [`${M}/falco:0.26.0`]: digestOf('falco:local') }, reports);
    const result = await publish(config({ mirrors: [MIRROR] }), r.ports, captureLogger(), '/workspace');
    expect(result.changedTags).toEqual([
      `${M}/falco:0.26.0-slim`,
      `${M}/falco:latest`,
      `${M}/falco:latest-slim`,
    ]);
  });

  it('a dry run changes nothing and says so, though latest is true', async () => {
    const r = registries({}, reports);
    const result = await publish(config({ dryRun: true }), r.ports, captureLogger(), '/workspace');
    expect(result.changedTags).toEqual([]);
    expect(outputsOf(result)['changed-tags']).toBe('');
    expect(outputsOf(result).latest).toBe('true');
    expect(r.served.size).toBe(0);
  });
});

describe('changed-tags: what it costs', () => {
  it('a driver that cannot tell reads each tag once before its push (its own registry and mirrors)', async () => {
    const r = registries({}, false);
    await publish(config({ mirrors: [MIRROR] }), r.ports, captureLogger(), '/workspace');
    const mirrorTags = ALL.map((ref) => ref.replace(REGISTRY, MIRROR));
    // The main registry's tags: once before the push, once to verify it; the mirrors': once before.
    expect(r.heads.filter((ref) => ref.startsWith(MIRROR)).sort()).toEqual(mirrorTags.sort());
    for (const ref of ALL) expect(r.heads.filter((head) => head === ref)).toHaveLength(2);
  });

  it('a driver that reports it costs no read at all', async () => {
    const r = registries({}, true);
    await publish(config({ mirrors: [MIRROR] }), r.ports, captureLogger(), '/workspace');
    expect(r.heads).toEqual([]);
  });
});
