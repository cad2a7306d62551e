import semver from 'semver';
import { UserError } from '../util/errors.js';
import type { ImageStep } from './plan/steps.js';
import type { RegistryReader } from './ports.js';
import { stableVersionsIn } from './release/latest.js';

/**
 * `latest: auto` decided at validation that this release is the newest stable one. A release published
 * since (by another run) must keep its `latest`: right before a `latest<suffix>` tag moves, its
 * repository's tags are read again, and the move is refused if a higher stable version is there now.
 */
export async function refuseLatestBackwards(
  step: Pick<ImageStep<'move-tag'>, 'tag' | 'repository' | 'target'>,
  reader: RegistryReader,
  version: string,
): Promise<void> {
  if (!step.tag.startsWith('latest')) return;
  const suffix = step.tag.slice('latest'.length);
  const now = stableVersionsIn(await reader.listTags(step.repository), [suffix]);
  const newest = now.filter((published) => semver.gt(published, version)).sort(semver.rcompare)[0];
  if (newest === undefined) return;
  throw new UserError(
    step.target,
    `${newest} was published while this run went on, so moving it to ${version} would take it backwards: it stays`,
    `nothing to undo: the version tags of ${version} are published, and latest stays with ${newest}`,
  );
}
