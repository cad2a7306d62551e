import type { Config } from './inputs.js';
import type { ImagePorts } from './image-wiring.js';
import { lazyReader, LazyDriver } from '../image-drivers/lazy-image-ports.js';
import type { PackageHost } from '../hosts/host.js';
import { openPackageHost } from '../hosts/open-host.js';
import { findPackageFiles } from './validate/find-packages.js';
import type { PublishPorts, Repositories } from './ports.js';
import { LazyRepositories } from '../indexes/lazy-repositories.js';
import type { Logger } from '../util/logger.js';

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
    images ??= import('./image-wiring.js').then(({ imagePortsFor }) =>
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
    ...(host?.repositoryStore ? { repositories: repositoriesOf(host, config) } : {}),
    findFiles: findPackageFiles,
  };
}

function repositoriesOf(host: PackageHost, config: Config): Repositories {
  const { signingKey, signingPassphrase } = config;
  const date = new Date();
  return new LazyRepositories(async () => {
    const [{ DEFAULT_GRACE_MS, RepositoryUpdater }, { loadSigning }] = await Promise.all([
      import('../indexes/repository-updater.js'),
      import('../indexes/signing.js'),
    ]);
    return new RepositoryUpdater(() => host.repositoryStore!(), {
      loadSigning: signingKey ? () => loadSigning(signingKey, signingPassphrase) : undefined,
      retention: config.retention,
      date,
      graceMs: DEFAULT_GRACE_MS,
    });
  });
}
