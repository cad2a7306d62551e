import { compareLibc } from './libc-requires.js';
import { isPrimaryFile } from './primary-files.js';
import type { RpmDependency } from './rpm-package.js';
import type { RpmHeader } from './rpm-header.js';
import { splitEvr } from './rpm-evr.js';
import { Sense, Tag } from './rpm-tags.js';

export interface RpmDependencies {
  readonly provides: readonly RpmDependency[];
  readonly requires: readonly RpmDependency[];
  readonly conflicts: readonly RpmDependency[];
  readonly obsoletes: readonly RpmDependency[];
}

type Flags = NonNullable<RpmDependency['flags']>;

/** The comparison bits (LESS, GREATER, EQUAL) as repodata spells them; other mixes have none. */
const COMPARISONS: Readonly<Record<number, Flags>> = {
  [Sense.less]: 'LT',
  [Sense.greater]: 'GT',
  [Sense.equal]: 'EQ',
  [Sense.less | Sense.equal]: 'LE',
  [Sense.greater | Sense.equal]: 'GE',
};
const COMPARISON_BITS = 0xf;
const PRE_BITS = Sense.prereq | Sense.scriptPre | Sense.scriptPost;

interface RawDependency {
  readonly name: string;
  readonly flags: number;
  readonly version: string;
}

/**
 * The dependencies repodata lists, chosen as createrepo_c chooses them, so that our primary.xml
 * says what createrepo_c's would. Requires drop: rpmlib(...) features (rpm's own capabilities),
 * paths of the package's own files that primary.xml lists anyway, anything the package provides
 * itself with the same flags and version, and a repeat of the previous require of that name. Of
 * the libc.so.6 requires only the one with the highest GLIBC version is kept, placed last.
 * `pre` marks PreReq and Requires(pre)/(post). Dependencies whose version has a non-numeric epoch
 * are left out, as createrepo_c does.
 */
export function dependenciesOf(header: RpmHeader, ownFiles: ReadonlySet<string>): RpmDependencies {
  const provides = raw(header, Tag.provideName, Tag.provideFlags, Tag.provideVersion);
  const provided = new Set(provides.map(key));
  return {
    provides: kept(provides),
    requires: requiresOf(
      raw(header, Tag.requireName, Tag.requireFlags, Tag.requireVersion),
      ownFiles,
      provided,
    ),
    conflicts: kept(raw(header, Tag.conflictName, Tag.conflictFlags, Tag.conflictVersion)),
    obsoletes: kept(raw(header, Tag.obsoleteName, Tag.obsoleteFlags, Tag.obsoleteVersion)),
  };
}

function requiresOf(
  requires: readonly RawDependency[],
  ownFiles: ReadonlySet<string>,
  provided: ReadonlySet<string>,
): RpmDependency[] {
  const result: RpmDependency[] = [];
  // The last require kept for each name, to drop an identical repeat.
  const last = new Map<
    string,
    { readonly comparison: string; readonly version: string; readonly pre: boolean }
  >();
  let libc: { readonly raw: RawDependency; readonly dependency: RpmDependency } | undefined;
  for (const require of requires) {
    if (require.name.startsWith('rpmlib(')) continue;
    if (require.name.startsWith('/') && ownFiles.has(require.name) && isPrimaryFile(require.name)) continue;
    if (provided.has(key(require))) continue;
    const pre = (require.flags & PRE_BITS) !== 0;
    const comparison = comparisonOf(require.flags) ?? '';
    const previous = last.get(require.name);
    const repeat = previous?.comparison === comparison && previous.version === require.version;
    if (repeat && previous.pre === pre) continue;

    const dependency = dependencyOf(require, pre);
    if (dependency === undefined) continue;
    if (require.name.startsWith('libc.so.6')) {
      if (libc === undefined || compareLibc(libc.raw.name, require.name) === 2)
        libc = { raw: require, dependency };
      continue;
    }
    result.push(dependency);
    last.set(require.name, { comparison, version: require.version, pre });
  }
  if (libc !== undefined) result.push(libc.dependency);
  return result;
}

function kept(dependencies: readonly RawDependency[]): RpmDependency[] {
  return dependencies.flatMap((dependency) => dependencyOf(dependency, false) ?? []);
}

function dependencyOf(raw: RawDependency, pre: boolean): RpmDependency | undefined {
  const evr = splitEvr(raw.version);
  if (evr === undefined) return undefined;
  const flags = comparisonOf(raw.flags);
  return { name: raw.name, ...(flags ? { flags } : {}), ...evr, ...(pre ? { pre } : {}) };
}

function comparisonOf(flags: number): Flags | undefined {
  return COMPARISONS[flags & COMPARISON_BITS];
}

/** Name, comparison and version: how createrepo_c tells a require the package provides itself. */
function key(dependency: RawDependency): string {
  return `${dependency.name}\0${comparisonOf(dependency.flags) ?? ''}\0${dependency.version}`;
}

function raw(header: RpmHeader, nameTag: number, flagsTag: number, versionTag: number): RawDependency[] {
  const names = header.strings(nameTag);
  const flags = header.numbers(flagsTag);
  const versions = header.strings(versionTag);
  if (names === undefined || flags === undefined || versions === undefined) return [];
  const count = Math.min(names.length, flags.length, versions.length);
  return names.slice(0, count).map((name, i) => ({ name, flags: flags[i] ?? 0, version: versions[i] ?? '' }));
}
