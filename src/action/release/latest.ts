import semver from 'semver';
import { UserError } from '../../util/errors.js';
import type { Release } from './release.js';

export type LatestMode = 'auto' | 'true' | 'false';

export interface LatestDecision {
  readonly latest: boolean;
  /** One sentence for the log, so a maintainer sees why latest did or did not move. */
  readonly reason: string;
}

/**
 * Stable versions found among a repository's tags, for the lines that publish there with `suffixes`.
 * A tag counts when, without one of those suffixes, it is a plain MAJOR.MINOR.PATCH (a leading `v`
 * allowed): `0.26.0-slim` counts for the `-slim` line, and is a prerelease (ignored) for the bare line.
 */
export function stableVersionsIn(tags: readonly string[], suffixes: readonly string[]): string[] {
  const versions = new Set<string>();
  for (const tag of tags) {
    for (const suffix of suffixes) {
      if (!tag.endsWith(suffix)) continue;
      const bare = tag.slice(0, tag.length - suffix.length);
      const parsed = semver.parse(bare.startsWith('v') ? bare.slice(1) : bare);
      if (parsed && parsed.prerelease.length === 0 && parsed.build.length === 0) versions.add(parsed.version);
    }
  }
  return [...versions];
}

/**
 * Whether `latest` moves, decided once per release so all images move together. `auto` moves it only
 * for a stable release at least as high (semver) as every stable version already published: a backport
 * (0.25.1 after 0.26.0) must not steal it.
 */
export function decideLatest(
  mode: LatestMode,
  release: Release,
  published: readonly string[],
): LatestDecision {
  if (mode === 'false') return { latest: false, reason: 'the latest input is false: latest stays' };
  if (mode === 'true') {
    if (release.channel !== 'stable') {
      throw new UserError(
        'latest',
        `'true' is not allowed for a ${release.channel} build (${release.version})`,
        'only a stable release can move latest: use auto or false',
      );
    }
    return { latest: true, reason: 'the latest input is true: latest moves' };
  }
  if (release.channel !== 'stable') {
    return { latest: false, reason: `${release.version} is a ${release.channel} build: latest stays` };
  }
  const newer = published.filter((version) => semver.gt(version, release.version)).sort(semver.rcompare);
  if (newer.length > 0) {
    return {
      latest: false,
      reason: `${release.version} is older than the published ${newer[0]}: latest stays`,
    };
  }
  const highest = [...published].sort(semver.rcompare)[0];
  return {
    latest: true,
    reason: highest
      ? `${release.version} is the highest stable version (highest published before: ${highest})`
      : `${release.version} is the first stable version published`,
  };
}
