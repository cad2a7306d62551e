import { imageReference, registryHost, targetName } from '../image-drivers/image-target.js';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { execute } from './execute.js';
import type { Config } from './inputs.js';
import { describeStep } from './plan/describe-step.js';
import type { ImageStep, Step } from './plan/steps.js';
import type { ImagePorts, PublishPorts } from './ports.js';
import type { PublishResult } from './publish.js';
import { nothingExecuted } from './published.js';

/**
 * `mode: revert-latest`: moves every `latest<suffix>` tag of the `images` lines back to the digest the
 * release `version` has (`<version><suffix>`), on the registry and every mirror. Each move is a manifest
 * PUT of a manifest the repository already holds: no blob moves. A version that was never published
 * to every repository is refused before any write.
 */
export async function revertLatest(
  config: Config,
  loading: PublishPorts | Promise<PublishPorts>,
  logger: Logger,
): Promise<PublishResult> {
  if (config.mode.kind !== 'revert-latest') throw new Error('revertLatest needs mode revert-latest');
  const { version } = config.mode;
  logger.info(`revert latest to ${version}`);
  const ports = await loading;
  const images = ports.images;
  if (!images) throw new Error('revert-latest needs the image ports');
  try {
    await checkReverting(config, images, version);
    const plan = revertPlan(config, version);
    const base = {
      mode: 'revert-latest' as const,
      release: { version, channel: 'stable' as const },
      latest: { latest: true, reason: `latest goes back to ${version} (mode: revert-latest)` },
      packageVersion: undefined,
      tags: plan.flatMap((step) => (step.step === 'move-tag' ? [step.target] : [])),
      plan,
      dryRun: config.dryRun,
      packageHost: undefined,
    };
    if (config.dryRun) {
      await logger.group('Plan (dry run: nothing is published)', async () => {
        plan.forEach((step) => logger.info(describeStep(step)));
      });
      return { ...base, ...nothingExecuted() };
    }
    // No latest re-check: going back is the point.
    return { ...base, ...(await execute(plan, ports, config.credentials, logger, undefined)) };
  } finally {
    await images.driver.close?.();
  }
}

/** The tags latest goes back to exist in every repository; the credentials may push; mirrors have a login. */
async function checkReverting(config: Config, images: ImagePorts, version: string): Promise<void> {
  if (config.credentials) await images.registry.checkAccess();
  for (const line of revertedLines(config)) {
    const tag = `${version}${line.suffix}`;
    if ((await images.registry.manifestDigest(line.repository, tag)) === undefined) {
      throw new UserError(
        'version',
        `${imageReference(config.registry, line.repository, tag)} does not exist: ${version} was never published there`,
        'give a version this repository has (its tags are the versions published)',
      );
    }
    if (config.credentials && !config.dryRun) await images.registry.checkPush(line.repository);
  }
  for (const mirror of config.mirrors) await images.mirror(mirror).checkAccess();
}

/** The lines that have a latest tag: a `tags=` line's fixed tags are never latest. */
function revertedLines(config: Config): Config['images'] {
  return config.images.filter((line) => line.fixedTags === undefined);
}

function revertPlan(config: Config, version: string): Step[] {
  const steps: Step[] = [];
  if (config.credentials) {
    steps.push({
      step: 'login',
      registry: targetName(config.registry),
      username: config.credentials.username,
    });
  }
  for (const registry of [config.registry, ...config.mirrors.map(registryHost)]) {
    for (const line of revertedLines(config)) {
      const tag = `latest${line.suffix}`;
      // From the main registry's version tag: its manifest is what latest held when that release was latest.
      const source = `docker://${imageReference(config.registry, line.repository, `${version}${line.suffix}`)}`;
      const step: ImageStep<'move-tag'> = {
        step: 'move-tag',
        source,
        target: imageReference(registry, line.repository, tag),
        registry,
        repository: line.repository,
        tag,
      };
      steps.push(step);
    }
  }
  return steps;
}
