import { DirectoryHost } from './directory-host.js';
import type { PackageHost } from './host.js';
import type { HostLocation } from './location.js';

/** The one place that maps a `package-host` location to its adapter. */
export function openPackageHost(location: HostLocation): PackageHost {
  switch (location.kind) {
    case 'directory':
      return new DirectoryHost(location.path);
  }
}
