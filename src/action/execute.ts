import { UserError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import type { Credentials } from './inputs.js';
import type {
  AttestProvenanceStep,
  ImageStep,
  InvalidateCdnStep,
  ResignRepositoryStep,
  SignImageStep,
  WithdrawPackagesStep,
  Step,
} from './plan/steps.js';
import { invalidateCdn } from './cdn-invalidation.js';
import { attestProvenance } from './provenance-attestation.js';
import type { ImageTarget } from '../image-drivers/image-target.js';
import type { ImagePorts, PublishPorts, RegistryReader } from './ports.js';
import { describeRepositoryReport } from './report/repository-report.js';
import { targetName } from '../image-drivers/image-target.js';
import { mergeExecuted, nothingExecuted, type Executed } from './published.js';
import { bufferedLogger } from '../util/buffered-logger.js';
import { mapConcurrent } from '../util/map-concurrent.js';
import { STEPS_AT_ONCE } from './steps-at-once.js';
import { refuseLatestBackwards } from './recheck-latest.js';
import { refuseSeriesBackwards } from './recheck-series.js';

type PackageStep = Extract<Step, { step: 'publish-package' }>;
type RepositoryStep = Extract<Step, { step: 'update-repository' }>;

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
  /** Set when `latest: auto` moves latest for this version: re-checked right before each latest tag moves. */
  latestFor?: string,
): Promise<Executed> {
  const run = new Execution(plan, ports, credentials, logger, latestFor);
  for (const wave of waves(plan, ports.images?.driver.concurrentPushes === true)) {
    if (wave.length === 1) await run.step(wave[0] as Step);
    else await run.together(wave);
  }
  return run.executed;
}

/**
 * Steps that may run at once, kept in plan order: a run of image steps of one kind (the main
 * registry's, then the mirrors': a mirror that copies from the main registry's tag starts once that
 * tag is there, see `together`), of package uploads, or of repository updates (each its own root).
 * Every other step, and every image step of a driver whose pushes must follow each other, is a wave of
 * its own. The phases themselves stay in order: version tags → packages → indexes → floating tags,
 * and a failure stops the run before the next wave.
 */
export function waves(plan: readonly Step[], concurrentImages: boolean): Step[][] {
  const keyOf = (step: Step): string | undefined => {
    if ((step.step === 'push' || step.step === 'move-tag') && concurrentImages) return step.step;
    if (step.step === 'publish-package' || step.step === 'update-repository') return step.step;
    return undefined;
  };
  const grouped: Step[][] = [];
  let lastKey: string | undefined;
  for (const step of plan) {
    const key = keyOf(step);
    const last = grouped.at(-1);
    if (key !== undefined && key === lastKey && last !== undefined) last.push(step);
    else grouped.push([step]);
    lastKey = key;
  }
  return grouped;
}

/** When an image step's tag is there: settled once the step is done, rejected if it failed. */
interface Landing {
  readonly promise: Promise<unknown>;
  resolve(): void;
  reject(error: unknown): void;
}

