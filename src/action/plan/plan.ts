import type { PartDigests } from '../../util/part-digests.js';
import type { PackageContents } from '../../formats/package-contents.js';
import { UserError } from '../../util/errors.js';
import type { LineTags } from '../release/tags.js';
import {
  imageReference,
  registryHost,
  targetName,
  type ImageTarget,
} from '../../image-drivers/image-target.js';
import type { ImageLine } from '../release/image-lines.js';
import type { Existing, ImageStep, InvalidateCdnStep, Step } from './steps.js';
import type { PlannedRepository } from '../../indexes/repository-updater.js';
import { dockerReferenceOf } from '../../signing/simple-signing.js';

export interface PlannedPackage {
  /** The file as shown to the user (relative to the workspace when inside it). */
  readonly file: string;
  readonly localFile: string;
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly existing: Existing;
  /** What a .deb or .rpm says of itself, read when it was validated; undefined for a tarball. */
  readonly contents: PackageContents | undefined;
  /** An .rpm signed in its header by this run (`localFile` is the signed copy). */
  readonly headerSigned?: true;
  /** Each upload part's sha256, for a host that takes this file in parts: hashed in validation's read. */
  readonly parts?: PartDigests;
}

export interface PlanInput {
  readonly registry: ImageTarget;
  /** Registry hosts that get every tag too, after the main registry (e.g. public.ecr.aws). */
  readonly mirrors?: readonly string[];
  /**
   * Where mirrors copy from: the local source again (docker driver), or the tag just pushed to the main
   * registry (registry driver: `docker://<registry>/<repository>:<tag>`), so mirrors get exactly those bytes.
   */
  readonly mirrorFrom?: 'source' | 'registry';
  readonly username?: string | undefined;
  readonly images: readonly LineTags[];
  readonly packages: readonly PlannedPackage[];
  /** The repositories the packages go into, updated after all packages are published. */
  readonly repositories?: readonly PlannedRepository[];
  /** Fingerprint of the key signing them. */
  readonly signedBy?: string | undefined;
  /** Whether the run attests build provenance (`provenance: true`). */
  readonly provenance?: boolean;
  /** How every pushed digest is signed (`image-signing`); undefined: not at all. */
  readonly imageSigning?: 'key' | 'keyless' | undefined;
  /** The CDN in front of the package host, invalidated after the host's last write (`cloudfront-distribution`). */
  readonly cdn?: Omit<InvalidateCdnStep, 'step'> | undefined;
  readonly overwrite: boolean;
}

/**
 * Orders the publish: log in → push the fixed (version) tags → publish packages → update the
 * repository indexes → move the floating tags last, so a run that fails part-way never leaves `latest` or `master` pointing at a half release.
 */
export function buildPlan(input: PlanInput): Step[] {
  const steps: Step[] = [];
  if (input.username && input.images.length > 0) {
    steps.push({ step: 'login', registry: targetName(input.registry), username: input.username });
  }
  const mirrors = input.mirrors ?? [];
  const phase = (kind: 'push' | 'move-tag', tagsOf: (tags: LineTags) => readonly string[]): void => {
    for (const registry of [input.registry, ...mirrors.map(registryHost)]) {
      for (const lineTags of input.images) {
        for (const tag of tagsOf(lineTags)) {
          const source =
            registry !== input.registry && input.mirrorFrom === 'registry'
              ? `docker://${imageReference(input.registry, lineTags.line.repository, tag)}`
              : lineTags.line.source;
          const series = lineTags.series?.find((follows) => follows.tag === tag);
          const step = imageStep(kind, registry, { ...lineTags.line, source }, tag);
          steps.push(
            series === undefined
              ? step
              : {
                  ...step,
                  series: { scope: series.scope, version: series.version, suffix: lineTags.line.suffix },
                },
          );
        }
      }
    }
  };
  phase('push', (tags) => tags.fixed);
  signPhase(steps, input, 'fixed');
  for (const pkg of input.packages) steps.push(packageStep(pkg, input.overwrite));
  // Indexes after every package they list is in place; floating tags after the indexes.
  for (const repository of input.repositories ?? []) {
    steps.push({
      step: 'update-repository',
      root: repository.root,
      format: repository.format,
      repository,
      retention: repository.retention,
      signedBy: input.signedBy,
    });
  }
  // A release's version tags are in place: provenance before floating tags; a dev build's after its branch
  // tag (a `tags=` line beside it has its tags already, but the branch tags are not there before they move).
  const devImages = input.images.some((tags) => tags.fixed.length === 0);
  if (!devImages) attestPhase(steps, input);
  phase('move-tag', (tags) => tags.floating);
  signPhase(steps, input, 'floating');
  if (devImages) attestPhase(steps, input);
  cdnPhase(steps, input);
  rejectCollisions(steps);
  return steps;
}

