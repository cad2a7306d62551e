/**
 * Our repodata against createrepo_c's for the same real packages (built here with rpmbuild): every
 * element, attribute and text of each <package> equal, in primary, filelists and other; the incremental
 * path (createrepo_c's repodata read back, a package added) equal to createrepo_c run on the result; and
 * createrepo_c reading our repodata back (`--update`) reuses every entry and writes the same packages.
 *
 * Documented differences: none within a <package>. Between documents only the package order (we sort by
 * name and version, createrepo_c by file name) and repomd.xml's checksums/sizes of the .gz files (a
 * different gzip compressor) and its sqlite databases (`--no-database` here; dnf does not need them).
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFilelists, renderOther, renderPrimary } from './render-documents.js';
import { mergeRepodata } from '../../../src/formats/yum/merge-repodata.js';
import { buildRepodata, readRepodata } from '../../../src/formats/yum/repodata.js';
import { repodataEntry } from '../../../src/formats/yum/repodata-entry.js';
import { parseFilelists, parseOther, parsePrimary } from '../../../src/formats/yum/repodata-parse.js';
import { parseRepomd } from '../../../src/formats/yum/repomd-xml.js';
import { parseXml } from '../../../src/formats/yum/xml-parse.js';
import type { XmlElement, XmlNode } from '../../../src/formats/yum/xml-tree.js';
import type { YumPackageFile } from '../../../src/formats/yum/yum-package.js';
import { SPECS } from './rpm-specs.js';
import { createrepo, requireTools, rpmPackageOf, rpmbuild } from './rpm-tools.js';

/** The files' mtime, which createrepo_c writes as <time file=>; ours is passed in. */
const FILE_TIME = 1609581600;

/** A package for our writers, and the built file createrepo_c reads. */
type Fixture = YumPackageFile & { readonly built: string };

let work: string;
let packages: Fixture[];

beforeAll(() => {
  requireTools('rpmbuild', 'rpm', 'createrepo_c');
  work = mkdtempSync(join(tmpdir(), 'createrepo-comparison-'));
  packages = SPECS.map((spec) => {
    const built = rpmbuild(join(work, 'top'), spec.name, spec.text, spec.target);
    const bytes = readFileSync(built);
    return {
      pkg: rpmPackageOf(built),
      location: spec.location ?? basename(built),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.byteLength,
      time: FILE_TIME,
      built,
    };
  });
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A repository directory holding these packages, with the mtime we tell our writers. */
function repository(name: string, files: readonly Fixture[]): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const target = join(dir, file.location);
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(file.built, target);
    utimesSync(target, FILE_TIME, FILE_TIME);
  }
  return dir;
}

describe('repodata of real packages, compared with createrepo_c', () => {
  it('built the fixtures with what the comparison needs', () => {
    const [falco] = packages;
    expect(packages.map((file) => file.pkg.name)).toEqual(SPECS.map((spec) => spec.name));
    // The raw header lists, before createrepo_c's filtering, so the comparison exercises ours.
    expect(falco?.pkg.requires.some((r) => r.name.startsWith('rpmlib('))).toBe(true);
    expect(falco?.pkg.changelogs.length).toBeGreaterThan(10);
  });

  it('primary.xml: every package equal, element by element', () => {
    const theirs = createrepo(repository('primary', packages)).primary;
    const ours = renderPrimary(packages);
    expectSamePackages(parsePrimary(ours), parsePrimary(theirs));
    expectSameDocumentRoot(ours, theirs);
  });

  it('filelists.xml: every package equal, element by element', () => {
    const theirs = createrepo(repository('filelists', packages)).filelists;
    const ours = renderFilelists(packages);
    expectSamePackages(parseFilelists(ours), parseFilelists(theirs));
    expectSameDocumentRoot(ours, theirs);
  });

  it('other.xml: every package equal, element by element', () => {
    const theirs = createrepo(repository('other', packages)).other;
    const ours = renderOther(packages);
    expectSamePackages(parseOther(ours), parseOther(theirs));
    expectSameDocumentRoot(ours, theirs);
  });

  it('adds a package to createrepo_c repodata as createrepo_c itself would', () => {
    const [added, ...before] = packages;
    if (!added) throw new Error('no fixture');
    const old = createrepo(repository('incremental-before', before));
    const existing = readRepodata({
      primary: Buffer.from(old.primary),
      filelists: Buffer.from(old.filelists),
      other: Buffer.from(old.other),
    });
    const merged = mergeRepodata(existing, [repodataEntry(added)]);
    const ours = buildRepodata(merged, { revision: '1609581600', timestamp: FILE_TIME });
    const theirs = createrepo(repository('incremental-after', packages));
    const oursOpen = readRepodataDocuments(ours.documents.map((d) => d.bytes));
    expectSamePackages(parsePrimary(oursOpen.primary), parsePrimary(theirs.primary));
    expectSamePackages(parseFilelists(oursOpen.filelists), parseFilelists(theirs.filelists));
    expectSamePackages(parseOther(oursOpen.other), parseOther(theirs.other));
    // The packages that were there already are carried over byte for byte.
    for (const entry of existing) expect(oursOpen.primary).toContain(entry.primary);
  });

  it('repomd.xml: the same records and fields as createrepo_c, with checksums of our bytes', () => {
    const ours = buildRepodata(packages.map(repodataEntry), { revision: '1609581600', timestamp: FILE_TIME });
    const theirs = createrepo(repository('repomd', packages)).repomd;
    const oursXml = Buffer.from(ours.repomd.bytes).toString('utf8');
    expect(shape(parseXml(oursXml))).toEqual(shape(parseXml(theirs)));
    const parsed = parseRepomd(oursXml);
    expect(parsed.revision).toBe(parseRepomd(theirs).revision);
    for (const record of parsed.records) {
      const document = ours.documents.find((d) => d.path === record.location);
      if (!document) throw new Error(`repomd.xml points at ${record.location}, which we did not build`);
      expect(record.checksum).toBe(createHash('sha256').update(document.bytes).digest('hex'));
      expect(record.location).toBe(`repodata/${record.checksum}-${record.type}.xml.gz`);
      expect(record.size).toBe(document.bytes.byteLength);
      expect(record.timestamp).toBe(
        parseRepomd(theirs).records.find((r) => r.type === record.type)?.timestamp,
      );
    }
  });

  it('createrepo_c --update reads our repodata and reuses every package as we wrote it', () => {
    const dir = repository('update', packages);
    const ours = buildRepodata(packages.map(repodataEntry), { revision: '1609581600', timestamp: FILE_TIME });
    mkdirSync(join(dir, 'repodata'));
    for (const file of [...ours.documents, ours.repomd]) writeFileSync(join(dir, file.path), file.bytes);
    const readList = join(work, 'read-packages.txt');
    const theirs = createrepo(dir, ['--update', '--read-pkgs-list', readList]);
    // An empty list: createrepo_c opened no .rpm, every entry came from our XML.
    expect(readFileSync(readList, 'utf8').trim()).toBe('');
    const oursOpen = readRepodataDocuments(ours.documents.map((d) => d.bytes));
    expectSamePackages(parsePrimary(theirs.primary), parsePrimary(oursOpen.primary));
    expectSamePackages(parseFilelists(theirs.filelists), parseFilelists(oursOpen.filelists));
    expectSamePackages(parseOther(theirs.other), parseOther(oursOpen.other));
  });
});

