import type { Config } from './inputs.js';
import type { ImagePorts } from './images/image-ports.js';
import { lazyReader, LazyDriver } from './images/lazy-image-ports.js';
import type { PackageHost } from './packages/host.js';
import { openPackageHost } from './packages/open-host.js';
import { findPackageFiles } from './publish/find-packages.js';
import type { PublishPorts, Repositories } from './publish/ports.js';
import { LazyRepositories } from './repository/lazy-repositories.js';
import type { Logger } from './util/logger.js';

/**
 * Builds the adapters a configuration asks for: the image driver, the reader of the target's tags,
 * the package host and its repositories. `mask` hides a secret in every later log line (core.setSecret
 * on a runner). The image and repository code are split chunks, loaded when the run first uses them:
 * start-up pays only for what the run publishes.
 */
export function portsFor(
  config: Config,
  logger: Logger,
  mask: (secret: string) => void,
  workspace: string,
): PublishPorts {
  let images: Promise<ImagePorts> | undefined;
  const imagePorts = (): Promise<ImagePorts> => {
    images ??= import('./images/image-ports.js').then(({ imagePortsFor }) =>
      imagePortsFor(config, logger, mask, workspace),
    );
    return images;
  };
  const host = config.packageHost ? openPackageHost(config.packageHost, config) : undefined;
  return {
    driver: new LazyDriver(config.imageDriver, config.imageDriver === 'registry', imagePorts),
    registry: lazyReader(async () => (await imagePorts()).registry),
    mirror: (registry) => lazyReader(async () => (await imagePorts()).mirror(registry)),
    host,
    ...(host ? { repositories: repositoriesOf(host, config) } : {}),
    findFiles: findPackageFiles,
  };
}

function repositoriesOf(host: PackageHost, config: Config): Repositories {
  const { signingKey, signingPassphrase } = config;
  const date = new Date();
  return new LazyRepositories(async () => {
    const [{ DEFAULT_GRACE_MS, RepositoryUpdater }, { loadSigning }] = await Promise.all([
      import('./repository/repository-updater.js'),
      import('./repository/signing.js'),
    ]);
    return new RepositoryUpdater(() => host.repositoryStore(), {
      loadSigning: signingKey ? () => loadSigning(signingKey, signingPassphrase) : undefined,
      retention: config.retention,
      date,
      graceMs: DEFAULT_GRACE_MS,
    });
  });
}
