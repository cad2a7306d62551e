import { UserError } from '../util/errors.js';

export type PackageKind = 'deb' | 'rpm' | 'tar.gz';
/** The machines Falco builds for, as its file names spell them. */
export type Arch = 'x86_64' | 'aarch64';
/**
 * What a tarball for no particular machine says where others name their architecture: `wasm` for
 * Falco's WebAssembly build (`falco-0.40.0-wasm.tar.gz`, from `scripts/publish-wasm`), `noarch` for
 * scripts, rules or data that run anywhere.
 */
export type ArchIndependent = 'wasm' | 'noarch';

interface NameParts {
  readonly fileName: string;
  readonly name: string;
  readonly version: string;
  /** A build flavour between version and architecture (`static`), or empty. */
  readonly variant: string;
}

/** A .deb, an .rpm or a tarball built for one architecture: `falco-0.26.0-static-x86_64.tar.gz`. */
export interface ArchPackageName extends NameParts {
  readonly kind: PackageKind;
  readonly arch: Arch;
}

/** A tarball for any machine: `falco-0.40.0-wasm.tar.gz`. Only tarballs come this way. */
export interface ArchIndependentName extends NameParts {
  readonly kind: 'tar.gz';
  readonly arch: ArchIndependent;
}

/** What a package file name says. */
export type PackageName = ArchPackageName | ArchIndependentName;

const FORM =
  '<name>-<version>[-<variant>]-<arch>.<deb|rpm|tar.gz>, <arch> x86_64 or aarch64 (or wasm, noarch for a .tar.gz), ' +
  'e.g. falco-0.26.0-x86_64.deb';
const SHAPE =
  /^([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)-(\d[^/]*?)-(x86_64|aarch64|wasm|noarch)\.(deb|rpm|tar\.gz)$/;
/** A version as Falco writes them: 0.26.0, 0.27.0-rc1, 0.27.0-12+abc1234. */
const VERSION = /^\d+\.\d+\.\d+(?:[-~+][0-9A-Za-z.+~-]+)?$/;

/**
 * Classifies a package file by its name; the name must say name, version, architecture and kind.
 * `expectedVersion` (the release's, when known) settles `0.27.0-beta`: a prerelease, not a variant.
 */
export function parsePackageName(fileName: string, expectedVersion?: string): PackageName {
  const match = SHAPE.exec(fileName);
  if (!match) throw new UserError(`packages: ${fileName}`, 'the file name does not parse', `name it ${FORM}`);
  const [, name = '', versionAndVariant = '', arch = '', kind = ''] = match;
  const [version, variant] = splitVariant(versionAndVariant, expectedVersion);
  if (!VERSION.test(version)) {
    throw new UserError(`packages: ${fileName}`, `'${version}' is not a version`, `name it ${FORM}`);
  }
  const parts = { fileName, name, version, variant };
  if (arch === 'wasm' || arch === 'noarch') {
    // A .deb or .rpm names the machine it installs on; its index lists it under that architecture.
    if (kind !== 'tar.gz') {
      throw new UserError(
        `packages: ${fileName}`,
        `a .${kind} is built for x86_64 or aarch64, not ${arch}`,
        `publish the ${arch} build as ${name}-${version}${variant ? `-${variant}` : ''}-${arch}.tar.gz`,
      );
    }
    return { ...parts, kind, arch };
  }
  return { ...parts, kind: kind as PackageKind, arch: arch as Arch };
}

/** `0.26.0-static` → version `0.26.0`, variant `static`; a trailing word is a variant only if what precedes it is a version. */
function splitVariant(versionAndVariant: string, expectedVersion: string | undefined): [string, string] {
  if (expectedVersion !== undefined) {
    if (versionAndVariant === expectedVersion) return [expectedVersion, ''];
    const rest = versionAndVariant.startsWith(`${expectedVersion}-`)
      ? versionAndVariant.slice(expectedVersion.length + 1)
      : undefined;
    if (rest !== undefined && /^[a-z]+$/.test(rest)) return [expectedVersion, rest];
  }
  const match = /^(.*)-([a-z]+)$/.exec(versionAndVariant);
  return match && VERSION.test(match[1] ?? '') ? [match[1] ?? '', match[2] ?? ''] : [versionAndVariant, ''];
}
