import type { PackageName } from '../../package-layout/package-name.js';
import { UserError } from '../../util/errors.js';
import type { Release } from './release.js';

/**
 * Checks that every package belongs to this release and returns the packages' version: the release
 * version for stable and prerelease; for dev, the one version all packages share (`0.27.0-12+abc1234`).
 */
export function packageVersion(release: Release, packages: readonly PackageName[]): string | undefined {
  if (release.channel !== 'dev') {
    for (const pkg of packages) {
      if (pkg.version !== release.version) {
        throw new UserError(
          `packages: ${pkg.fileName}`,
          `carries version ${pkg.version}, but the release is ${release.version}`,
          'publish only the packages built for this release',
        );
      }
    }
    return packages.length > 0 ? release.version : undefined;
  }
  const versions = [...new Set(packages.map((pkg) => pkg.version))];
  if (versions.length > 1) {
    throw new UserError(
      'packages',
      `a dev build must carry one version, found ${versions.join(', ')}`,
      'publish only the packages of this build',
    );
  }
  return versions[0];
}
