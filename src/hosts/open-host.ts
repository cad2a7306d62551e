import { DirectoryStore } from '../stores/directory-store.js';
import type { Logger } from '../util/logger.js';
import { authorizationOf, credentialInputsOf, type HostCredentials } from './host-credentials.js';
import type { BintrayHostOptions } from './bintray/bintray-host.js';
import type { BintrayInputs } from './bintray/bintray-inputs.js';
import type { PackageHost } from './host.js';
import type { GitHubReleaseSettings } from './github-release/release-settings.js';
import type { HostLocation } from './location.js';
import { StoreHost } from './store-host.js';

export interface HostOptions {
  readonly s3Endpoint: string | undefined;
  readonly s3Region: string | undefined;
  readonly serialized: boolean;
  /** The credentials of an http(s):// host; none for the other kinds. */
  readonly packageHostCredentials?: HostCredentials;
  /** For `bintray://`: the API and credentials, and where each layout path goes there. */
  readonly bintrayHost?: (BintrayInputs & BintrayHostOptions) | undefined;
  /** For `package-host: github-release`: the repository, the release and the token. */
  readonly githubReleaseSettings?: GitHubReleaseSettings | undefined;
}

/**
 * The one place that maps a `package-host` location to its adapter. The S3 store's code (the AWS SDK,
 * over a megabyte) is imported only for an `s3://` location, the HTTP store's (got) only for an
 * `http(s)://` one, the Bintray client only for `bintray://`: the bundle splits each into a chunk of its
 * own, which runs that publish elsewhere never load. Packages over 64 MiB tell their progress through
 * `logger`.
 */
export async function openPackageHost(
  location: HostLocation,
  options: HostOptions,
  logger?: Logger,
): Promise<PackageHost> {
  const progress = logger === undefined ? undefined : { logger };
  switch (location.kind) {
    case 'directory':
      return new StoreHost(new DirectoryStore(location.path, progress), options.serialized);
    case 's3': {
      const { S3Store } = await import('../stores/s3-store.js');
      return new StoreHost(
        new S3Store({
          bucket: location.bucket,
          prefix: location.prefix,
          ...(options.s3Endpoint ? { endpoint: options.s3Endpoint } : {}),
          ...(options.s3Region ? { region: options.s3Region } : {}),
          progress,
        }),
        options.serialized,
      );
    }
    case 'http': {
      const [{ HttpStore }, { HttpHost }] = await Promise.all([
        import('../stores/http-store.js'),
        import('./http-host.js'),
      ]);
      const credentials = options.packageHostCredentials;
      const store = new HttpStore({
        baseUrl: location.url,
        ...(credentials === undefined ? {} : { authorization: authorizationOf(credentials) }),
        credentialInputs: credentialInputsOf(credentials),
        progress,
      });
      return new HttpHost(store, options.serialized);
    }
    case 'bintray': {
      if (options.bintrayHost === undefined) throw new Error('a bintray:// host needs its inputs');
      const [{ BintrayApi }, { BintrayHost }] = await Promise.all([
        import('./bintray/bintray-api.js'),
        import('./bintray/bintray-host.js'),
      ]);
      const api = new BintrayApi({ ...options.bintrayHost, ...(logger ? { logger } : {}) });
      return new BintrayHost(location.subject, api, { ...options.bintrayHost, progress });
    }
    case 'github-release': {
      // Octokit and its plugins are a chunk of their own too.
      const settings = options.githubReleaseSettings;
      if (settings === undefined) throw new Error('package-host: github-release needs its settings');
      const { GitHubReleaseHost } = await import('./github-release/github-release-host.js');
      return new GitHubReleaseHost({ settings, ...(logger ? { logger } : {}), progress });
    }
  }
}
