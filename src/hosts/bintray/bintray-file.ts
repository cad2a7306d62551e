/** Debian's name of an architecture, as Bintray's `deb_architecture` takes it. */
export type DebianArchitecture = 'amd64' | 'arm64';

/**
 * Where one file of the host layout goes on Bintray: `/content/<subject>/<repository>/<package>/<version>/<path>`.
 * The layout decides it (see the action's Bintray placement); the host only talks to Bintray.
 */
export interface BintrayFile {
  /** `deb`, `deb-dev`, `rpm`, `rpm-dev`, `bin`, `bin-dev`. */
  readonly repository: string;
  /** The package name (`falco`): one Bintray package per name. */
  readonly package: string;
  /** The version the file belongs to (`0.26.0`, `0.27.0-12+abc1234`). */
  readonly version: string;
  /** The path inside the repository (`stable/falco-0.26.0-x86_64.deb`). */
  readonly path: string;
  /** Set for a .deb: Bintray files it in `stable/main/binary-<arch>` of the repository's own index. */
  readonly debArchitecture?: DebianArchitecture;
}

/** Maps a path of the host layout (`deb-dev/stable/falco-….deb`) to where it goes on Bintray. */
export type BintrayPlacement = (layoutPath: string) => BintrayFile;
