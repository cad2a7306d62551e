import { parsePackageName, type Arch, type PackageKind, type PackageName } from './package-name.js';

/**
 * The layout of a package host, as on Falco's download server — written here once, read both ways:
 *
 * | kind   | stable tree         | dev tree (prereleases and dev builds) | index        |
 * | ------ | ------------------- | ------------------------------------- | ------------ |
 * | deb    | `deb/stable/<file>` | `deb-dev/stable/<file>`               | APT (`dists/stable/`) |
 * | rpm    | `rpm/<file>`        | `rpm-dev/<file>`                      | YUM (`repodata/`)     |
 * | tar.gz | `bin/<arch>/<file>` | `bin-dev/<arch>/<file>`               | none                  |
 *
 * Each root (`deb`, `deb-dev`, ...) is one repository; only the dev trees are pruned by retention.
 */

/** Which trees a package goes to: the stable ones, or the `-dev` ones. */
export type Tree = 'stable' | 'dev';
/** How a repository is indexed: APT dists, YUM repodata, or plain files (tarballs). */
export type RepositoryFormat = 'apt' | 'yum' | 'bin';
/** The `dev-retention` setting that applies to a dev tree: `deb=`, `rpm=` or `bin=`. */
export type RetentionClass = 'deb' | 'rpm' | 'bin';

/** One repository of the host: a root folder with one index format. */
export interface RepositoryPlace {
  /** `deb`, `deb-dev`, `rpm`, `rpm-dev`, `bin`, `bin-dev`. */
  readonly root: string;
  readonly kind: PackageKind;
  readonly tree: Tree;
  readonly format: RepositoryFormat;
  /** The retention setting that prunes it; undefined for a stable tree, which is never pruned. */
  readonly retention: RetentionClass | undefined;
}

/** Where one package lives: its repository, and its path inside it as the index names it. */
export interface PackagePlace extends RepositoryPlace {
  /** The path on the host: `deb-dev/stable/falco-0.27.0-rc1-x86_64.deb`. */
  readonly path: string;
  /** The path inside the repository: `stable/falco-0.27.0-rc1-x86_64.deb`. */
  readonly relative: string;
  /** What the file name says: name, version, variant, architecture. */
  readonly package: PackageName;
}

interface KindLayout {
  readonly base: RetentionClass;
  readonly format: RepositoryFormat;
  /** The folders between the root and the file. */
  readonly folder: (arch: Arch) => string;
}

const KINDS: Readonly<Record<PackageKind, KindLayout>> = {
  deb: { base: 'deb', format: 'apt', folder: () => 'stable/' },
  rpm: { base: 'rpm', format: 'yum', folder: () => '' },
  'tar.gz': { base: 'bin', format: 'bin', folder: (arch) => `${arch}/` },
};
const DEV_SUFFIX = '-dev';

/** The repository of a kind of package in a tree. */
export function repositoryPlace(kind: PackageKind, tree: Tree): RepositoryPlace {
  const { base, format } = KINDS[kind];
  return {
    root: tree === 'dev' ? `${base}${DEV_SUFFIX}` : base,
    kind,
    tree,
    format,
    retention: tree === 'dev' ? base : undefined,
  };
}

/** Where a package goes in a tree. */
export function placePackage(tree: Tree, pkg: PackageName): PackagePlace {
  const repository = repositoryPlace(pkg.kind, tree);
  const relative = `${KINDS[pkg.kind].folder(pkg.arch)}${pkg.fileName}`;
  return {
    ...repository,
    path: `${repository.root}/${relative}`,
    relative,
    package: pkg,
  };
}

/** The host path of a package in a tree: `deb/stable/falco-0.26.0-x86_64.deb`. */
export function packagePath(tree: Tree, pkg: PackageName): string {
  return placePackage(tree, pkg).path;
}

/**
 * Reads a host path back into its place; undefined for a path the layout does not produce (another
 * tool's file, a repository's own index files), so callers can leave such files alone.
 */
export function placeOfPath(path: string): PackagePlace | undefined {
  const slash = path.indexOf('/');
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  let name: PackageName;
  try {
    name = parsePackageName(fileName);
  } catch {
    return undefined;
  }
  const root = path.slice(0, slash);
  const tree: Tree = root.endsWith(DEV_SUFFIX) ? 'dev' : 'stable';
  const place = placePackage(tree, name);
  return slash > 0 && place.path === path ? place : undefined;
}
