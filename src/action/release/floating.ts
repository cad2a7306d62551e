import semver from 'semver';
import type { Release } from './release.js';

/** A release series a floating tag follows (`floating=`): `X` (major) or `X.Y` (minor). */
export type SeriesScope = 'major' | 'minor';

/** The scopes in the order their tags move: the narrower series first, `latest` after both. */
export const SERIES_SCOPES: readonly SeriesScope[] = ['minor', 'major'];

export interface SeriesMove {
  readonly moves: boolean;
  /** One sentence for the log, so a maintainer sees why the tag did or did not move. */
  readonly reason: string;
}

/** Whether this release moves its `X` and `X.Y` tags, decided once per release so all images move together. */
export type SeriesDecision = Readonly<Record<SeriesScope, SeriesMove>>;

/** The decision for a run that moves no series tag (no `floating=` line). */
export const NO_SERIES_MOVES: SeriesDecision = {
  major: { moves: false, reason: 'no image line has floating=' },
  minor: { moves: false, reason: 'no image line has floating=' },
};

/** `0` (major) or `0.39` (minor) for the stable version `0.39.2`. */
export function seriesName(version: string, scope: SeriesScope): string {
  const parsed = semver.parse(version);
  if (!parsed) throw new Error(`'${version}' is not a version, so it has no series`);
  return scope === 'major' ? `${parsed.major}` : `${parsed.major}.${parsed.minor}`;
}

/** The highest of `published` in the series of `version` that is above it; undefined when there is none. */
export function newerInSeries(
  version: string,
  scope: SeriesScope,
  published: readonly string[],
): string | undefined {
  const series = seriesName(version, scope);
  return published
    .filter((other) => seriesName(other, scope) === series && semver.gt(other, version))
    .sort(semver.rcompare)[0];
}

/**
 * `X` and `X.Y` move only for a stable release that is the highest (semver) of its series among the
 * stable versions already published: a backport 0.39.2 after 0.40.0 moves `0.39`, but not `0`.
 */
export function decideSeries(release: Release, published: readonly string[]): SeriesDecision {
  if (release.channel !== 'stable') {
    const stays = {
      moves: false,
      reason: `${release.version} is a ${release.channel} build: no series tag moves`,
    };
    return { major: stays, minor: stays };
  }
  const decide = (scope: SeriesScope): SeriesMove => {
    const series = seriesName(release.version, scope);
    const newer = newerInSeries(release.version, scope, published);
    if (newer !== undefined) {
      return {
        moves: false,
        reason: `${release.version} is older than the published ${newer}: ${series} stays`,
      };
    }
    return { moves: true, reason: `${release.version} is the highest ${series} release: ${series} moves` };
  };
  return { major: decide('major'), minor: decide('minor') };
}
