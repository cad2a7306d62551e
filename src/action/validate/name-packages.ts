import { basename, extname, posix } from 'node:path';
import { parsePackageName, type PackageName } from '../../package-layout/package-name.js';
import { UserError } from '../../util/errors.js';
import { patternMatching } from './find-packages.js';

/**
 * Parses each file's name as a package name. A file that is no package (a checksum beside the packages)
 * was matched by too wide a pattern: the error then suggests an exclusion built from that pattern,
 * `!<the pattern's folder>/*<the file's extension>`.
 */
export async function namePackages(
  files: readonly string[],
  expectedVersion: string | undefined,
  patterns: readonly string[],
): Promise<{ file: string; name: PackageName }[]> {
  const named: { file: string; name: PackageName }[] = [];
  for (const file of files) {
    try {
      named.push({ file, name: parsePackageName(basename(file), expectedVersion) });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const pattern = await patternMatching(file, patterns);
      if (pattern === undefined) throw error;
      const exclusion = exclusionFor(pattern, basename(file));
      const remedy = `${error.remedy ? `${error.remedy}, ` : ''}or leave it out with ${exclusion}`;
      throw new UserError(error.subject, error.problem, remedy);
    }
  }
  return named;
}

/** `build/release/falco-*` and `falco-0.40.0-x86_64.tar.gz.sha256` → `!build/release/*.sha256`. */
export function exclusionFor(pattern: string, fileName: string): string {
  const folder = posix.dirname(pattern);
  const extension = extname(fileName);
  const name = extension === '' ? fileName : `*${extension}`;
  return `!${folder === '.' ? '' : `${folder}/`}${name}`;
}
