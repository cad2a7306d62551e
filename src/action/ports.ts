import type { ImageDriver, RegistryReader, TargetRegistry } from '../image-drivers/driver.js';
import type { PackageHost } from '../hosts/host.js';
import type { PackageToIndex } from '../indexes/indexed-package.js';
import type { PlannedRepository, RepositoryReport } from '../indexes/repository-updater.js';
import type { RpmHeaderSigning } from '../indexes/rpm-header-signing.js';
import type { SignatureRecord } from '../signing/signature-record.js';
import type { SignImageStep } from './plan/steps.js';
import type { PayloadSigner } from '../signing/payload-signer.js';
import type { RunnerContext } from '../signing/provenance-context.js';
import type { SignatureStores } from './signature-stores.js';
import type { CdnInvalidator } from '../cdn/invalidator.js';
import type { PackagePlace } from '../package-layout/host-layout.js';
import type { PlannedResigning } from '../indexes/resigning.js';
import type { PlannedWithdrawal } from '../indexes/withdrawal.js';

export type { RegistryReader, TargetRegistry };

/** The image side of a run: present when the run publishes images. */
export interface ImagePorts {
  readonly driver: ImageDriver;
  /** The reader of the target registry (or OCI layout). */
  readonly registry: TargetRegistry;
  /** The reader of a mirror registry (with the credentials the job's docker login stored for it). */
  readonly mirror: (registry: string) => RegistryReader;
  /** Present with `image-signing`: signs every digest pushed. */
  readonly signing?: ImageSigningPort;
  /** Where a repository's signatures and attestations go (beside its images). */
  readonly signatureStores?: SignatureStores;
}

/** Attests build provenance (`provenance: true`): one statement, signed keyless, for the whole run. */
export interface ProvenancePort {
  readonly signer: PayloadSigner;
  /** The runner's build, as the provenance predicate describes it. */
  readonly runner: RunnerContext;
  /** Where the package bundles are staged before the host takes them. */
  readonly tempDir: string;
}

/** Signs the images a run pushes (`image-signing`). */
export interface ImageSigningPort {
  readonly kind: 'key' | 'keyless';
  /** Readies the signer (keyless: the runner's token and a Fulcio certificate), before any write: its identity. */
  prepare(): Promise<string>;
  /** Signs the digest the step's tag got, and its images, in the step's repository. */
  sign(step: SignImageStep, digest: string): Promise<SignatureRecord[]>;
}

/** Keeps the APT/YUM/tarball repositories of the package host (see RepositoryUpdater). */
export interface Repositories {
  /** Loads the signing key (if any) and indexes the packages; reads, never writes. */
  prepare(packages: readonly PackageToIndex[]): Promise<PlannedRepository[]>;
  /** The signing key's fingerprint, known once `prepare` has run. */
  readonly fingerprint: string | undefined;
  update(repository: PlannedRepository, written: ReadonlySet<string>): Promise<RepositoryReport>;
}

/** Keeps the repositories a host has, outside a publish (`mode: unpublish`, `mode: resign`): see RepositoryMaintainer. */
export interface Maintenance {
  /** The signing key's fingerprint, known once a plan has been made. */
  readonly fingerprint: string | undefined;
  /** The packages `select` picks, repository by repository; reads, never writes. */
  planWithdrawals(select: (place: PackagePlace) => boolean): Promise<PlannedWithdrawal[]>;
  withdraw(planned: PlannedWithdrawal): Promise<RepositoryReport>;
  /** What every repository needs signed again with the current key; reads, never writes. */
  planResignings(): Promise<PlannedResigning[]>;
  resign(planned: PlannedResigning): Promise<RepositoryReport>;
}

/**
 * Everything the publish touches outside itself, passed in so tests can pass plain objects. Each part
 * is present only when the configuration needs it, so a run loads only the code it uses.
 */
export interface PublishPorts {
  readonly images?: ImagePorts;
  readonly host?: PackageHost;
  /** Present with a host that can keep repositories: updates its indexes after the packages. */
  readonly repositories?: Repositories;
  /** Present with `mode: unpublish` or `mode: resign` (a host that keeps repositories). */
  readonly maintenance?: Maintenance;
  readonly findFiles: (patterns: readonly string[]) => Promise<string[]>;
  /** Present with `provenance: true`. */
  readonly provenance?: ProvenancePort;
  /** Present when .rpm files get header signatures: validation signs them before it hashes them. */
  readonly rpmHeaders?: RpmHeaderSigning;
  /** Present with `cloudfront-distribution`: the CDN whose cached copies of replaced files are dropped. */
  readonly cdn?: CdnInvalidator;
}
