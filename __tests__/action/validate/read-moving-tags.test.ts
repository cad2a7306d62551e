import { describe, expect, it } from 'vitest';
import type { RegistryReader } from '../../../src/action/ports.js';
import { readMovingTags } from '../../../src/action/validate/read-moving-tags.js';
import { parseImageLines, type ImageLine } from '../../../src/action/release/image-lines.js';
import type { LatestDecision, LatestMode } from '../../../src/action/release/latest.js';
import type { Release } from '../../../src/action/release/release.js';
import { UserError } from '../../../src/util/errors.js';

/** A registry that holds these tags per repository and records which repositories were read. */
function registryWith(tags: Record<string, string[]>): RegistryReader & { read: string[] } {
  const read: string[] = [];
  return {
    read,
    checkAccess: async () => undefined,
    listTags: async (repository) => {
      read.push(repository);
      return tags[repository] ?? [];
    },
    manifestDigest: async () => undefined,
  };
}

const stable = (version: string): Release => ({ version, channel: 'stable' });
const images = parseImageLines(
  'falco:b falcosecurity/falco\nslim:b falcosecurity/falco suffix=-slim\nl:b falcosecurity/falco-driver-loader',
);

async function readLatest(
  mode: LatestMode,
  release: Release,
  lines: readonly ImageLine[],
  registry: RegistryReader,
): Promise<LatestDecision> {
  return (await readMovingTags(mode, release, lines, registry)).latest;
}

describe('readMovingTags: latest', () => {
  it('reads every target repository once and moves latest for the highest release', async () => {
    const registry = registryWith({ 'falcosecurity/falco': ['0.25.1', '0.25.1-slim', 'latest'] });
    const decision = await readLatest('auto', stable('0.26.0'), images, registry);
    expect(decision.latest).toBe(true);
    expect(registry.read.sort()).toEqual(['falcosecurity/falco', 'falcosecurity/falco-driver-loader']);
  });

  it('keeps latest for a backport found in any target repository', async () => {
    const registry = registryWith({ 'falcosecurity/falco-driver-loader': ['0.26.0'] });
    expect((await readLatest('auto', stable('0.25.1'), images, registry)).latest).toBe(false);
  });

  it('counts a suffix-only repository through its suffix', async () => {
    const registry = registryWith({ 'falcosecurity/falco': ['0.27.0-slim'] });
    const slimOnly = parseImageLines('slim:b falcosecurity/falco suffix=-slim');
    expect((await readLatest('auto', stable('0.26.1'), slimOnly, registry)).latest).toBe(false);
  });

  it('says latest did not move when there are no images, without reading the registry', async () => {
    const registry = registryWith({ 'falcosecurity/falco': ['0.26.0'] });
    for (const mode of ['auto', 'true'] as const) {
      const decision = await readLatest(mode, stable('0.25.1'), [], registry);
      expect(decision.latest).toBe(false);
    }
    expect(registry.read).toEqual([]);
  });

  it('still refuses latest: true for a prerelease without images', async () => {
    const registry = registryWith({});
    await expect(
      readLatest('true', { version: '0.27.0-rc1', channel: 'prerelease' }, [], registry),
    ).rejects.toThrow(UserError);
  });
});

describe('readMovingTags: series and fixed tags', () => {
  const floating = parseImageLines(
    'falco:b falcosecurity/falco floating=major,minor\ndebian:b falcosecurity/falco suffix=-debian\nbuilder:b falcosecurity/falco-builder tags=latest,0.99.0',
  );

  it('decides the series from the versions of every versioned line, read once per repository', async () => {
    const registry = registryWith({
      'falcosecurity/falco': ['0.39.1', '0.40.0-debian', 'latest', '0', '0.39'],
    });
    const { latest, series } = await readMovingTags('auto', stable('0.39.2'), floating, registry);
    expect(latest.latest).toBe(false);
    expect(series.minor.moves).toBe(true);
    expect(series.major.moves).toBe(false);
    expect(series.major.reason).toBe('0.39.2 is older than the published 0.40.0: 0 stays');
    // falco-builder holds 0.99.0 through tags=, which is never compared as a version, so it is not read.
    expect(registry.read).toEqual(['falcosecurity/falco']);
  });

  it('reads the versions for floating= even when latest is not decided by them', async () => {
    for (const mode of ['true', 'false'] as const) {
      const registry = registryWith({ 'falcosecurity/falco': ['0.40.0'] });
      const { latest, series } = await readMovingTags(mode, stable('0.40.1'), floating, registry);
      expect(latest.latest).toBe(mode === 'true');
      expect(series.major.moves && series.minor.moves).toBe(true);
      expect(registry.read).toEqual(['falcosecurity/falco']);
    }
  });

  it('reads nothing for a prerelease, and moves no series tag', async () => {
    const registry = registryWith({ 'falcosecurity/falco': ['0.40.0'] });
    const rc: Release = { version: '0.41.0-rc1', channel: 'prerelease' };
    const { latest, series } = await readMovingTags('auto', rc, floating, registry);
    expect(latest.latest).toBe(false);
    expect(series.major.moves || series.minor.moves).toBe(false);
    expect(registry.read).toEqual([]);
  });

  it('reads nothing when only tags= lines are given: no latest, no series', async () => {
    const registry = registryWith({ 'falcosecurity/falco-builder': ['0.1.0'] });
    const builderOnly = parseImageLines('builder:b falcosecurity/falco-builder tags=latest');
    const { latest, series } = await readMovingTags('auto', stable('0.26.0'), builderOnly, registry);
    expect(latest).toEqual({ latest: false, reason: 'only tags= images: no latest tags to move' });
    expect(series.major.moves || series.minor.moves).toBe(false);
    expect(registry.read).toEqual([]);
  });

  it('reads nothing with latest: false and no floating= line', async () => {
    const registry = registryWith({ 'falcosecurity/falco': ['0.40.0'] });
    await readMovingTags('false', stable('0.40.1'), images, registry);
    expect(registry.read).toEqual([]);
  });
});
