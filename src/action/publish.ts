import type { Logger } from '../util/logger.js';
import type { Config } from './inputs.js';
import { parseRef } from './release/ref.js';
import { tagsFor } from './release/tags.js';
import type { LatestDecision } from './release/latest.js';
import type { Release } from './release/release.js';
import { buildPlan, type PlanInput } from './plan/plan.js';
import type { Step } from './plan/steps.js';
import { execute } from './execute.js';
import { nothingExecuted, type PublishedImage, type PublishedPackage, type TagChange } from './published.js';
import { preparePackages } from './validate/prepare-packages.js';
import { readMovingTags } from './validate/read-moving-tags.js';
import { SERIES_SCOPES } from './release/floating.js';
import type { PublishPorts } from './ports.js';
import { checkImages } from './validate/check-images.js';
import { allInOrder } from '../util/all-in-order.js';
import { describeStep } from './plan/describe-step.js';
import type { RepositoryReport } from '../indexes/repository-updater.js';
import type { SignatureRecord } from '../signing/signature-record.js';
import { describeHost, nameHost, type NamedHost } from './report/package-host.js';
import type { CdnInvalidationRecord } from './cdn-invalidation.js';
import type { ModeKind } from './inputs/mode-inputs.js';

export interface PublishResult {
  /** What the run did, when not a publish: `revert-latest`, `unpublish`, `resign`. */
  readonly mode?: ModeKind;
  readonly release: Release;
  readonly latest: LatestDecision;
  /** The version the packages carry (for dev builds, e.g. `0.27.0-12+abc1234`). */
  readonly packageVersion: string | undefined;
  readonly tags: string[];
  readonly plan: Step[];
  readonly dryRun: boolean;
  readonly images: PublishedImage[];
  /** The tags this run created or moved to another digest; empty in a dry run (the plan has its would-be changes). */
  readonly changedTags: string[];
  /** Every tag pushed, with the digest it held before and holds now (empty in a dry run). */
  readonly tagChanges: TagChange[];
  /** Where the packages go; undefined when the run has no packages. */
  readonly packageHost: NamedHost | undefined;
  readonly packages: PublishedPackage[];
  readonly repositories: RepositoryReport[];
  readonly signatures: SignatureRecord[];
  /** What the CDN was asked to invalidate; absent in a dry run and without `cloudfront-distribution`. */
  readonly cdnInvalidation?: CdnInvalidationRecord;
}

/**
 * The whole publish: validate everything (ref, package files and names, what the host holds, source
 * images, credentials, latest) → plan → execute. Nothing is written before the plan exists.
 */
export async function publish(
  config: Config,
  loading: PublishPorts | Promise<PublishPorts>,
  logger: Logger,
  workspace: string,
): Promise<PublishResult> {
  const release = parseRef(config.ref, config.devBranch);
  logger.info(`release ${release.version} (${release.channel}) from ${config.ref}`);
  // The adapters' code may still be loading (see portsFor): the run has said what it publishes meanwhile.
  const ports = await loading;

  try {
    return await validateAndRun(config, release, ports, logger, workspace);
  } finally {
    // The header-signed rpms are copies made for this run: published or not, they go.
    await ports.rpmHeaders?.close();
  }
}

async function validateAndRun(
  config: Config,
  release: Release,
  ports: PublishPorts,
  logger: Logger,
  workspace: string,
): Promise<PublishResult> {
  const planned = await validateAndPlan(config, release, ports, logger, workspace);
  const { plan, packageHost, latest } = planned;

  if (config.dryRun) {
    await logger.group('Plan (dry run: nothing is published)', async () => {
      if (packageHost) logger.info(`host     ${describeHost(packageHost)}`);
      plan.forEach((step) => logger.info(describeStep(step)));
    });
    return { ...planned, ...nothingExecuted() };
  }
  if (packageHost) logger.info(`packages go to ${describeHost(packageHost)}`);
  try {
    // Decided by comparing versions: checked again before latest moves (a newer release may appear meanwhile).
    const latestFor = config.latest === 'auto' && latest.latest ? release.version : undefined;
    const executed = await execute(plan, ports, config.credentials, logger, latestFor);
    // The smallest hook for a host that records the run as a whole (a GitHub release's notes and its
    // dev assets): it needs what every step published, so it comes after the plan, floating tags too.
    await ports.host?.finish?.({ images: executed.images, packages: executed.packages });
    return { ...planned, ...executed };
  } finally {
    await ports.images?.driver.close?.();
  }
}

