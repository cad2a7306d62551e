import type { Config } from './inputs.js';
import { dockerConfigCredentials } from '../registry/docker-config.js';
import type { ImagePorts, ImageSigningPort } from './ports.js';
import type { ImageSigning } from './inputs/signing-inputs.js';
import type { PayloadSigner } from '../signing/payload-signer.js';
import type { SignatureStores } from './signature-stores.js';
import { RegistryClient } from '../registry/client.js';
import { UserError } from '../util/errors.js';
import { basicAuthValue } from '../util/basic-auth.js';
import type { Logger } from '../util/logger.js';
import type { ImageDriver } from '../image-drivers/driver.js';
import { LayoutReader } from '../image-drivers/layout-reader.js';

/**
 * The image side of a run: the driver the configuration names, the reader of the target's tags, the
 * readers of mirrors. Loaded only by runs that publish images; each driver's own code only when chosen.
 */
export async function imagePortsFor(
  config: Config,
  logger: Logger,
  mask: (secret: string) => void,
  workspace: string,
  /** The run's keyless signer (one certificate for image signatures and provenance), when it has one. */
  keyless?: () => Promise<PayloadSigner>,
): Promise<ImagePorts> {
  const clients = new Map<string, RegistryClient>();
  const target = config.registry;
  const isTarget = (registry: string): boolean => target.kind === 'registry' && registry === target.host;
  const clientFor = (registry: string): RegistryClient => {
    let client = clients.get(registry);
    if (!client) {
      // The main registry uses the inputs' credentials; mirrors and sources elsewhere, what docker login stored.
      const credentials = isTarget(registry) ? config.credentials : dockerConfigCredentials(registry);
      if (credentials) {
        mask(credentials.password);
        mask(basicAuthValue(credentials.username, credentials.password));
      }
      const loginHint = isTarget(registry)
        ? undefined
        : `log in to ${registry} before this step (docker login, or a login action): its credentials come from the docker client configuration`;
      // registry-insecure is about the target the user named: mirrors and sources elsewhere keep https.
      const insecure = isTarget(registry) && config.insecure;
      client = new RegistryClient(registry, credentials, { logger, insecure, loginHint });
      clients.set(registry, client);
    }
    return client;
  };
  const driver: ImageDriver =
    config.imageDriver === 'registry'
      ? new (await import('../image-drivers/registry-driver.js')).RegistryDriver(logger, clientFor, workspace)
      : new (await import('../image-drivers/docker-driver.js')).DockerDriver(logger);
  const stores = (await import('./signature-stores.js')).signatureStores(clientFor);
  const signing =
    config.imageSigning.kind === 'none'
      ? undefined
      : await imageSigningFor(config.imageSigning, stores, keyless);
  return {
    driver,
    signatureStores: stores,
    ...(signing ? { signing } : {}),
    registry: target.kind === 'oci-layout' ? new LayoutReader(target.dir) : clientFor(target.host),
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
  };
}

/**
 * The image signer the configuration names; the cosign key is decrypted here, at start-up, so a wrong
 * password fails before anything is pushed. Its code (and @sigstore/sign's) is loaded only by runs that sign.
 */
async function imageSigningFor(
  signing: Exclude<ImageSigning, { kind: 'none' }>,
  stores: SignatureStores,
  keyless: (() => Promise<PayloadSigner>) | undefined,
): Promise<ImageSigningPort> {
  const { imageSigning } = await import('./image-signing.js');
  if (signing.kind === 'keyless') {
    if (!keyless) throw new Error('keyless image signing needs the keyless signer');
    return imageSigning(await keyless(), stores);
  }
  const [{ readCosignKey }, { keyPayloadSigner }] = await Promise.all([
    import('../signing/cosign-key.js'),
    import('../signing/key-payload-signer.js'),
  ]);
  return imageSigning(
    keyPayloadSigner(readCosignKey(signing.key, signing.password), signing.rekorUrl),
    stores,
  );
}
