import { parsePackageName, type PackageKind, type PackageName } from './package-name.js';

/**
 * The layout of a package host, as on Falco's download server — written here once, read both ways:
 *
 * | kind                  | stable tree           | dev tree (prereleases and dev builds) | index                 |
 * | --------------------- | --------------------- | ------------------------------------- | --------------------- |
 * | deb                   | `deb/stable/<file>`   | `deb-dev/stable/<file>`               | APT (`dists/stable/`) |
 * | rpm                   | `rpm/<file>`          | `rpm-dev/<file>`                      | YUM (`repodata/`)     |
 * | tar.gz                | `bin/<arch>/<file>`   | `bin-dev/<arch>/<file>`               | none                  |
 * | tar.gz, `noarch`      | `bin/noarch/<file>`   | `bin-dev/noarch/<file>`               | none                  |
 * | tar.gz, `wasm`        | `wasm/<file>`         | `wasm-dev/<file>`                     | none                  |
 *
 * Each root (`deb`, `deb-dev`, ...) is one repository; only the dev trees are pruned by retention, and of
 * those not `wasm-dev`: Falco's `scripts/publish-wasm` only ever adds to it.
 */

/** Which trees a package goes to: the stable ones, or the `-dev` ones. */
export type Tree = 'stable' | 'dev';
/** How a repository is indexed: APT dists, YUM repodata, or plain files (tarballs). */
export type RepositoryFormat = 'apt' | 'yum' | 'bin';
/** The `dev-retention` setting that applies to a dev tree: `deb=`, `rpm=` or `bin=`. */
export type RetentionClass = 'deb' | 'rpm' | 'bin';

/** One repository of the host: a root folder with one index format. */
export interface RepositoryPlace {
  /** `deb`, `deb-dev`, `rpm`, `rpm-dev`, `bin`, `bin-dev`, `wasm`, `wasm-dev`. */
  readonly root: string;
  readonly kind: PackageKind;
  readonly tree: Tree;
  readonly format: RepositoryFormat;
  /** The retention setting that prunes it; undefined for a tree that is never pruned (stable ones, `wasm-dev`). */
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

/** One repository of the layout, by its stable root. */
interface RootLayout {
  readonly format: RepositoryFormat;
  /** The setting that prunes its dev tree; undefined: never pruned. */
  readonly devRetention: RetentionClass | undefined;
  /** The folders between the root and the file. */
  readonly folder: (arch: PackageName['arch']) => string;
}

type Base = 'deb' | 'rpm' | 'bin' | 'wasm';

const ROOTS: Readonly<Record<Base, RootLayout>> = {
  deb: { format: 'apt', devRetention: 'deb', folder: () => 'stable/' },
  rpm: { format: 'yum', devRetention: 'rpm', folder: () => '' },
  bin: { format: 'bin', devRetention: 'bin', folder: (arch) => `${arch}/` },
  // Falco's wasm tree has no architecture folders: the build runs on any machine.
  wasm: { format: 'bin', devRetention: undefined, folder: () => '' },
};
const DEV_SUFFIX = '-dev';

/** Which root a package goes under: its kind's, except that a wasm tarball has a tree of its own. */
function baseOf(kind: PackageKind, arch: PackageName['arch'] | undefined): Base {
  if (kind === 'tar.gz') return arch === 'wasm' ? 'wasm' : 'bin';
  return kind;
}

/**
 * The repository of a kind of package in a tree; `arch` matters for a tarball only, where `wasm` has its
 * own repository.
 */
export function repositoryPlace(kind: PackageKind, tree: Tree, arch?: PackageName['arch']): RepositoryPlace {
  const base = baseOf(kind, arch);
  const { format, devRetention } = ROOTS[base];
  return {
    root: tree === 'dev' ? `${base}${DEV_SUFFIX}` : base,
    kind,
    tree,
    format,
    retention: tree === 'dev' ? devRetention : undefined,
  };
}

/** Where a package goes in a tree. */
export function placePackage(tree: Tree, pkg: PackageName): PackagePlace {
  const repository = repositoryPlace(pkg.kind, tree, pkg.arch);
  const relative = `${ROOTS[baseOf(pkg.kind, pkg.arch)].folder(pkg.arch)}${pkg.fileName}`;
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

/** Every repository of the layout, stable and dev trees: what a run that keeps the whole host walks. */
export function everyRepository(): RepositoryPlace[] {
  const trees: readonly Tree[] = ['stable', 'dev'];
  return trees.flatMap((tree) => [
    repositoryPlace('deb', tree),
    repositoryPlace('rpm', tree),
    repositoryPlace('tar.gz', tree),
    repositoryPlace('tar.gz', tree, 'wasm'),
  ]);
}
