import { UserError } from '../../util/errors.js';
import type { Logger } from '../../util/logger.js';
import type { Config } from '../inputs.js';
import type { ImagePorts } from '../ports.js';
import { allInOrder } from '../../util/all-in-order.js';

/**
 * Every source image exists, the registry takes the credentials and every mirror has a login: checked
 * before anything is pushed, since a refusal after the version tags would leave a half release.
 */
export async function checkImages(config: Config, images: ImagePorts, logger: Logger): Promise<void> {
  // Independent reads, at once; a refusal is still reported in this order whichever comes first.
  await allInOrder([
    () => checkSources(config, images, logger),
    async () => (config.credentials ? images.registry.checkAccess() : undefined),
    // A mirror that refuses us would fail the run after the main registry already has the version tags.
    () => allInOrder(config.mirrors.map((mirror) => () => images.mirror(mirror).checkAccess())),
    () => listTargetTags(config, images),
  ] as const);
  await checkPushRights(config, images);
}

/**
 * The registry driver reads each target repository's tag list before its first copy there (to tell new
 * tags from moved ones): read now, beside the checks, it costs no round trip of its own. Only a read
 * for later: a registry that will not list them is the push's to deal with.
 */
async function listTargetTags(config: Config, images: ImagePorts): Promise<void> {
  if (images.driver.reportsChanges !== true || config.dryRun) return;
  const repositories = [...new Set(config.images.map((line) => line.repository))];
  const readers = [images.registry, ...config.mirrors.map((mirror) => images.mirror(mirror))];
  await Promise.all(
    readers.flatMap((reader) => repositories.map((repository) => reader.readTagsAhead?.(repository))),
  );
}

async function checkSources(config: Config, images: ImagePorts, logger: Logger): Promise<void> {
  const check = await images.driver.checkSources(config.images.map((line) => line.source));
  if (check.unavailable !== undefined) {
    if (!config.dryRun) {
      throw new UserError(
        `image-driver: ${images.driver.name}`,
        `cannot reach its backend: ${check.unavailable}`,
        'start the docker daemon, or build the images earlier in this job',
      );
    }
    logger.warning(`source images not checked (${images.driver.name} unavailable: ${check.unavailable})`);
  }
  if (check.missing.length > 0) {
    throw new UserError(
      'images',
      `source image${check.missing.length > 1 ? 's' : ''} not found: ${check.missing.join(', ')}`,
      'build or pull them earlier in the job, or fix the source names',
    );
  }
}

/**
 * A login may be good yet lack push rights (a token service grants pull alone): found out now, not at
 * the first push, by opening and cancelling an upload session per repository. Only once every read
 * check passed (a run refused for a missing source opens none), and never in a dry run.
 */
async function checkPushRights(config: Config, images: ImagePorts): Promise<void> {
  if (!config.credentials || config.dryRun) return;
  const repositories = [...new Set(config.images.map((line) => line.repository))];
  await allInOrder(repositories.map((repository) => () => images.registry.checkPush(repository)));
}
