import { decideLatest, stableVersionsIn, type LatestDecision, type LatestMode } from '../release/latest.js';
import type { ImageLine } from '../release/image-lines.js';
import type { Release } from '../release/release.js';
import type { RegistryReader } from '../ports.js';

/**
 * Decides `latest` once for the whole release. Only `auto` for a stable release with images needs the
 * registry: the stable versions already in every target repository, read through their tag lists.
 */
export async function readLatest(
  mode: LatestMode,
  release: Release,
  images: readonly ImageLine[],
  registry: RegistryReader | undefined,
): Promise<LatestDecision> {
  if (mode !== 'auto' || release.channel !== 'stable') {
    const decision = decideLatest(mode, release, []);
    return images.length === 0 ? { latest: false, reason: 'no images: no latest tags to move' } : decision;
  }
  if (images.length === 0) return { latest: false, reason: 'no images: no latest tags to move' };
  if (registry === undefined) throw new Error('images to publish, but no reader of their registry');
  const suffixesByRepository = new Map<string, string[]>();
  for (const line of images) {
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
  return decideLatest(mode, release, published.flat());
}
