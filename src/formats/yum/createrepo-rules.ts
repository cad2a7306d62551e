import { isPrimaryFile } from '../rpm/primary-files.js';
import type { RpmChangelog, RpmDependency, RpmFile, RpmPackage } from '../rpm/rpm-package.js';
import { rpmvercmp } from '../rpm/rpm-version.js';

/**
 * What createrepo_c (0.17+, parsehdr.c) keeps of an .rpm's headers, applied here so our repodata lists
 * the same entries for the same package. The .rpm reader may hand over the header's lists as they are.
 */

export function primaryFiles(files: readonly RpmFile[]): RpmFile[] {
  return files.filter((file) => isPrimaryFile(file.path));
}

/**
 * The requires primary.xml lists: not `rpmlib(...)` (rpm's own features), not a primary file of the
 * package itself, not one the package provides with the same flags and version; a repeat of the last
 * kept entry of the same name is dropped; of the `libc.so.6...` requires only the highest GLIBC version
 * is kept, and it goes last.
 */
export function repodataRequires(pkg: RpmPackage): RpmDependency[] {
  const ownFiles = new Set(pkg.files.map((file) => file.path));
  const provided = new Set(pkg.provides.map(dependencyKey));
  const lastByName = new Map<string, RpmDependency>();
  const kept: RpmDependency[] = [];
  let libc: RpmDependency | undefined;
  for (const requirement of pkg.requires) {
    const name = requirement.name;
    if (name === '' || name.startsWith('rpmlib(')) continue;
    if (name.startsWith('/') && ownFiles.has(name) && isPrimaryFile(name)) continue;
    if (provided.has(dependencyKey(requirement))) continue;
    const last = lastByName.get(name);
    const repeat =
      last && dependencyKey(last) === dependencyKey(requirement) && !!last.pre === !!requirement.pre;
    if (repeat) continue;
    if (name.startsWith('libc.so.6')) {
      if (!libc || compareLibc(libc.name, name) === 2) libc = requirement;
      continue;
    }
    kept.push(requirement);
    lastByName.set(name, requirement);
  }
  if (libc) kept.push(libc);
  return kept;
}

/** Provides, conflicts, obsoletes: every entry with a name, in header order. */
export function repodataDependencies(dependencies: readonly RpmDependency[]): RpmDependency[] {
  return dependencies.filter((dependency) => dependency.name !== '');
}

/** createrepo_c's default `--changelog-limit`. */
export const CHANGELOG_LIMIT = 10;

/**
 * The changelog entries other.xml lists, given in header order (newest first): the newest ten, oldest
 * first, authors without trailing spaces, and entries that share a date pushed one second apart (the
 * older the entry, the earlier), so every entry has its own date.
 */
export function repodataChangelogs(changelogs: readonly RpmChangelog[]): RpmChangelog[] {
  const entries: { author: string; date: number; text: string }[] = [];
  let lastDate = 0;
  for (const changelog of changelogs.slice(0, CHANGELOG_LIMIT)) {
    const entry = { author: trimAuthor(changelog.author), date: changelog.date, text: changelog.text };
    entries.unshift(entry);
    if (changelog.date === lastDate) {
      // createrepo_c walks the newer entries after this one while they collide, bumping each by one.
      let date = changelog.date;
      for (const newer of entries.slice(1)) {
        if (newer.date !== date) break;
        newer.date++;
        date++;
      }
    } else {
      lastDate = changelog.date;
    }
  }
  return entries;
}

/** Trailing spaces go, but never the first character (createrepo_c's loop stops before it). */
function trimAuthor(author: string): string {
  let end = author.length;
  while (end > 1 && author.charAt(end - 1) === ' ') end--;
  return author.slice(0, end);
}

/** Name, comparison and version as createrepo_c compares them (its `depnfv` string). */
function dependencyKey(dependency: RpmDependency): string {
  const epoch = dependency.epoch !== undefined && dependency.epoch !== '' ? `${dependency.epoch}:` : '';
  const version = dependency.version ?? '';
  const release =
    dependency.release !== undefined && dependency.release !== '' ? `-${dependency.release}` : '';
  return `${dependency.name}\n${dependency.flags ?? ''}\n${version === '' ? '' : `${epoch}${version}${release}`}`;
}

/**
 * createrepo_c's cr_compare_dependency for two `libc.so.6...` names: 2 when the second is higher. The
 * version is the first parenthesis from its first digit (`(GLIBC_2.34)(64bit)` → `2.34`); a name
 * without parenthesis, an unclosed or empty one, or one without digits ranks below, in that order.
 */
function compareLibc(first: string, second: string): 0 | 1 | 2 {
  const a = libcVersion(first);
  const b = libcVersion(second);
  if (a.rank !== b.rank) return a.rank < b.rank ? 2 : 1;
  if (a.version === undefined || b.version === undefined) return 0;
  const order = rpmvercmp(a.version, b.version);
  return order < 0 ? 2 : order > 0 ? 1 : 0;
}

function libcVersion(name: string): { rank: number; version?: string } {
  const open = name.indexOf('(');
  if (open < 0) return { rank: 0 };
  const close = name.indexOf(')', open);
  if (close < 0) return { rank: 1 };
  if (close === open + 1) return { rank: 2 };
  const digit = name.slice(open + 1).search(/[0-9]/);
  if (digit < 0 || open + 1 + digit > close) return { rank: 3 };
  return { rank: 4, version: name.slice(open + 1 + digit, close) };
}
