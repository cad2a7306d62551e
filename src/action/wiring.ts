import { tmpdir } from 'node:os';
import type { Config } from './inputs.js';
import type { RpmHeaderSigning } from '../indexes/rpm-header-signing.js';
import type { Signing } from '../indexes/signing.js';
import type { PackageHost } from '../hosts/host.js';
import type { RepositoryStore } from '../stores/object-store.js';
import { UserError } from '../util/errors.js';
import { openPackageHost } from '../hosts/open-host.js';
import { gitHubReleaseSettings } from './github-release-settings.js';
import { findPackageFiles } from './validate/find-packages.js';
import type { Maintenance, ProvenancePort, PublishPorts, Repositories } from './ports.js';
import type { PayloadSigner } from '../signing/payload-signer.js';
import type { Logger } from '../util/logger.js';
import type { CdnInvalidator } from '../cdn/invalidator.js';
import type { CloudFrontInputs } from './inputs/cdn-inputs.js';

/**
 * Builds the adapters a configuration asks for, once, at start-up: the image side only when there are
 * images (each driver's code only when chosen), the package host its `package-host` scheme names (the
 * AWS SDK only for `s3://`), and the repository keeper (package readers, OpenPGP only with a key) only
 * for a host that can keep repositories. Each of these is a split chunk of the bundle, so a run loads
 * only the code it uses. `mask` hides a secret in every later log line (core.setSecret on a runner).
 */
export async function portsFor(
  config: Config,
  logger: Logger,
  mask: (secret: string) => void,
  workspace: string,
): Promise<PublishPorts> {
  const keyless = keylessOnce(config, mask);
  const location = config.packageHost;
  const [images, packages, provenance, cdn] = await Promise.all([
    config.images.length > 0
      ? import('./image-wiring.js').then(({ imagePortsFor }) =>
          imagePortsFor(config, logger, mask, workspace, keyless),
        )
      : undefined,
    location?.kind === 'bintray'
      ? import('./bintray-wiring.js').then(({ bintrayPortsFor }) => bintrayPortsFor(config, location, logger))
      : config.packageHost
        ? openPackageHost(
            config.packageHost,
            { ...config, githubReleaseSettings: gitHubReleaseSettings(config, process.env) },
            logger,
          ).then((host) => packagePortsFor(host, config))
        : undefined,
    config.provenance && keyless ? provenanceFor(keyless) : undefined,
    config.cloudfront && (config.packagePatterns.length > 0 || keepsHost(config))
      ? cdnFor(config.cloudfront)
      : undefined,
  ]);
  return {
    ...(images ? { images } : {}),
    ...packages,
    ...(provenance ? { provenance } : {}),
    ...(cdn ? { cdn } : {}),
    findFiles: findPackageFiles,
  };
}

/** The CloudFront client (its SDK is a chunk of its own, loaded only with `cloudfront-distribution`). */
async function cdnFor(cloudfront: CloudFrontInputs): Promise<CdnInvalidator> {
  const { CloudFrontInvalidator } = await import('../cdn/cloudfront-invalidator.js');
  return new CloudFrontInvalidator({
    distribution: cloudfront.distribution,
    ...(cloudfront.endpoint === undefined ? {} : { endpoint: cloudfront.endpoint }),
  });
}

/**
 * The run's keyless signer, made once when image signing or provenance needs it: one ephemeral key and
 * one Fulcio certificate serve both. @sigstore/sign is loaded only then.
 */
function keylessOnce(
  config: Config,
  mask: (secret: string) => void,
): (() => Promise<PayloadSigner>) | undefined {
  const keyless = config.imageSigning.kind === 'keyless' ? config.imageSigning : config.provenance;
  if (keyless === undefined) return undefined;
  let made: Promise<PayloadSigner> | undefined;
  return () =>
    (made ??= import('../signing/keyless-payload-signer.js').then(({ keylessPayloadSigner }) =>
      keylessPayloadSigner({ ...keyless, mask }),
    ));
}

async function provenanceFor(keyless: () => Promise<PayloadSigner>): Promise<ProvenancePort> {
  const [{ runnerContext }, signer] = await Promise.all([
    import('../signing/provenance-context.js'),
    keyless(),
  ]);
  return { signer, runner: runnerContext(process.env), tempDir: process.env.RUNNER_TEMP || tmpdir() };
}

