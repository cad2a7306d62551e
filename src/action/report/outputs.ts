import type { PublishResult } from '../publish.js';
import type { Step } from '../plan/steps.js';
import { targetName } from '../../image-drivers/image-target.js';

/** The action's outputs, as strings (the contract documented in action.yml). */
export function outputsOf(result: PublishResult): Record<string, string> {
  return {
    version: result.release.version,
    channel: result.release.channel,
    // The decision, not the effect: a re-run after a later step failed, or a dry run, must give a workflow
    // the same answer as the first run, or its steps that announce the latest release would be skipped.
    // What this run actually moved is `changed-tags`.
    latest: String(result.latest.latest),
    tags: result.tags.join('\n'),
    'changed-tags': result.changedTags.join('\n'),
    images: JSON.stringify(result.images),
    packages: JSON.stringify(result.packages),
    'package-version': result.packageVersion ?? '',
    'package-host': result.packageHost?.description ?? '',
    signatures: JSON.stringify(result.signatures),
    plan: JSON.stringify(result.plan.map(planEntry)),
    'dry-run': String(result.dryRun),
  };
}

/**
 * A step as the `plan` output shows it: image steps name their registry as the `registry` input does,
 * repository steps name their packages by host path.
 */
function planEntry(step: Step): object {
  if (step.step === 'push' || step.step === 'move-tag' || step.step === 'sign-image')
    return { ...step, registry: targetName(step.registry) };
  if (step.step !== 'update-repository') return withoutLocalDetails(step);
  const { repository, ...rest } = step;
  return { ...rest, packages: repository.packages.map((pkg) => pkg.path) };
}

/**
 * The runner's absolute paths say nothing to the reader of a plan (`file` already names the package),
 * nor do the sha256 of each upload part (a 1 GiB package has 128).
 */
function withoutLocalDetails<T extends object>(step: T): Omit<T, 'localFile' | 'parts'> {
  const { localFile: _file, parts: _parts, ...rest } = step as T & { localFile?: string; parts?: unknown };
  return rest;
}