/** Same packages (matched by pkgid): parsed records equal, and their XML trees equal node for node. */
function expectSamePackages<T extends { pkgid: string; xml: string }>(
  ours: readonly T[],
  theirs: readonly T[],
): void {
  const byId = (records: readonly T[]) => new Map(records.map((record) => [record.pkgid, record]));
  const theirsById = byId(theirs);
  expect([...byId(ours).keys()].sort()).toEqual([...theirsById.keys()].sort());
  for (const record of ours) {
    const other = theirsById.get(record.pkgid);
    const { xml: ourXml, ...ourFields } = record;
    const { xml: theirXml, ...theirFields } = other ?? record;
    expect(ourFields, record.pkgid).toEqual(theirFields);
    expect(tree(parseXml(ourXml)), record.pkgid).toEqual(tree(parseXml(theirXml)));
  }
}

/** The root element's name and attributes (namespaces, package count). */
function expectSameDocumentRoot(ours: string, theirs: string): void {
  const root = (xml: string) => {
    const element = parseXml(xml);
    return { name: element.name, attributes: Object.fromEntries(element.attributes) };
  };
  expect(root(ours)).toEqual(root(theirs));
  expect(ours.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  expect(theirs.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
}

/** An element as plain data: name, attributes, and children without the whitespace between elements. */
function tree(node: XmlNode): unknown {
  if (typeof node === 'string') return node;
  const children = node.children.filter(
    (child) => typeof child !== 'string' || child.trim() !== '' || isText(node),
  );
  return { name: node.name, attributes: Object.fromEntries(node.attributes), children: children.map(tree) };
}

/** An element with no child elements holds text, whitespace included. */
const isText = (node: XmlElement): boolean => node.children.every((child) => typeof child === 'string');

/** repomd.xml's structure without the values that depend on the compressor (text, hashes in names). */
function shape(node: XmlElement): unknown {
  const children = node.children.filter((child): child is XmlElement => typeof child !== 'string');
  const attributes = Object.fromEntries(node.attributes);
  if (attributes.href) attributes.href = attributes.href.replace(/[0-9a-f]{64}/, '<sha256>');
  return {
    name: node.name,
    attributes,
    children:
      node.name === 'repomd' ? children.filter((c) => !isDatabase(c)).map(shape) : children.map(shape),
  };
}

const isDatabase = (node: XmlElement): boolean => (node.attributes.get('type') ?? '').endsWith('_db');

function readRepodataDocuments(gz: readonly Uint8Array[]): {
  primary: string;
  filelists: string;
  other: string;
} {
  const [primary, filelists, other] = gz.map((bytes) => gunzipSync(bytes).toString('utf8'));
  if (primary === undefined || filelists === undefined || other === undefined)
    throw new Error('three documents');
  return { primary, filelists, other };
}
