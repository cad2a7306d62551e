import { compareDebianVersions } from '../../formats/apt/debian-version.js';
import type { DebControl } from '../../formats/deb/deb-package.js';
import { rpmvercmp } from '../../formats/rpm/rpm-version.js';
import type { RpmPackage } from '../../formats/rpm/rpm-package.js';
import type { Arch, ArchPackageName } from '../../package-layout/package-name.js';
import { UserError } from '../../util/errors.js';

/** The architecture each kind of package states for a file-name architecture, as Falco's CPack build writes it. */
const DEB_ARCH: Record<Arch, string> = { x86_64: 'amd64', aarch64: 'arm64' };
const RPM_ARCH: Record<Arch, string> = { x86_64: 'x86_64', aarch64: 'aarch64' };

/**
 * Checks a .deb's control fields against its file name: Falco's CPack names the file
 * `<Package>-<Version>-<arch>.deb`, the version exactly as the control file has it (compared as dpkg does).
 */
export function checkDebAgrees(name: ArchPackageName, control: DebControl): void {
  const says = (field: string, value: string): string => `its control file says ${field} ${value}`;
  if (control.package !== name.name) {
    throw disagreement(name, says('Package', control.package), name.name, 'name');
  }
  if (compareDebianVersions(control.version, name.version) !== 0) {
    throw disagreement(name, says('Version', control.version), name.version, 'version');
  }
  const arch = DEB_ARCH[name.arch];
  if (control.architecture !== arch) {
    throw disagreement(
      name,
      says('Architecture', control.architecture),
      `${name.arch} (${arch})`,
      'architecture',
      name.arch,
    );
  }
}

/**
 * Checks an .rpm's header against its file name: Falco's CPack names the file `<name>-<version>-<arch>.rpm`
 * where the file's version is `<Version>-<Release>`, or `<Version>` alone when Release is 1
 * (`falco-0.26.0-x86_64.rpm` is 0.26.0-1, `falco-0.27.0-12+abc1234-x86_64.rpm` is 0.27.0-12+abc1234);
 * no epoch. Versions and releases are compared as rpm does.
 */
export function checkRpmAgrees(name: ArchPackageName, rpm: RpmPackage): void {
  const says = (field: string, value: string): string => `its rpm header says ${field} ${value}`;
  if (rpm.name !== name.name) throw disagreement(name, says('name', rpm.name), name.name, 'name');
  const [version = name.version, release = '1'] = name.version.split(/-(.*)/s);
  const epoch = rpm.epoch ?? 0;
  if (epoch !== 0 || rpmvercmp(rpm.version, version) !== 0 || rpmvercmp(rpm.release, release) !== 0) {
    const actual = `${epoch !== 0 ? `${epoch}:` : ''}${rpm.version}-${rpm.release}`;
    const expected = `${version}-${release}`;
    const named = expected === name.version ? name.version : `${name.version} (${expected})`;
    throw disagreement(name, says('version-release', actual), named, 'version', name.version);
  }
  const arch = RPM_ARCH[name.arch];
  if (rpm.arch !== arch) throw disagreement(name, says('arch', rpm.arch), name.arch, 'architecture');
}

/** `its control file says Version 0.39.0, its name says 0.40.0 — rebuild the package for 0.40.0, ...`. */
function disagreement(
  name: ArchPackageName,
  inside: string,
  named: string,
  what: 'name' | 'version' | 'architecture',
  target = named,
): UserError {
  const rebuild = what === 'name' ? `rebuild the package as ${target}` : `rebuild the package for ${target}`;
  return new UserError(
    `packages: ${name.fileName}`,
    `${inside}, its name says ${named}`,
    `${rebuild}, or publish the file under its own ${what}`,
  );
}
