import type { PartDigests } from '../../util/part-digests.js';
import type { PlannedRepository, PlannedRetention } from '../../indexes/repository-updater.js';
import type { PlannedResigning } from '../../indexes/resigning.js';
import type { PlannedWithdrawal } from '../../indexes/withdrawal.js';
import type { ImageTarget } from '../../image-drivers/image-target.js';
import type { RepositoryFormat } from '../../package-layout/host-layout.js';
import type { SeriesScope } from '../release/floating.js';

/** What a package host holds at a package's path before the run. */
export type Existing = 'absent' | 'same' | 'different';

/** One step of a publish, in the order it runs; the dry-run prints exactly this list. */
/** Every kind of step, in the order a plan runs them (the `plan` output's `step` values). */
export const STEP_KINDS = [
  'login',
  'push',
  'sign-image',
  'publish-package',
  'update-repository',
  'withdraw-packages',
  'resign-repository',
  'attest-provenance',
  'invalidate-cdn',
  'move-tag',
] as const;

export type Step =
  | { readonly step: 'login'; readonly registry: string; readonly username: string }
  | ImageStep<'push'>
  | SignImageStep
  | {
      readonly step: 'publish-package';
      readonly file: string;
      readonly localFile: string;
      readonly path: string;
      readonly sha256: string;
      readonly size: number;
      /** `upload` (absent), `skip` (same content there), `replace` (different content, overwrite allowed). */
      readonly action: 'upload' | 'skip' | 'replace';
      /** An .rpm this run signed in its header (`rpm-header-signatures`): `sha256` is the signed file's. */
      readonly headerSigned?: true;
      /** Each upload part's sha256, when the host takes the file in parts; not shown in the plan output. */
      readonly parts?: PartDigests;
    }
  | {
      readonly step: 'update-repository';
      /** `deb`, `deb-dev`, `rpm`, `rpm-dev`, `bin`, `bin-dev`, `wasm`, `wasm-dev`. */
      readonly root: string;
      readonly format: RepositoryFormat;
      /** The packages of this run it indexes (re-indexing one already there is harmless). */
      readonly repository: PlannedRepository;
      /**
       * What retention keeps (dev trees named in `dev-retention`) and every file it would delete as
       * the host stands before the run; undefined: nothing is pruned.
       */
      readonly retention: PlannedRetention | undefined;
      /** Fingerprint of the signing key, or undefined for an unsigned repository. */
      readonly signedBy: string | undefined;
    }
  | WithdrawPackagesStep
  | ResignRepositoryStep
  | AttestProvenanceStep
  | InvalidateCdnStep
  | ImageStep<'move-tag'>;

/**
 * `mode: unpublish`: a version's packages taken out of one repository's index (signed again), then
 * deleted with what lies beside them. Images are never deleted.
 */
export interface WithdrawPackagesStep extends PlannedWithdrawal {
  readonly step: 'withdraw-packages';
  /** Fingerprint of the key the index is signed again with, or undefined for an unsigned repository. */
  readonly signedBy: string | undefined;
}

/**
 * `mode: resign`: every signature of one repository the current key did not make, made again (rpm
 * headers, `.asc` files, the index's signatures), and the index updated where rpms changed.
 */
export interface ResignRepositoryStep extends PlannedResigning {
  readonly step: 'resign-repository';
  readonly signedBy: string;
}

/**
 * Invalidating the CDN's cached copies of the files the run replaced on the host (`cloudfront-distribution`):
 * right after the last step that writes to the host, so with `wait` the floating tags move only once the
 * cache serves the new indexes.
 */
export interface InvalidateCdnStep {
  readonly step: 'invalidate-cdn';
  readonly distribution: string;
  /** The host's root as a URL path of the distribution (`/packages`, or `` for its root). */
  readonly root: string;
  readonly wait: boolean;
}

/**
 * Build provenance (`provenance: true`): one statement for every image digest and package of the run,
 * signed once, attached to each image on every registry and written beside each package. After the
 * indexes, before floating tags move (a dev build's images: after their branch tag).
 */
export interface AttestProvenanceStep {
  readonly step: 'attest-provenance';
  /** Each image line on each registry, by the tag whose digest is attested; the main registry first. */
  readonly images: readonly {
    readonly target: string;
    readonly registry: ImageTarget;
    readonly repository: string;
    readonly tag: string;
  }[];
  readonly packages: readonly {
    readonly file: string;
    readonly path: string;
    readonly sha256: string;
    /** The run replaces the package (`overwrite`): its old bundle no longer names it, and is replaced too. */
    readonly replaced: boolean;
  }[];
}

/**
 * Signing the digest a tag just got (`image-signing`): the image and, for an index, each of its images, in
 * the repository of `target`. After the version tags, before any floating tag moves (a dev build, which
 * has no version tag, is signed right after its branch tag).
 */
export interface SignImageStep {
  readonly step: 'sign-image';
  readonly source: string;
  /** The tag whose digest is signed (`registry/repository:tag`). */
  readonly target: string;
  readonly registry: ImageTarget;
  readonly repository: string;
  readonly tag: string;
  /** The repository the signatures name (the main registry's, also on mirrors), as cosign names it. */
  readonly signedAs: string;
  readonly signing: 'key' | 'keyless';
}

/** Publishing `source` as `target` = `registry/repository:tag`: `push` for fixed tags, `move-tag` for floating ones. */
export interface ImageStep<Kind extends 'push' | 'move-tag'> {
  readonly step: Kind;
  readonly source: string;
  readonly target: string;
  /** The registry, or the OCI layout; a mirror's for mirror steps. */
  readonly registry: ImageTarget;
  readonly repository: string;
  readonly tag: string;
  /** Set on a `floating=` tag (`X`, `X.Y`): what its move was decided on, checked again right before it moves. */
  readonly series?: StepSeries;
}

/** A series tag moves only while `version` is the highest stable release of its series with `suffix`. */
export interface StepSeries {
  readonly scope: SeriesScope;
  readonly version: string;
  readonly suffix: string;
}

// Keeps STEP_KINDS and the Step union the same set: a kind added to one and not the other fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _stepKindsMatch: Same<(typeof STEP_KINDS)[number], Step['step']> = true;
void _stepKindsMatch;
