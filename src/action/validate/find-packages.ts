import { create } from '@actions/glob';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../../util/errors.js';

/**
 * Expands the `packages` patterns (one per line, `!` excludes) to files, matched from the working
 * directory (on a runner, the workspace). Each positive pattern must match at least one file: a pattern
 * that matches nothing is a build that did not produce its package; all such patterns are named at once.
 */
export async function findPackageFiles(patterns: readonly string[]): Promise<string[]> {
  checkPatternsStayDown(patterns);
  const files = new Set<string>();
  const missing: string[] = [];
  for (const pattern of positive(patterns)) {
    const regular = await filesOf(pattern, patterns);
    if (regular.length === 0) missing.push(pattern);
    regular.forEach((file) => files.add(file));
  }
  if (missing.length > 0) {
    const one = missing.length === 1;
    throw new UserError(
      'packages',
      `${missing.join(', ')} ${one ? 'matches' : 'match'} no file (patterns are matched from ${process.cwd()})`,
      `check the pattern${one ? '' : 's'} and that the build produced its packages`,
    );
  }
  return [...files].sort();
}

/** The first positive pattern that matches `file` (with the excludes applied), if any. */
export async function patternMatching(
  file: string,
  patterns: readonly string[],
): Promise<string | undefined> {
  const target = resolve(file);
  for (const pattern of positive(patterns)) {
    if ((await filesOf(pattern, patterns)).some((found) => resolve(found) === target)) return pattern;
  }
  return undefined;
}

/** `.` and `..` parts, which the glob refuses with an assertion: said here as what they are. */
function checkPatternsStayDown(patterns: readonly string[]): void {
  const climbing = patterns.find((pattern) =>
    pattern
      .replace(/^!/, '')
      .split(/[/\\]/)
      .some((part) => part === '.' || part === '..'),
  );
  if (climbing !== undefined) {
    throw new UserError(
      'packages',
      `${climbing} has a . or .. part (patterns are matched from ${process.cwd()}, and never climb out of it)`,
      'write the pattern from the workspace down, e.g. build/release/falco-*',
    );
  }
}

function positive(patterns: readonly string[]): string[] {
  return patterns.filter((pattern) => !pattern.startsWith('!'));
}

/** The regular files one positive pattern matches, less every exclude. */
async function filesOf(pattern: string, patterns: readonly string[]): Promise<string[]> {
  const excludes = patterns.filter((p) => p.startsWith('!'));
  const globber = await create([pattern, ...excludes].join('\n'), { matchDirectories: false });
  const regular: string[] = [];
  for (const file of await globber.glob()) if ((await stat(file)).isFile()) regular.push(file);
  return regular;
}
