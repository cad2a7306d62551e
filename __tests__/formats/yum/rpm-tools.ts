/**
 * The real RPM tools the comparison tests measure our repodata against: rpmbuild builds tiny packages,
 * `rpm -qp --xml` says what their headers hold, createrepo_c writes the reference repodata.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type {
  RpmChangelog,
  RpmDependency,
  RpmFile,
  RpmPackage,
} from '../../../src/formats/rpm/rpm-package.js';
import { parseRepomd } from '../../../src/formats/yum/repomd-xml.js';
import { parseXml } from '../../../src/formats/yum/xml-parse.js';
import { elements, textOf } from '../../../src/formats/yum/xml-tree.js';

import { requireTools, run } from '../fixtures/tools.js';

export { requireTools, run };

/** Builds a binary .rpm from a spec in a private `_topdir` (for `target`, an arch or noarch); returns its path. */
export function rpmbuild(topdir: string, name: string, spec: string, target: string): string {
  for (const dir of ['SPECS', 'BUILD', 'RPMS', 'SOURCES', 'SRPMS', 'BUILDROOT']) {
    mkdirSync(join(topdir, dir), { recursive: true });
  }
  const specPath = join(topdir, 'SPECS', `${name}.spec`);
  writeFileSync(specPath, spec);
  const before = new Set(listRpms(topdir));
  run('rpmbuild', [
    '--define',
    `_topdir ${topdir}`,
    '--define',
    'debug_package %{nil}',
    '--define',
    '_build_id_links none',
    // --target rather than BuildArch: rpmbuild builds any arch's package on any host that way.
    '--target',
    target,
    '-bb',
    specPath,
  ]);
  const built = listRpms(topdir).filter((path) => !before.has(path));
  if (built.length !== 1 || !built[0]) throw new Error(`rpmbuild of ${name} made ${built.length} packages`);
  return built[0];
}

function listRpms(topdir: string): string[] {
  return run('find', [join(topdir, 'RPMS'), '-name', '*.rpm'])
    .split('\n')
    .filter((line) => line !== '');
}

/** RpmPackage from what rpm itself reads in the headers (`rpm -qp --xml`), lists in header order. */
export function rpmPackageOf(path: string): RpmPackage {
  const header = parseXml(run('rpm', ['-qp', '--xml', path]));
  const tags = new Map(
    elements(header, 'rpmTag').map((tag) => [
      tag.attributes.get('name')?.toLowerCase() ?? '',
      elements(tag).map((value) => textOf(value)),
    ]),
  );
  const list = (name: string): string[] => tags.get(name) ?? [];
  const one = (name: string): string | undefined => list(name)[0];
  const required = (name: string): string => {
    const value = one(name);
    if (value === undefined) throw new Error(`${path} has no ${name} tag`);
    return value;
  };
  const numbers = (name: string): number[] => list(name).map(Number);
  const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
    value === undefined ? {} : ({ [key]: value } as Record<K, string>);

  const dependencies = (kind: string): RpmDependency[] => {
    const flags = numbers(`${kind}flags`);
    const versions = list(`${kind}version`);
    return list(`${kind}name`).map((name, index) =>
      dependencyOf(name, flags[index] ?? 0, versions[index] ?? ''),
    );
  };
  const dirnames = list('dirnames');
  const dirindexes = numbers('dirindexes');
  const modes = numbers('filemodes');
  const fileflags = numbers('fileflags');
  const files: RpmFile[] = list('basenames').map((base, index) => ({
    path: `${dirnames[dirindexes[index] ?? -1] ?? ''}${base}`,
    type:
      ((modes[index] ?? 0) & 0o170000) === 0o040000 ? 'dir' : (fileflags[index] ?? 0) & 64 ? 'ghost' : 'file',
  }));
  const times = numbers('changelogtime');
  const authors = list('changelogname');
  const changelogs: RpmChangelog[] = list('changelogtext').map((text, index) => ({
    author: authors[index] ?? '',
    date: times[index] ?? 0,
    text,
  }));
  const range = headerRange(readFileSync(path));
  const epoch = one('epoch');
  const archiveSize = one('longarchivesize') ?? one('archivesize');
  return {
    name: required('name'),
    ...(epoch === undefined ? {} : { epoch: Number(epoch) }),
    version: required('version'),
    release: required('release'),
    arch: required('arch'),
    summary: required('summary'),
    description: required('description'),
    license: required('license'),
    ...optional('vendor', one('vendor')),
    ...optional('group', one('group')),
    ...optional('url', one('url')),
    ...optional('buildhost', one('buildhost')),
    ...optional('sourcerpm', one('sourcerpm')),
    ...optional('packager', one('packager')),
    buildTime: Number(required('buildtime')),
    installedSize: Number(one('longsize') ?? required('size')),
    ...(archiveSize === undefined ? {} : { archiveSize: Number(archiveSize) }),
    headerStart: range.start,
    headerEnd: range.end,
    provides: dependencies('provide'),
    requires: dependencies('require'),
    conflicts: dependencies('conflict'),
    obsoletes: dependencies('obsolete'),
    files,
    changelogs,
  };
}

const SENSE: Record<number, RpmDependency['flags']> = { 2: 'LT', 4: 'GT', 8: 'EQ', 10: 'LE', 12: 'GE' };
const PREREQ = 64 | 512 | 1024; // RPMSENSE_PREREQ | RPMSENSE_SCRIPT_PRE | RPMSENSE_SCRIPT_POST

function dependencyOf(name: string, flags: number, evr: string): RpmDependency {
  const sense = SENSE[flags & 0xf];
  const colon = evr.indexOf(':');
  const rest = colon >= 0 ? evr.slice(colon + 1) : evr;
  const hyphen = rest.lastIndexOf('-');
  return {
    name,
    ...(sense ? { flags: sense } : {}),
    ...(colon >= 0 ? { epoch: evr.slice(0, colon) } : {}),
    ...(rest === '' ? {} : { version: hyphen >= 0 ? rest.slice(0, hyphen) : rest }),
    ...(hyphen >= 0 ? { release: rest.slice(hyphen + 1) } : {}),
    ...(flags & PREREQ ? { pre: true } : {}),
  };
}

/**
 * Where the main header sits in the file, as createrepo_c computes it: after the 96-byte lead and the
 * signature header (16-byte preamble, 16-byte index entries, data; padded to 8 bytes), for the main
 * header's own preamble, index and data.
 */
export function headerRange(bytes: Buffer): { start: number; end: number } {
  const sizeAt = (offset: number): number =>
    16 + bytes.readUInt32BE(offset + 8) * 16 + bytes.readUInt32BE(offset + 12);
  const signature = sizeAt(96);
  const start = 96 + signature + ((8 - (signature % 8)) % 8);
  return { start, end: start + sizeAt(start) };
}

/** Runs createrepo_c on a directory and returns its three documents, uncompressed. */
export function createrepo(
  dir: string,
  extra: readonly string[] = [],
): { primary: string; filelists: string; other: string; repomd: string } {
  run('createrepo_c', [
    '--no-database',
    '--revision',
    '1609581600',
    '--set-timestamp-to-revision',
    ...extra,
    dir,
  ]);
  const repomd = readFileSync(join(dir, 'repodata', 'repomd.xml'), 'utf8');
  const open = (type: string): string => {
    const record = parseRepomd(repomd).records.find((candidate) => candidate.type === type);
    if (!record) throw new Error(`createrepo_c wrote no ${type}`);
    return gunzipSync(readFileSync(join(dir, record.location))).toString('utf8');
  };
  return { primary: open('primary'), filelists: open('filelists'), other: open('other'), repomd };
}
