import type { PublishResult } from '../publish/publish.js';

/** The action's outputs, as strings (the contract documented in action.yml). */
export function outputsOf(result: PublishResult): Record<string, string> {
  return {
    version: result.release.version,
    channel: result.release.channel,
    latest: String(result.latest.latest),
    tags: result.tags.join('\n'),
    images: JSON.stringify(result.images),
    packages: JSON.stringify(result.packages),
    'package-version': result.packageVersion ?? '',
    plan: JSON.stringify(result.plan.map(withoutLocalFile)),
    'dry-run': String(result.dryRun),
  };
}

/** The runner's absolute paths say nothing to the reader of a plan; `file` already names the package. */
function withoutLocalFile<T extends object>(step: T): Omit<T, 'localFile'> {
  const { localFile: _ignored, ...rest } = step as T & { localFile?: string };
  return rest;
}
