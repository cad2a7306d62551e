import { decideLatest, stableVersionsIn, type LatestDecision, type LatestMode } from '../release/latest.js';
import { decideSeries, NO_SERIES_MOVES, type SeriesDecision } from '../release/floating.js';
import type { ImageLine } from '../release/image-lines.js';
import type { Release } from '../release/release.js';
import type { RegistryReader } from '../ports.js';

/** Where the tags that move between releases go: `latest`, and the series tags of `floating=` lines. */
export interface MovingTags {
  readonly latest: LatestDecision;
  readonly series: SeriesDecision;
}

/**
 * Decides `latest` and the series tags once for the whole release. They need the registry only for a
 * stable release with `latest: auto` or a `floating=` line: the stable versions already in every target
 * repository of a versioned line, read once through their tag lists. `tags=` lines take no part.
 */
export async function readMovingTags(
  mode: LatestMode,
  release: Release,
  images: readonly ImageLine[],
  registry: RegistryReader | undefined,
): Promise<MovingTags> {
  const versioned = images.filter((line) => line.fixedTags === undefined);
  // Not decided by versions; also refuses `latest: true` for a prerelease, with images or without.
  const told = mode !== 'auto' || release.channel !== 'stable' ? decideLatest(mode, release, []) : undefined;
  const withSeries = versioned.some((line) => line.floating !== undefined);
  const needsVersions =
    versioned.length > 0 && release.channel === 'stable' && (told === undefined || withSeries);
  const published = needsVersions ? await publishedVersions(versioned, registry) : [];
  const latest =
    versioned.length === 0
      ? {
          latest: false,
          reason: `${images.length === 0 ? 'no images' : 'only tags= images'}: no latest tags to move`,
        }
      : (told ?? decideLatest(mode, release, published));
  return { latest, series: withSeries ? decideSeries(release, published) : NO_SERIES_MOVES };
}

/** The stable versions in the lines' repositories, each read once and counted through its lines' suffixes. */
async function publishedVersions(
  lines: readonly ImageLine[],
  registry: RegistryReader | undefined,
): Promise<string[]> {
  if (registry === undefined) throw new Error('images to publish, but no reader of their registry');
  const suffixesByRepository = new Map<string, string[]>();
  for (const line of lines) {
    suffixesByRepository.set(line.repository, [
      ...(suffixesByRepository.get(line.repository) ?? []),
      line.suffix,
    ]);
  }
  const published = await Promise.all(
    [...suffixesByRepository].map(async ([repository, suffixes]) =>
      stableVersionsIn(await registry.listTags(repository), suffixes),
    ),
  );
  return published.flat();
}
