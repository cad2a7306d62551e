import { LazyS3Store } from '../stores/lazy-s3-store.js';
import { DirectoryHost } from './directory-host.js';
import type { PackageHost } from './host.js';
import type { HostLocation } from './location.js';
import { StoreHost } from './store-host.js';

export interface HostOptions {
  readonly s3Endpoint: string | undefined;
  readonly s3Region: string | undefined;
  readonly serialized: boolean;
}

/** The one place that maps a `package-host` location to its adapter. */
export function openPackageHost(location: HostLocation, options: HostOptions): PackageHost {
  switch (location.kind) {
    case 'directory':
      return new DirectoryHost(location.path);
    case 's3':
      return new StoreHost(
        new LazyS3Store({
          bucket: location.bucket,
          prefix: location.prefix,
          ...(options.s3Endpoint ? { endpoint: options.s3Endpoint } : {}),
          ...(options.s3Region ? { region: options.s3Region } : {}),
        }),
        options.serialized,
      );
  }
}
