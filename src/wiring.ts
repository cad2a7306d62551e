import type { Config } from './inputs.js';
import { dockerConfigCredentials } from './credentials/docker-config.js';
import { DockerDriver } from './images/docker-driver.js';
import { LayoutReader } from './images/layout-reader.js';
import { LAYOUT_PREFIX, RegistryDriver } from './images/registry-driver.js';
import { openPackageHost } from './packages/open-host.js';
import type { PackageHost } from './packages/host.js';
import { LazyRepositories } from './repository/lazy-repositories.js';
import { findPackageFiles } from './publish/find-packages.js';
import type { PublishPorts, Repositories } from './publish/ports.js';
import { RegistryClient } from './registry/client.js';
import { UserError } from './util/errors.js';
import type { Logger } from './util/logger.js';

/**
 * Builds the adapters a configuration asks for: the image driver, the reader of the target's tags,
 * the package host. `mask` hides a secret in every later log line (core.setSecret on a runner).
 */
export function portsFor(
  config: Config,
  logger: Logger,
  mask: (secret: string) => void,
  workspace: string,
): PublishPorts {
  const clients = new Map<string, RegistryClient>();
  const clientFor = (registry: string): RegistryClient => {
    let client = clients.get(registry);
    if (!client) {
      // The main registry uses the inputs' credentials; mirrors and sources elsewhere, what docker login stored.
      const credentials =
        registry === config.registry ? config.credentials : dockerConfigCredentials(registry);
      if (credentials) {
        mask(credentials.password);
        mask(Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'));
      }
      const loginHint =
        registry === config.registry
          ? undefined
          : `log in to ${registry} before this step (docker login, or a login action): its credentials come from the docker client configuration`;
      client = new RegistryClient(registry, credentials, { logger, insecure: config.insecure, loginHint });
      clients.set(registry, client);
    }
    return client;
  };
  const layoutTarget = config.registry.startsWith(LAYOUT_PREFIX);
  const host = config.packageHost ? openPackageHost(config.packageHost, config) : undefined;
  return {
    driver:
      config.imageDriver === 'registry'
        ? new RegistryDriver(logger, clientFor, workspace)
        : new DockerDriver(logger),
    registry: layoutTarget
      ? new LayoutReader(config.registry.slice(LAYOUT_PREFIX.length))
      : clientFor(config.registry),
    mirror: (registry) => ({
      checkAccess: async () => {
        // A registry answers GET /v2/ with an anonymous token, so a missing login would only show at the
        // first push, after the main registry got its tags: refuse it now.
        if (!dockerConfigCredentials(registry)) {
          throw new UserError(
            'mirror-registries',
            `the docker client configuration holds no login for ${registry}`,
            `log in to ${registry} before this step (docker login, or a login action)`,
          );
        }
        await clientFor(registry).checkAccess();
      },
      listTags: (repository) => clientFor(registry).listTags(repository),
      manifestDigest: (repository, tag) => clientFor(registry).manifestDigest(repository, tag),
    }),
    host,
    ...(host ? { repositories: repositoriesOf(host, config) } : {}),
    findFiles: findPackageFiles,
  };
}

function repositoriesOf(host: PackageHost, config: Config): Repositories {
  const { signingKey, signingPassphrase } = config;
  const date = new Date();
  return new LazyRepositories(async () => {
    const [{ DEFAULT_GRACE_MS, RepositoryUpdater }, { loadSigner }] = await Promise.all([
      import('./repository/repository-updater.js'),
      import('./repos/signing/signer.js'),
    ]);
    return new RepositoryUpdater(() => host.repositoryStore(), {
      loadSigner: signingKey ? () => loadSigner(signingKey, signingPassphrase) : undefined,
      retention: config.retention,
      date,
      graceMs: DEFAULT_GRACE_MS,
    });
  });
}
