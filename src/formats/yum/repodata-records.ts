import type { RpmChangelog, RpmDependency, RpmFile } from '../rpm/rpm-package.js';
import type { Evr } from '../rpm/rpm-version.js';

/**
 * What the readers of primary, filelists and other XML return (repodata-parse.ts). Each record keeps its
 * `<package>` element exactly as written (`xml`): an incremental update carries the packages it does
 * not touch over verbatim, including anything we do not model (weak dependencies, `xml:base`).
 */
export interface PackageIdentity {
  /** The sha256 of the .rpm (primary's `pkgid="YES"` checksum). */
  readonly pkgid: string;
  readonly name: string;
  readonly arch: string;
  readonly evr: Evr;
  /** The `<package>` element as written in the source document. */
  readonly xml: string;
}

export interface PrimaryRecord extends PackageIdentity {
  readonly checksumType: string;
  readonly summary: string;
  readonly description: string;
  readonly packager: string;
  readonly url: string;
  readonly time: { readonly file: number; readonly build: number };
  readonly size: { readonly package: number; readonly installed: number; readonly archive: number };
  readonly location: string;
  /** `xml:base`, when the package lives elsewhere than the repository. */
  readonly locationBase?: string;
  readonly license: string;
  readonly vendor: string;
  readonly group: string;
  readonly buildhost: string;
  readonly sourcerpm: string;
  readonly headerRange: { readonly start: number; readonly end: number };
  /** By kind without the prefix: `provides`, `requires`, ... and weak ones (`recommends`...) when present. */
  readonly dependencies: Readonly<Record<string, readonly RpmDependency[]>>;
  /** The primary files only. */
  readonly files: readonly RpmFile[];
}

export interface FilelistsRecord extends PackageIdentity {
  readonly files: readonly RpmFile[];
}

export interface OtherRecord extends PackageIdentity {
  /** As listed: oldest first. */
  readonly changelogs: readonly RpmChangelog[];
}