/** What a run publishes, before it publishes anything. */
type Planned = Omit<
  PublishResult,
  'images' | 'changedTags' | 'tagChanges' | 'packages' | 'repositories' | 'signatures'
>;

/**
 * Validates everything (package files and names, what the host holds, source images, credentials,
 * latest, the repositories) and builds the plan. Nothing is written here.
 */
async function validateAndPlan(
  config: Config,
  release: Release,
  ports: PublishPorts,
  logger: Logger,
  workspace: string,
): Promise<Planned> {
  // The wiring gives image ports exactly when the configuration has images.
  const images = config.images.length > 0 ? ports.images : undefined;
  // Three reads that need nothing of each other go together: at tens of ms a request, the registry's
  // answers arrive while the packages are hashed. Each still fails the run before anything is written.
  const [prepared, , moving] = await allInOrder([
    async () => {
      const files = config.packagePatterns.length > 0 ? await ports.findFiles(config.packagePatterns) : [];
      if (files.length > 0) await ports.host?.check?.();
      return preparePackages(release, files, ports.host, workspace, config.packagePatterns, ports.rpmHeaders);
    },
    async () => (images ? checkImages(config, images, logger) : undefined),
    () => readMovingTags(config.latest, release, config.images, images?.registry),
  ] as const);
  // Keyless: the runner's token and a Fulcio certificate, now, so a refusal comes before any push.
  if (images?.signing && !config.dryRun)
    logger.info(`images are signed by ${await images.signing.prepare()}`);
  const { latest } = moving;
  if (images) logger.info(latest.reason);
  for (const scope of SERIES_SCOPES) {
    if (config.images.some((line) => line.floating?.includes(scope)))
      logger.info(moving.series[scope].reason);
  }

  const planInput: PlanInput = {
    registry: config.registry,
    mirrors: config.mirrors,
    // The registry driver copies mirrors from the tags just pushed; docker pushes its local image again.
    mirrorFrom: config.imageDriver === 'registry' ? 'registry' : 'source',
    username: config.credentials?.username,
    images: config.images.map((line) => tagsFor(release, line, latest.latest, moving.series)),
    packages: prepared.packages,
    overwrite: config.overwrite,
    imageSigning: images?.signing?.kind,
    provenance: ports.provenance !== undefined,
    cdn: config.cloudfront && {
      distribution: config.cloudfront.distribution,
      root: config.cloudfront.root,
      wait: config.cloudfront.wait,
    },
  };
  // The plan without repositories first: it refuses what it can (a package published with other
  // content) before the slower reads of package metadata, the signing key and the current indexes.
  buildPlan(planInput);
  const repositories =
    ports.repositories && prepared.packages.length > 0
      ? await ports.repositories.prepare(prepared.packages)
      : [];
  const plan = buildPlan({ ...planInput, repositories, signedBy: ports.repositories?.fingerprint });
  const tags = plan.flatMap((step) =>
    step.step === 'push' || step.step === 'move-tag' ? [step.target] : [],
  );
  const packageHost =
    ports.host && prepared.packages.length > 0 ? nameHost(ports.host, config.s3Endpoint) : undefined;
  return {
    release,
    latest,
    packageVersion: prepared.version,
    tags,
    plan,
    dryRun: config.dryRun,
    packageHost,
  };
}