/**
 * A package host and, when it can keep them, its repositories. A host that stores flat files only
 * (no `repositoryStore`) gets none: the plan then has no repository step.
 */
export async function packagePortsFor(
  host: PackageHost,
  config: Config,
): Promise<Pick<PublishPorts, 'host' | 'repositories' | 'maintenance'>> {
  const repositoryStore = host.repositoryStore?.bind(host);
  if (repositoryStore === undefined) {
    if (keepsHost(config)) {
      throw new UserError(
        'package-host',
        `${host.description} keeps no repositories, which mode '${config.mode.kind}' works on`,
        'give the directory or s3:// host the packages were published to',
      );
    }
    if (config.signingKey !== undefined) {
      throw new UserError(
        'signing-key',
        `is set, but ${host.description} keeps no repositories to sign`,
        'remove signing-key, or publish to a host that keeps APT/YUM repositories (a directory or s3://)',
      );
    }
    return { host };
  }
  if (keepsHost(config)) return { host, maintenance: await maintainerFor(host, repositoryStore, config) };
  if (config.packagePatterns.length === 0) return { host };
  const signing = signingOnce(config);
  const [repositories, rpmHeaders] = await Promise.all([
    repositoriesFor(repositoryStore, config, signing),
    config.rpmHeaderSignatures && signing ? rpmHeaderSigningFor(signing) : undefined,
  ]);
  return { host, repositories, ...(rpmHeaders ? { rpmHeaders } : {}) };
}

/** The signing key, read and decrypted once however many parts sign with it (rpm headers, repositories). */
function signingOnce(config: Config): (() => Promise<Signing>) | undefined {
  const { signingKey, signingPassphrase } = config;
  if (signingKey === undefined) return undefined;
  let loaded: Promise<Signing> | undefined;
  return () =>
    (loaded ??= import('../indexes/signing.js').then(({ loadSigning }) =>
      loadSigning(signingKey, signingPassphrase),
    ));
}

/** The signer of rpm headers (`rpm-header-signatures`), its signed copies in the runner's temp. */
async function rpmHeaderSigningFor(signing: () => Promise<Signing>): Promise<RpmHeaderSigning> {
  const [{ rpmHeaderSigning }, { signer }] = await Promise.all([
    import('../indexes/rpm-header-signing.js'),
    signing(),
  ]);
  return rpmHeaderSigning(signer, process.env.RUNNER_TEMP || tmpdir());
}

async function repositoriesFor(
  repositoryStore: () => RepositoryStore,
  config: Config,
  signing: (() => Promise<Signing>) | undefined,
): Promise<Repositories> {
  const { DEFAULT_GRACE_MS, RepositoryUpdater } = await import('../indexes/repository-updater.js');
  // Asked after the host's own check, which finds out whether its store keeps conditional writes.
  return new RepositoryUpdater(repositoryStore, {
    loadSigning: signing,
    retention: config.retention,
    date: new Date(),
    graceMs: DEFAULT_GRACE_MS,
  });
}

/** `mode: unpublish` and `mode: resign` work on the host's repositories, with no files of the workspace. */
function keepsHost(config: Config): boolean {
  return config.mode.kind === 'unpublish' || config.mode.kind === 'resign';
}

async function maintainerFor(
  host: PackageHost,
  repositoryStore: () => RepositoryStore,
  config: Config,
): Promise<Maintenance> {
  const [{ RepositoryMaintainer }, { DEFAULT_GRACE_MS }] = await Promise.all([
    import('../indexes/repository-maintainer.js'),
    import('../indexes/repository-updater.js'),
  ]);
  const replacePackage = (path: string, localFile: string, sha256: string): Promise<void> =>
    host.put(path, localFile, { sha256, replace: true });
  return new RepositoryMaintainer(replacePackage, repositoryStore, {
    loadSigning: signingOnce(config),
    headerSignatures: config.rpmHeaderSignatures,
    date: new Date(),
    graceMs: DEFAULT_GRACE_MS,
    tempRoot: process.env.RUNNER_TEMP || tmpdir(),
  });
}
