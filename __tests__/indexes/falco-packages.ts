import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dpkgDebBuild } from '../formats/apt/debian-tools.js';
import { rpmbuild } from '../formats/yum/rpm-tools.js';
import { parsePackageName } from '../../src/package-layout/package-name.js';

export type FalcoArch = 'x86_64' | 'aarch64';
const DEB_ARCH: Record<FalcoArch, string> = { x86_64: 'amd64', aarch64: 'arm64' };

/** The control file of Falco's .deb of a version and architecture; `marker` makes builds differ. */
export function falcoControl(version: string, arch: FalcoArch, marker = ''): string {
  return [
    'Package: falco',
    `Version: ${version}`,
    `Architecture: ${DEB_ARCH[arch]}`,
    'Maintainer: Falco <cncf-falco-dev@lists.cncf.io>',
    'Section: utils',
    'Priority: optional',
    'Description: Falco runtime security',
    ` Cloud native runtime security.${marker}`,
    '',
  ].join('\n');
}

/** Falco-named packages as its build makes them (`falco-<version>-<arch>.<kind>`), tiny and real. */
export function falcoDeb(dir: string, version: string, arch: FalcoArch, marker = ''): string {
  const target = join(dir, `falco-${version}-${arch}.deb`);
  const work = mkdtempSync(join(tmpdir(), 'falco-deb-'));
  dpkgDebBuild(
    work,
    {
      control: falcoControl(version, arch, marker),
      files: { 'usr/bin/falco': `#!/bin/sh\necho falco ${version} ${marker}\n` },
    },
    target,
  );
  // Built outside `dir`: a glob over the directory (which takes in subdirectories) sees only packages.
  rmSync(work, { recursive: true, force: true });
  return target;
}

/** An .rpm of Falco; a dev version `0.27.0-12+abc1234` becomes Version 0.27.0, Release 12+abc1234. */
export function falcoRpm(dir: string, version: string, arch: FalcoArch, marker = ''): string {
  const [rpmVersion, release = '1'] = version.split(/-(.*)/s);
  const topdir = mkdtempSync(join(tmpdir(), 'falco-rpm-'));
  const built = rpmbuild(
    topdir,
    'falco',
    [
      'Name: falco',
      `Version: ${rpmVersion}`,
      `Release: ${release}`,
      'Summary: Falco runtime security',
      'License: Apache-2.0',
      'URL: https://falco.org',
      '%description',
      `Cloud native runtime security.${marker}`,
      '%install',
      'mkdir -p %{buildroot}/usr/bin',
      `printf '#!/bin/sh\\necho falco ${version}\\n' > %{buildroot}/usr/bin/falco`,
      'chmod 755 %{buildroot}/usr/bin/falco',
      '%files',
      '/usr/bin/falco',
      '',
    ].join('\n'),
    arch,
  );
  const target = join(dir, `falco-${version}-${arch}.rpm`);
  copyFileSync(built, target);
  rmSync(topdir, { recursive: true, force: true });
  return target;
}

export function falcoTarball(dir: string, version: string, arch: FalcoArch): string {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `falco-${version}-${arch}.tar.gz`);
  writeFileSync(target, `tarball of falco ${version} ${arch}`);
  return target;
}

/** Makes one package file of a version and architecture in `dir`; `marker` makes builds differ. */
export type PackageMaker = (dir: string, version: string, arch: FalcoArch, marker?: string) => string;

/** One build's packages: deb and rpm for both architectures, and the x86_64 tarball. */
export function buildOf(makeDeb: PackageMaker, makeRpm: PackageMaker) {
  return (dir: string, version: string, marker = ''): string[] => {
    mkdirSync(dir, { recursive: true });
    return (['x86_64', 'aarch64'] as const).flatMap((arch) => [
      makeDeb(dir, version, arch, marker),
      makeRpm(dir, version, arch, marker),
      ...(arch === 'x86_64' ? [falcoTarball(dir, version, arch)] : []),
    ]);
  };
}

/** A build of packages made by dpkg-deb and rpmbuild. */
export const falcoBuild = buildOf(falcoDeb, falcoRpm);

/**
 * A real package file under the name given (`falco-0.26.0-x86_64.deb`, `...-static-x86_64.tar.gz`):
 * a .deb or .rpm of that version and architecture, or a tarball; `marker` makes builds differ.
 */
export function falcoPackage(dir: string, fileName: string, marker = ''): string {
  const name = parsePackageName(fileName);
  mkdirSync(dir, { recursive: true });
  const built =
    name.kind === 'deb'
      ? falcoDeb(dir, name.version, name.arch, marker)
      : name.kind === 'rpm'
        ? falcoRpm(dir, name.version, name.arch, marker)
        : join(dir, fileName);
  if (name.kind === 'tar.gz') writeFileSync(built, `tarball ${fileName} ${marker}\n`);
  if (built !== join(dir, fileName)) renameSync(built, join(dir, fileName));
  return join(dir, fileName);
}
