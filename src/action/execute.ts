import { UserError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import type { Credentials } from './inputs.js';
import type { ImageStep, Step } from './plan/steps.js';
import type { ImagePorts, PublishPorts } from './ports.js';
import { targetName } from '../image-drivers/image-target.js';
import type { RepositoryReport } from '../indexes/repository-updater.js';

export interface PublishedImage {
  readonly ref: string;
  readonly digest: string;
}

export interface PublishedPackage {
  readonly file: string;
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

export interface Executed {
  readonly images: PublishedImage[];
  readonly packages: PublishedPackage[];
  readonly repositories: RepositoryReport[];
}

/**
 * Runs the plan in order; the first failure stops it, so floating tags never move after a failure.
 * Pushes run one at a time on purpose: Falco's images share base layers, and docker uploads a shared
 * layer once and mounts it for the next repository only when the pushes follow each other.
 */
export async function execute(
  plan: readonly Step[],
  ports: PublishPorts,
  credentials: Credentials | undefined,
  logger: Logger,
): Promise<Executed> {
  const images: PublishedImage[] = [];
  const packages: PublishedPackage[] = [];
  const repositories: RepositoryReport[] = [];
  /** Package paths this run wrote: their signatures are written anew. */
  const written = new Set<string>();
  const digestOfSource = new Map<string, string>();
  // The plan starts with the main registry; mirrors follow it. Only the main registry is read back here.
  const primary = plan.find((step) => step.step === 'push' || step.step === 'move-tag');
  const primaryRegistry =
    primary?.step === 'push' || primary?.step === 'move-tag' ? targetName(primary.registry) : undefined;
  for (const step of plan) {
    switch (step.step) {
      case 'login': {
        const { images } = ports;
        if (!credentials || !images) throw new Error('a login step needs credentials and an image driver');
        await logger.group(`Log in to ${step.registry}`, () =>
          images.driver.login(step.registry, credentials),
        );
        break;
      }
      case 'push':
      case 'move-tag': {
        const title = `${step.step === 'push' ? 'Push' : 'Move'} ${step.target}`;
        const { images: imagePorts } = ports;
        if (!imagePorts) throw new Error('an image step needs an image driver');
        const digest = await logger.group(title, () =>
          pushVerified(step, imagePorts, logger, primaryRegistry),
        );
        const first = digestOfSource.get(step.source);
        if (first !== undefined && first !== digest) {
          throw new UserError(
            step.target,
            `got digest ${digest}, but other tags of ${step.source} got ${first}`,
            'the source image changed during the run: rebuild and publish again',
          );
        }
        digestOfSource.set(step.source, digest);
        images.push({ ref: step.target, digest });
        break;
      }
      case 'publish-package':
        await logger.group(`Publish ${step.path}`, async () => {
          if (step.action === 'skip') {
            logger.info(`${step.path} is already published with sha256 ${step.sha256}: skipped`);
            return;
          }
          if (!ports.host) throw new Error('a package step needs a package host');
          await ports.host.put(step.path, step.localFile, {
            sha256: step.sha256,
            replace: step.action === 'replace',
          });
          written.add(step.path);
          logger.info(
            `${step.action === 'replace' ? 'replaced' : 'uploaded'} ${step.path} (${step.size} bytes, sha256 ${step.sha256})`,
          );
        });
        packages.push({ file: step.file, path: step.path, sha256: step.sha256, size: step.size });
        break;
      case 'update-repository': {
        const { repositories: keeper } = ports;
        if (!keeper) throw new Error('a repository step needs the repositories port');
        const report = await logger.group(`Update ${step.root} (${step.format})`, async () => {
          const done = await keeper.update(step.repository, written);
          logger.info(describeReport(done));
          return done;
        });
        repositories.push(report);
        break;
      }
    }
  }
  return { images, packages, repositories };
}

function describeReport(report: RepositoryReport): string {
  const parts = [
    report.changed === undefined ? undefined : report.changed ? 'indexes updated' : 'indexes already current',
    report.conflicts
      ? `${report.conflicts} concurrent update${report.conflicts > 1 ? 's' : ''} merged`
      : undefined,
    report.signatures
      ? `${report.signatures} package signature${report.signatures > 1 ? 's' : ''} written`
      : undefined,
    report.derivedWritten ? `${report.derivedWritten} signature/plain index file(s) written` : undefined,
    report.removed.length > 0 ? `retention removed ${report.removed.join(', ')}` : undefined,
    report.expired?.length
      ? `${report.expired.length} index file(s) past their grace period deleted`
      : undefined,
  ];
  return `${report.root}: ${parts.filter(Boolean).join('; ') || 'nothing to do'}`;
}

/** Pushes, then reads the tag back from the registry: users once got a `latest` that lagged (falco#823). */
async function pushVerified(
  step: ImageStep<'push' | 'move-tag'>,
  ports: ImagePorts,
  logger: Logger,
  primaryRegistry: string | undefined,
): Promise<string> {
  const digest = await ports.driver.push(step.source, step.target, step);
  if (ports.driver.verifiesDigests || targetName(step.registry) !== primaryRegistry) return digest;
  const served = await ports.registry.manifestDigest(step.repository, step.tag);
  if (served !== digest) {
    throw new UserError(
      step.target,
      `the registry serves ${served ?? 'nothing'} after pushing ${digest}`,
      'check for another publisher writing the same tag, then run again',
    );
  }
  logger.info(`pushed ${step.source} as ${step.target}; the registry serves ${digest}`);
  return digest;
}