/** The invalidation right after the last step that writes to the package host; none without one. */
function cdnPhase(steps: Step[], input: PlanInput): void {
  if (input.cdn === undefined) return;
  const last = steps.findLastIndex(
    (step) =>
      step.step === 'publish-package' ||
      step.step === 'update-repository' ||
      (step.step === 'attest-provenance' && step.packages.length > 0),
  );
  if (last === -1) return;
  steps.splice(last + 1, 0, { step: 'invalidate-cdn', ...input.cdn });
}

/**
 * One sign step per image line and registry, on the digest its first tag of the kind got: the version
 * tag (after all version tags, before packages and floating tags), or for a dev build, which has only
 * its branch tag, that tag (after it moved). Mirrors sign after the main registry, with its signatures.
 */
function signPhase(steps: Step[], input: PlanInput, kind: 'fixed' | 'floating'): void {
  const signing = input.imageSigning;
  if (signing === undefined) return;
  for (const registry of [input.registry, ...(input.mirrors ?? []).map(registryHost)]) {
    for (const lineTags of input.images) {
      // A line with a version tag was signed through it; floating tags then carry the same digest.
      if (kind === 'floating' && lineTags.fixed.length > 0) continue;
      const tag = lineTags[kind][0];
      if (tag === undefined) continue;
      const { repository } = lineTags.line;
      const target = imageReference(registry, repository, tag);
      const signedAs =
        input.registry.kind === 'registry' ? dockerReferenceOf(input.registry.host, repository) : repository;
      steps.push({
        step: 'sign-image',
        source: lineTags.line.source,
        target,
        registry,
        repository,
        tag,
        signedAs,
        signing,
      });
    }
  }
}

/** The one attest-provenance step: every line on every registry by its first tag, every package. */
function attestPhase(steps: Step[], input: PlanInput): void {
  if (!input.provenance) return;
  const images = [input.registry, ...(input.mirrors ?? []).map(registryHost)].flatMap((registry) =>
    input.images.flatMap((lineTags) => {
      const tag = lineTags.fixed[0] ?? lineTags.floating[0];
      if (tag === undefined) return [];
      const { repository } = lineTags.line;
      return [{ target: imageReference(registry, repository, tag), registry, repository, tag }];
    }),
  );
  const packages = input.packages.map(({ file, path, sha256, existing }) => ({
    file,
    path,
    sha256,
    replaced: existing === 'different',
  }));
  if (images.length > 0 || packages.length > 0) steps.push({ step: 'attest-provenance', images, packages });
}

function imageStep<Kind extends 'push' | 'move-tag'>(
  step: Kind,
  registry: ImageTarget,
  line: ImageLine,
  tag: string,
): ImageStep<Kind> {
  const target = imageReference(registry, line.repository, tag);
  return { step, source: line.source, target, registry, repository: line.repository, tag };
}

function packageStep(pkg: PlannedPackage, overwrite: boolean): Step {
  if (pkg.existing === 'different' && !overwrite) {
    throw new UserError(
      `packages: ${pkg.path}`,
      'is already published with different content',
      'publish a new version, or set overwrite: true to replace it',
    );
  }
  const action = pkg.existing === 'absent' ? 'upload' : pkg.existing === 'same' ? 'skip' : 'replace';
  return {
    step: 'publish-package',
    file: pkg.file,
    localFile: pkg.localFile,
    path: pkg.path,
    sha256: pkg.sha256,
    size: pkg.size,
    action,
    ...(pkg.headerSigned ? { headerSigned: true } : {}),
    ...(pkg.parts ? { parts: pkg.parts } : {}),
  };
}

/** Two steps writing one image tag or one package path would publish whichever ran last. */
function rejectCollisions(steps: readonly Step[]): void {
  const written = new Map<string, string>();
  for (const step of steps) {
    const [target, from] =
      step.step === 'publish-package'
        ? [step.path, step.file]
        : step.step === 'push' || step.step === 'move-tag'
          ? [step.target, step.source]
          : [undefined, undefined];
    if (target === undefined) continue;
    const earlier = written.get(target);
    if (earlier !== undefined) {
      throw new UserError(
        target,
        `would be written twice (from ${earlier} and ${from})`,
        'give each image line and package file a distinct target',
      );
    }
    written.set(target, from ?? '');
  }
}
