/**
 * Our APT indexes against apt-ftparchive's and dpkg-scanpackages' for the same real .debs (built here
 * with dpkg-deb, control fields read back with `dpkg-deb -f`): every Packages stanza identical to
 * apt-ftparchive's text, the same fields and values as dpkg-scanpackages', and a Release whose hash
 * lines are apt-ftparchive's for the same index files; then apt itself reads the repository.
 *
 * Documented differences: we write no SHA512 (apt-ftparchive does by default; apt checks the
 * strongest hash both sides have, SHA256, and dpkg-scanpackages writes none either), so apt-ftparchive
 * runs with SHA512 off. dpkg-scanpackages orders fields its own way and spells `Description-Md5`; we
 * follow apt-ftparchive's order. Release: we write the Debian archive's field order and `UTC` in the
 * date; apt-ftparchive 2.6 sorts fields by name and writes `+0000` (apt reads both; the date here is
 * passed to it as our string so the values compare equal).
 *
 * Then apt-get itself, confined to a temporary directory, reads the repository we build: `update`
 * checks every index against Release, `policy` picks candidates by Debian order, `download` fetches by
 * Filename and checks the package's hashes.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aptEntry, type AptEntry } from '../../../src/formats/apt/apt-entry.js';
import { buildAptIndexes } from '../../../src/formats/apt/apt-indexes.js';
import { parseStanzas } from '../../../src/formats/apt/control-stanza.js';
import { mergePackages } from '../../../src/formats/apt/merge-packages.js';
import { parsePackages, renderPackages } from '../../../src/formats/apt/packages-file.js';
import { parseRelease, rfc2822Utc } from '../../../src/formats/apt/release-file.js';
import { DEBS } from './deb-fixtures.js';
import { debControlOf, debFileOf, dpkgDebBuild, requireTools, run } from './debian-tools.js';

const DATE = new Date('2021-01-02T10:00:00Z');
const ARCHITECTURES = ['amd64', 'arm64'];

let work: string;
let repo: string;
let entries: AptEntry[];

beforeAll(() => {
  requireTools('dpkg-deb', 'apt-ftparchive', 'dpkg-scanpackages', 'apt-get');
  work = mkdtempSync(join(tmpdir(), 'apt-ftparchive-comparison-'));
  repo = join(work, 'deb');
  entries = DEBS.map(({ filename, fixture }) => {
    const path = join(repo, filename);
    dpkgDebBuild(work, fixture, path);
    return aptEntry(debControlOf(path), debFileOf(path, filename));
  });
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Our index of one architecture: its own packages and the `all` ones. */
function oursFor(architecture: string): AptEntry[] {
  return mergePackages(
    [],
    entries.filter((entry) => entry.architecture === architecture || entry.architecture === 'all'),
  );
}

/**
 * The stanzas of one architecture (its own and `all`), as text, each with its blank line, sorted: the
 * index's content regardless of order. The tools' `--arch` goes by `_<arch>.deb` file names, which
 * Falco's names (`-x86_64.deb`) are not, so they scan the whole pool and the stanzas are picked here.
 */
function stanzaTexts(packages: string, architecture: string): string[] {
  return packages
    .split('\n\n')
    .filter((chunk) => chunk.trim() !== '')
    .filter((chunk) => new RegExp(`^Architecture: (${architecture}|all)$`, 'm').test(chunk))
    .map((chunk) => `${chunk}\n\n`)
    .sort();
}

