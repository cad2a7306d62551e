/** How a repository on the host is indexed: APT dists, YUM repodata, or plain files (tarballs). */
export type RepositoryFormat = 'apt' | 'yum' | 'bin';

export interface RepositoryPlace {
  /** The repository's directory on the host: `deb`, `deb-dev`, `rpm`, `rpm-dev`, `bin`, `bin-dev`. */
  readonly root: string;
  readonly format: RepositoryFormat;
  /** The package's path inside the repository, as its index names it (`stable/falco-0.26.0-x86_64.deb`). */
  readonly relative: string;
}

const FORMATS: Readonly<Record<string, RepositoryFormat>> = { deb: 'apt', rpm: 'yum', bin: 'bin' };

/** Where a package path of the host layout (`deb-dev/stable/x.deb`) belongs. */
export function repositoryOf(path: string): RepositoryPlace {
  const slash = path.indexOf('/');
  const root = path.slice(0, slash);
  const format = FORMATS[root.replace(/-dev$/, '')];
  if (slash < 1 || format === undefined) throw new Error(`${path} is in no repository of the host layout`);
  return { root, format, relative: path.slice(slash + 1) };
}

/** `deb-dev/stable/x.deb` from a repository and a path inside it. */
export const hostPath = (root: string, relative: string): string => `${root}/${relative}`;
