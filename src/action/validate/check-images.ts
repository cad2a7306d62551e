import { UserError } from '../../util/errors.js';
import type { Logger } from '../../util/logger.js';
import type { Config } from '../inputs.js';
import type { ImagePorts } from '../ports.js';

/**
 * Every source image exists, the registry takes the credentials and every mirror has a login: checked
 * before anything is pushed, since a refusal after the version tags would leave a half release.
 */
export async function checkImages(config: Config, images: ImagePorts, logger: Logger): Promise<void> {
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
  if (config.credentials) {
    await images.registry.checkAccess();
    // A login may be good yet lack push rights (a token service grants pull alone): found out now, not
    // at the first push. A dry run leaves even an upload session alone.
    if (!config.dryRun) {
      for (const repository of new Set(config.images.map((line) => line.repository))) {
        await images.registry.checkPush(repository);
      }
    }
  }
  // A mirror that refuses us would fail the run after the main registry already has the version tags.
  for (const mirror of config.mirrors) await images.mirror(mirror).checkAccess();
}