describe('APT indexes of real packages, compared with apt-ftparchive and dpkg-scanpackages', () => {
  it.each(ARCHITECTURES)('Packages for %s: every stanza identical to apt-ftparchive', (architecture) => {
    const theirs = run('apt-ftparchive', ['-o', 'APT::FTPArchive::SHA512=false', 'packages', 'stable'], repo);
    const ours = renderPackages(oursFor(architecture));
    expect(stanzaTexts(ours, architecture)).toEqual(stanzaTexts(theirs, architecture));
    expect(stanzaTexts(ours, architecture)).toHaveLength(architecture === 'amd64' ? 4 : 2);
  });

  it.each(ARCHITECTURES)('Packages for %s: the same fields as dpkg-scanpackages', (architecture) => {
    const theirs = run('dpkg-scanpackages', ['--multiversion', 'stable', '/dev/null'], repo);
    const asMaps = (text: string) =>
      parseStanzas(text)
        .map((fields) => Object.fromEntries(fields.map(([name, value]) => [name.toLowerCase(), value])))
        .filter((fields) => fields.architecture === architecture || fields.architecture === 'all')
        .sort((a, b) => `${a.filename}`.localeCompare(`${b.filename}`));
    expect(asMaps(renderPackages(oursFor(architecture)))).toEqual(asMaps(theirs));
  });

  it('reads apt-ftparchive output back into the same entries', () => {
    const theirs = run('apt-ftparchive', ['-o', 'APT::FTPArchive::SHA512=false', 'packages', 'stable'], repo);
    const byFile = (list: readonly AptEntry[]) =>
      [...list].sort((a, b) => a.filename.localeCompare(b.filename));
    expect(byFile(parsePackages(theirs))).toEqual(byFile(entries));
  });

  it('Release: the same hash lines as apt-ftparchive for the same index files', () => {
    const built = buildAptIndexes({
      packages: new Map(ARCHITECTURES.map((architecture) => [architecture, oursFor(architecture)])),
      architectures: ARCHITECTURES,
      date: DATE,
    });
    const dists = join(work, 'release-check');
    for (const file of built.indexes) {
      mkdirSync(join(dists, file.path, '..'), { recursive: true });
      writeFileSync(join(dists, file.path), file.bytes);
    }
    const option = (name: string, value: string) => ['-o', `APT::FTPArchive::Release::${name}=${value}`];
    const theirs = run(
      'apt-ftparchive',
      [
        ...option('SHA512', 'false'),
        ...option('Origin', 'Falco'),
        ...option('Label', 'Falco'),
        ...option('Suite', 'stable'),
        ...option('Codename', 'stable'),
        ...option('Architectures', 'amd64 arm64'),
        ...option('Components', 'main'),
        ...option('Date', rfc2822Utc(DATE)),
        'release',
        '.',
      ],
      join(dists, 'dists', 'stable'),
    );
    const ours = Buffer.from(built.release.bytes).toString('utf8');
    const hashLines = (text: string) => text.slice(text.indexOf('MD5Sum:\n'));
    expect(hashLines(ours)).toBe(hashLines(theirs));
    const fields = (text: string) => Object.fromEntries(parseRelease(text).fields);
    expect(fields(ours)).toEqual(fields(theirs));
    expect(parseRelease(ours).files.map((file) => file.path)).toEqual([
      'main/binary-amd64/Packages',
      'main/binary-amd64/Packages.gz',
      'main/binary-arm64/Packages',
      'main/binary-arm64/Packages.gz',
    ]);
  });

  it('apt-get reads the repository we built: candidates by Debian order, files found and hash-checked', () => {
    const built = buildAptIndexes({
      packages: new Map(ARCHITECTURES.map((architecture) => [architecture, oursFor(architecture)])),
      architectures: ARCHITECTURES,
      date: DATE,
    });
    for (const file of [...built.indexes, built.release]) {
      mkdirSync(join(repo, file.path, '..'), { recursive: true });
      writeFileSync(join(repo, file.path), file.bytes);
    }
    const apt = aptSandbox(join(work, 'apt'), `deb [trusted=yes] file:${repo} stable main`);
    apt('apt-get', 'update');
    // The epoch wins over the higher upstream version, and ~rc1 sorts before the release.
    expect(candidate(apt('apt-cache', 'policy', 'falco'))).toBe('1:0.26.2+fix-1');
    expect(candidate(apt('apt-cache', 'policy', 'falco:arm64'))).toBe('0.27.0');
    expect(candidate(apt('apt-cache', 'policy', 'falco-rules'))).toBe('1.0');
    // apt-get download fetches by Filename and refuses a file whose hashes differ from the index.
    apt('apt-get', 'download', 'falco:arm64=0.27.0', 'falco=0.27.0~rc1', 'falco-rules');
    const downloaded = readdirSync(join(work, 'apt')).filter((name) => name.endsWith('.deb'));
    expect(downloaded.sort()).toEqual([
      'falco-rules_1.0_all.deb',
      'falco_0.27.0_arm64.deb',
      'falco_0.27.0~rc1_amd64.deb',
    ]);
  });
});

/** apt-get and apt-cache confined to a directory: its own sources, lists, cache and an empty dpkg status. */
function aptSandbox(dir: string, source: string): (command: string, ...args: string[]) => string {
  for (const sub of [
    'lists/partial',
    'cache/archives/partial',
    'etc/apt.conf.d',
    'etc/preferences.d',
    'log',
  ]) {
    mkdirSync(join(dir, sub), { recursive: true });
  }
  writeFileSync(join(dir, 'status'), '');
  writeFileSync(join(dir, 'etc', 'sources.list'), `${source}\n`);
  const options = {
    Dir: dir,
    'Dir::Etc': join(dir, 'etc'),
    'Dir::Etc::SourceList': join(dir, 'etc', 'sources.list'),
    'Dir::Etc::SourceParts': join(dir, 'etc', 'sources.list.d'),
    'Dir::Etc::Parts': join(dir, 'etc', 'apt.conf.d'),
    'Dir::Etc::PreferencesParts': join(dir, 'etc', 'preferences.d'),
    'Dir::State': dir,
    'Dir::State::Lists': join(dir, 'lists'),
    'Dir::State::status': join(dir, 'status'),
    'Dir::Cache': join(dir, 'cache'),
    'Dir::Log': join(dir, 'log'),
    'APT::Architecture': 'amd64',
    'APT::Architectures::': 'arm64',
    'APT::Sandbox::User': 'root',
    'Acquire::Languages': 'none',
    // Fetch the .gz index, so its hash in Release is the one checked.
    'Acquire::CompressionTypes::Order::': 'gz',
    'Debug::NoLocking': '1',
  };
  const flags = Object.entries(options).flatMap(([name, value]) => ['-o', `${name}=${value}`]);
  return (command, ...args) => run(command, [...flags, ...args], dir);
}

const candidate = (policy: string): string | undefined => /Candidate: (\S+)/.exec(policy)?.[1];
