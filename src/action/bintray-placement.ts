import type { BintrayFile } from '../hosts/bintray/bintray-file.js';
import { placeOfPath } from '../package-layout/host-layout.js';

/**
 * Where a path of the host layout goes on Bintray, as Falco had it there: the layout's root is the
 * repository (`deb`, `deb-dev`, `rpm`, `rpm-dev`, `bin`, `bin-dev`), the rest the path in it (debs under
 * `stable/`, rpms at the root, tarballs under `<arch>/`, `noarch/` included), the package its name and
 * the version its version. Falco's Bintray had no wasm repository: a wasm tarball goes into `bin[-dev]`
 * under `wasm/`, so it belongs to its version there and leaves with it when `bin=` prunes `bin-dev`.
 */
export function bintrayFileOf(layoutPath: string): BintrayFile {
  const place = placeOfPath(layoutPath);
  // The plan made the path from the layout: one it cannot read back is a defect, not a user's mistake.
  if (place === undefined) throw new Error(`${layoutPath} is not a package path of the host layout`);
  const { package: name, tree, relative } = place;
  const wasm = name.kind === 'tar.gz' && name.arch === 'wasm';
  return {
    repository: wasm ? (tree === 'dev' ? 'bin-dev' : 'bin') : place.root,
    package: name.name,
    version: name.version,
    path: wasm ? `wasm/${relative}` : relative,
    ...(name.kind === 'deb' ? { debArchitecture: name.arch === 'aarch64' ? 'arm64' : 'amd64' } : {}),
  };
}