function landing(): Landing {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<unknown>((done, fail) => {
    resolve = () => done(undefined);
    reject = fail;
  });
  // Nobody may wait for it: its failure is reported by its own step, not as an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** The landing of each image step of a wave, by step and by `docker://<reference>` (how a mirror names its source). */
function tagsWrittenBy(wave: readonly Step[]): {
  readonly ofStep: ReadonlyMap<Step, Landing>;
  readonly ofReference: ReadonlyMap<string, Landing>;
} {
  const ofStep = new Map<Step, Landing>();
  const ofReference = new Map<string, Landing>();
  for (const step of wave) {
    if (step.step !== 'push' && step.step !== 'move-tag') continue;
    const landed = landing();
    ofStep.set(step, landed);
    ofReference.set(`docker://${step.target}`, landed);
  }
  return { ofStep, ofReference };
}

/** One run of a plan: what it published so far, and what later steps need of earlier ones. */
class Execution {
  readonly executed: Executed = nothingExecuted();
  /** Package paths this run wrote: their signatures are written anew. */
  private readonly written = new Set<string>();
  /** Package paths this run wrote over another build: a cache may hold the old one. */
  private readonly replaced = new Set<string>();
  /** The digest each source got first: all its tags must get the same. */
  private readonly digestOfSource = new Map<string, string>();
  /** The plan starts with the main registry; mirrors follow it. Only the main registry is read back. */
  private readonly primaryRegistry: string | undefined;

  constructor(
    plan: readonly Step[],
    private readonly ports: PublishPorts,
    private readonly credentials: Credentials | undefined,
    private readonly logger: Logger,
    private readonly latestFor: string | undefined,
  ) {
    const primary = plan.find((step) => step.step === 'push' || step.step === 'move-tag');
    this.primaryRegistry =
      primary?.step === 'push' || primary?.step === 'move-tag' ? targetName(primary.registry) : undefined;
  }

  /**
   * The steps of a wave at once, at most STEPS_AT_ONCE in flight. Each logs into a buffer and records
   * into its own results, which join the run's in plan order once all are done: the log and the outputs
   * read the same whatever order they finished in. The first failure stops new steps from starting; the
   * ones already started finish (none is left writing), and what they did is still reported. An image
   * step whose source is a tag another step of the wave writes (a mirror copying the main registry's
   * tag) waits for that step, and fails with it: steps start in plan order, so the one it waits for has
   * always started.
   */
  async together(wave: readonly Step[]): Promise<void> {
    const views = wave.map(() => ({ logger: bufferedLogger(), executed: nothingExecuted() }));
    const written = tagsWrittenBy(wave);
    try {
      await mapConcurrent(wave, STEPS_AT_ONCE, async (step, index) => {
        const landed = written.ofStep.get(step);
        try {
          const source = step.step === 'push' || step.step === 'move-tag' ? step.source : undefined;
          const upstream = source === undefined ? undefined : written.ofReference.get(source);
          if (upstream !== undefined) await upstream.promise;
          // A view of this run with its own log and results; the sets later steps read stay shared.
          const view = Object.create(this, {
            logger: { value: views[index]?.logger },
            executed: { value: views[index]?.executed },
          }) as Execution;
          await view.step(step);
          landed?.resolve();
        } catch (error) {
          landed?.reject(error);
          throw error;
        }
      });
    } finally {
      for (const { logger, executed } of views) {
        await logger.replay(this.logger);
        mergeExecuted(this.executed, executed);
      }
    }
  }

  async step(step: Step): Promise<void> {
    switch (step.step) {
      case 'login': {
        const { credentials, ports } = this;
        if (!credentials || !ports.images)
          throw new Error('a login step needs credentials and an image driver');
        const { driver } = ports.images;
        await this.logger.group(`Log in to ${step.registry}`, () => driver.login(step.registry, credentials));
        return;
      }
      case 'push':
      case 'move-tag':
        return this.image(step);
      case 'sign-image':
        return this.sign(step);
      case 'publish-package':
        return this.package(step);
      case 'update-repository':
        return this.repository(step);
      case 'attest-provenance':
        return this.attest(step);
      case 'withdraw-packages':
        return this.withdraw(step);
      case 'resign-repository':
        return this.resign(step);
      case 'invalidate-cdn':
        return this.invalidate(step);
    }
  }

  private async image(step: ImageStep<'push' | 'move-tag'>): Promise<void> {
    const { images } = this.ports;
    if (!images) throw new Error('an image step needs an image driver');
    const title = `${step.step === 'push' ? 'Push' : 'Move'} ${step.target}`;
    const { digest, changed, before } = await this.logger.group(title, () => this.pushVerified(step, images));
    const first = this.digestOfSource.get(step.source);
    if (first !== undefined && first !== digest) {
      throw new UserError(
        step.target,
        `got digest ${digest}, but other tags of ${step.source} got ${first}`,
        'the source image changed during the run: rebuild and publish again',
      );
    }
    this.digestOfSource.set(step.source, digest);
    this.executed.images.push({ ref: step.target, digest });
    this.executed.tagChanges.push({ ref: step.target, before, after: digest });
    if (changed) this.executed.changedTags.push(step.target);
  }

  /**
   * Pushes, then reads the tag back from the registry: users once got a `latest` that lagged (falco#823).
   * Whether the push changed the tag comes from the driver, or else from the tag's digest read before.
   */
  private async pushVerified(
    step: ImageStep<'push' | 'move-tag'>,
    images: ImagePorts,
  ): Promise<{ digest: string; changed: boolean; before: string | undefined }> {
    const primary = targetName(step.registry) === this.primaryRegistry;
    const { driver } = images;
    // The main registry's versions decided latest (see readLatest): they are read again for mirrors too.
    if (step.step === 'move-tag' && this.latestFor !== undefined) {
      await refuseLatestBackwards(step, images.registry, this.latestFor);
    }
    // Series tags are always decided by comparing versions: always checked again.
    if (step.step === 'move-tag') await refuseSeriesBackwards(step, images.registry);
    // One HEAD per tag, only for a driver that cannot tell (the registry driver reads the tag before copying anyway).
    const reader = primary ? images.registry : images.mirror(targetName(step.registry));
    const read = driver.reportsChanges ? undefined : await reader.manifestDigest(step.repository, step.tag);
    const pushed = await driver.push(step.source, step.target, step);
    const { digest } = pushed;
    const before = pushed.before ? pushed.before.digest : read;
    const changed = pushed.changed ?? before !== digest;
    if (driver.verifiesDigests || !primary) return { digest, changed, before };
    const served = await images.registry.manifestDigest(step.repository, step.tag);
    if (served !== digest) {
      throw new UserError(
        step.target,
        `the registry serves ${served ?? 'nothing'} after pushing ${digest}`,
        'check for another publisher writing the same tag, then run again',
      );
    }
    this.logger.info(
      `pushed ${step.source} as ${step.target}; the registry serves ${digest}${changed ? '' : ', as before'}`,
    );
    return { digest, changed, before };
  }

  /** Signs the digest the step's tag got in this run (read from the registry when the run did not push it). */
  private async sign(step: SignImageStep): Promise<void> {
    const signing = this.ports.images?.signing;
    if (!signing) throw new Error('a sign-image step needs an image signer');
    const pushed = this.executed.images.findLast((image) => image.ref === step.target)?.digest;
    const records = await this.logger.group(`Sign ${step.target}`, async () => {
      const digest = pushed ?? (await this.readerFor(step).manifestDigest(step.repository, step.tag));
      if (digest === undefined) throw new UserError(step.target, 'is not in the registry: nothing to sign');
      const made = await signing.sign(step, digest);
      for (const record of made) {
        this.logger.info(
          `${record.kind} of ${record.digest}: ${record.state === 'signed' ? 'written to' : 'already in'} ${record.where}`,
        );
      }
      return made;
    });
    this.executed.signatures.push(...records);
  }

  private async attest(step: AttestProvenanceStep): Promise<void> {
    const { provenance, host, images } = this.ports;
    if (!provenance) throw new Error('an attest-provenance step needs the provenance port');
    const records = await this.logger.group('Attest build provenance', async () => {
      const made = await attestProvenance(step, {
        port: provenance,
        stores: images?.signatureStores,
        host,
        digestOf: async (image) => {
          const pushed = this.executed.images.findLast((done) => done.ref === image.target)?.digest;
          const digest = pushed ?? (await this.readerFor(image).manifestDigest(image.repository, image.tag));
          if (digest === undefined)
            throw new UserError(image.target, 'is not in the registry: nothing to attest');
          return digest;
        },
      });
      const written = made.filter((record) => record.state === 'signed').length;
      this.logger.info(
        `build provenance: ${written} written, ${made.length - written} already there, signed by ${made[0]?.signer ?? '—'}`,
      );
      return made;
    });
    this.executed.signatures.push(...records);
  }

  private readerFor(step: { readonly registry: ImageTarget }): RegistryReader {
    const images = this.ports.images;
    if (!images) throw new Error('a sign-image step needs image ports');
    return targetName(step.registry) === this.primaryRegistry
      ? images.registry
      : images.mirror(targetName(step.registry));
  }

  private async package(step: PackageStep): Promise<void> {
    const { host } = this.ports;
    await this.logger.group(`Publish ${step.path}`, async () => {
      if (step.action === 'skip') {
        this.logger.info(`${step.path} is already published with sha256 ${step.sha256}: skipped`);
        return;
      }
      if (!host) throw new Error('a package step needs a package host');
      await host.put(step.path, step.localFile, {
        sha256: step.sha256,
        replace: step.action === 'replace',
        ...(step.parts ? { parts: step.parts } : {}),
      });
      this.written.add(step.path);
      if (step.action === 'replace') this.replaced.add(step.path);
      this.logger.info(
        `${step.action === 'replace' ? 'replaced' : 'uploaded'} ${step.path} (${step.size} bytes, sha256 ${step.sha256})`,
      );
    });
    this.executed.packages.push({ file: step.file, path: step.path, sha256: step.sha256, size: step.size });
  }

  private async invalidate(step: InvalidateCdnStep): Promise<void> {
    const { cdn } = this.ports;
    if (!cdn) throw new Error('an invalidate-cdn step needs the CDN port');
    const { repositories, signatures } = this.executed;
    this.executed.cdnInvalidation = await this.logger.group(`Invalidate ${cdn.description}`, () =>
      invalidateCdn(step, cdn, { replacedPackages: this.replaced, repositories, signatures }, this.logger),
    );
  }

  private async withdraw(step: WithdrawPackagesStep): Promise<void> {
    const { maintenance } = this.ports;
    if (!maintenance) throw new Error('a withdraw step needs the maintenance port');
    const report = await this.logger.group(
      `Withdraw ${step.packages.length} package(s) from ${step.root}`,
      async () => {
        const done = await maintenance.withdraw(step);
        this.logger.info(describeRepositoryReport(done));
        return done;
      },
    );
    this.executed.repositories.push(report);
  }

  private async resign(step: ResignRepositoryStep): Promise<void> {
    const { maintenance } = this.ports;
    if (!maintenance) throw new Error('a resign step needs the maintenance port');
    const report = await this.logger.group(`Sign ${step.root} again`, async () => {
      const done = await maintenance.resign(step);
      this.logger.info(describeRepositoryReport(done));
      return done;
    });
    this.executed.repositories.push(report);
  }

  private async repository(step: RepositoryStep): Promise<void> {
    const { repositories } = this.ports;
    if (!repositories) throw new Error('a repository step needs the repositories port');
    const report = await this.logger.group(`Update ${step.root} (${step.format})`, async () => {
      const done = await repositories.update(step.repository, this.written);
      this.logger.info(describeRepositoryReport(done));
      return done;
    });
    this.executed.repositories.push(report);
  }
}
