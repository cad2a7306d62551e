import { UserError } from '../util/errors.js';
import type { ImageStep } from './plan/steps.js';
import type { RegistryReader } from './ports.js';
import { newerInSeries } from './release/floating.js';
import { stableVersionsIn } from './release/latest.js';

/**
 * A series tag (`X`, `X.Y`) was decided at validation to move to this release, the highest of its series
 * then. A release of the series published since (by another run) must keep it: right before the tag
 * moves, its repository's tags are read again, and the move is refused if a higher one is there now.
 */
export async function refuseSeriesBackwards(
  step: Pick<ImageStep<'move-tag'>, 'tag' | 'repository' | 'target' | 'series'>,
  reader: RegistryReader,
): Promise<void> {
  const { series } = step;
  if (series === undefined) return;
  const now = stableVersionsIn(await reader.listTags(step.repository), [series.suffix]);
  const newer = newerInSeries(series.version, series.scope, now);
  if (newer === undefined) return;
  throw new UserError(
    step.target,
    `${newer} was published while this run went on, so moving ${step.tag} to ${series.version} would take it backwards: it stays`,
    `nothing to undo: the version tags of ${series.version} are published, and ${step.tag} stays with ${newer}`,
  );
}
