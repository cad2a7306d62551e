import { UserError } from '../util/errors.js';

export type PackageKind = 'deb' | 'rpm' | 'tar.gz';
export type Arch = 'x86_64' | 'aarch64';

/** What a package file name says: `falco-0.26.0-static-x86_64.tar.gz`. */
export interface PackageName {
  readonly fileName: string;
  readonly kind: PackageKind;
  readonly name: string;
  readonly version: string;
  /** A build flavour between version and architecture (`static`), or empty. */
  readonly variant: string;
  readonly arch: Arch;
}

const FORM = '<name>-<version>[-<variant>]-<x86_64|aarch64>.<deb|rpm|tar.gz>, e.g. falco-0.26.0-x86_64.deb';
const SHAPE = /^([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)-(\d[^/]*?)-(x86_64|aarch64)\.(deb|rpm|tar\.gz)$/;
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
  return { fileName, kind: kind as PackageKind, name, version, variant, arch: arch as Arch };
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
