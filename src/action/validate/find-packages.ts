import { create } from '@actions/glob';
import { stat } from 'node:fs/promises';
import { UserError } from '../../util/errors.js';

/**
 * Expands the `packages` patterns (one per line, `!` excludes) to files. Each positive pattern must
 * match at least one file: a pattern that matches nothing is a build that did not produce its package.
 */
export async function findPackageFiles(patterns: readonly string[]): Promise<string[]> {
  const excludes = patterns.filter((pattern) => pattern.startsWith('!'));
  const files = new Set<string>();
  for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
    const globber = await create([pattern, ...excludes].join('\n'), { matchDirectories: false });
    const matched = await globber.glob();
    const regular: string[] = [];
    for (const file of matched) if ((await stat(file)).isFile()) regular.push(file);
    if (regular.length === 0) {
      throw new UserError(
        `packages: ${pattern}`,
        'matches no file',
        'check the pattern and that the build produced its packages',
      );
    }
    regular.forEach((file) => files.add(file));
  }
  return [...files].sort();
}
