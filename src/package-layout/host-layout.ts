import type { PackageName } from './package-name.js';
import type { Channel } from '../action/release/release.js';

/**
 * Where a package lives on a host, as on Falco's download server: `deb[-dev]/stable/<file>`,
 * `rpm[-dev]/<file>`, `bin[-dev]/<arch>/<file>`. Prereleases and dev builds go to the `-dev` trees.
 */
export function packagePath(channel: Channel, pkg: PackageName): string {
  const dev = channel === 'stable' ? '' : '-dev';
  switch (pkg.kind) {
    case 'deb':
      return `deb${dev}/stable/${pkg.fileName}`;
    case 'rpm':
      return `rpm${dev}/${pkg.fileName}`;
    case 'tar.gz':
      return `bin${dev}/${pkg.arch}/${pkg.fileName}`;
  }
}
