import type { RpmPackage } from '../rpm/rpm-package.js';

/** A new .rpm for the repodata: what its headers say and what the repository knows about the file. */
export interface YumPackageFile {
  readonly pkg: RpmPackage;
  /** Relative to the repository root (`rpm/` or `rpm-dev/`): `falco-0.27.0-x86_64.rpm`. */
  readonly location: string;
  /** Of the whole .rpm: repodata's package id. */
  readonly sha256: string;
  /** Of the whole .rpm, in bytes. */
  readonly size: number;
  /**
   * `<time file=>`, in seconds: createrepo_c takes the file's mtime. Passed in, so the output does not
   * depend on when a file was copied; the package's build time is a good choice.
   */
  readonly time: number;
}
