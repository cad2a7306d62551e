import type { RpmChangelog, RpmDependency, RpmFile } from '../rpm/rpm-package.js';
import { rootElementOf, type MetadataKind } from './repodata-documents.js';
import type { Evr } from '../rpm/rpm-version.js';
import {
  attribute,
  element,
  elements,
  optionalElement,
  parseXml,
  textOf,
  type XmlElement,
} from './xml-parse.js';

/**
 * Readers of primary, filelists and other XML, ours and createrepo_c's. Each record keeps its
 * `<package>` element exactly as written (`xml`): an incremental update carries the packages it does
 * not touch over verbatim, including anything we do not model (weak dependencies, `xml:base`).
 */
export interface PackageIdentity {
  /** The sha256 of the .rpm (primary's `pkgid="YES"` checksum). */
  readonly pkgid: string;
  readonly name: string;
  readonly arch: string;
  readonly evr: Evr;
  /** The `<package>` element as written in the source document. */
  readonly xml: string;
}

export interface PrimaryRecord extends PackageIdentity {
  readonly checksumType: string;
  readonly summary: string;
  readonly description: string;
  readonly packager: string;
  readonly url: string;
  readonly time: { readonly file: number; readonly build: number };
  readonly size: { readonly package: number; readonly installed: number; readonly archive: number };
  readonly location: string;
  /** `xml:base`, when the package lives elsewhere than the repository. */
  readonly locationBase?: string;
  readonly license: string;
  readonly vendor: string;
  readonly group: string;
  readonly buildhost: string;
  readonly sourcerpm: string;
  readonly headerRange: { readonly start: number; readonly end: number };
  /** By kind without the prefix: `provides`, `requires`, ... and weak ones (`recommends`...) when present. */
  readonly dependencies: Readonly<Record<string, readonly RpmDependency[]>>;
  /** The primary files only. */
  readonly files: readonly RpmFile[];
}

export interface FilelistsRecord extends PackageIdentity {
  readonly files: readonly RpmFile[];
}

export interface OtherRecord extends PackageIdentity {
  /** As listed: oldest first. */
  readonly changelogs: readonly RpmChangelog[];
}

export function parsePrimary(xml: string): PrimaryRecord[] {
  return packagesOf(xml, 'primary').map((node) => {
    const checksum = element(node, 'checksum');
    const format = element(node, 'format');
    const time = element(node, 'time');
    const size = element(node, 'size');
    const location = element(node, 'location');
    const headerRange = optionalElement(format, 'rpm:header-range');
    const dependencies: Record<string, RpmDependency[]> = {};
    for (const block of elements(format).filter((child) => elements(child, 'rpm:entry').length > 0)) {
      dependencies[block.name.replace(/^rpm:/, '')] = elements(block, 'rpm:entry').map(dependencyOf);
    }
    const base = location.attributes.get('xml:base');
    return {
      pkgid: textOf(checksum),
      checksumType: attribute(checksum, 'type'),
      name: textOf(element(node, 'name')),
      arch: textOf(element(node, 'arch')),
      evr: evrOf(node),
      summary: optionalText(node, 'summary'),
      description: optionalText(node, 'description'),
      packager: optionalText(node, 'packager'),
      url: optionalText(node, 'url'),
      time: { file: integer(time, 'file'), build: integer(time, 'build') },
      size: {
        package: integer(size, 'package'),
        installed: integer(size, 'installed'),
        archive: integer(size, 'archive'),
      },
      location: attribute(location, 'href'),
      ...(base === undefined ? {} : { locationBase: base }),
      license: optionalText(format, 'rpm:license'),
      vendor: optionalText(format, 'rpm:vendor'),
      group: optionalText(format, 'rpm:group'),
      buildhost: optionalText(format, 'rpm:buildhost'),
      sourcerpm: optionalText(format, 'rpm:sourcerpm'),
      headerRange: headerRange
        ? { start: integer(headerRange, 'start'), end: integer(headerRange, 'end') }
        : { start: 0, end: 0 },
      dependencies,
      files: elements(format, 'file').map(fileOf),
      xml: xml.slice(node.start, node.end),
    };
  });
}

export function parseFilelists(xml: string): FilelistsRecord[] {
  return packagesOf(xml, 'filelists').map((node) => ({
    ...identityOf(node, xml),
    files: elements(node, 'file').map(fileOf),
  }));
}

export function parseOther(xml: string): OtherRecord[] {
  return packagesOf(xml, 'other').map((node) => ({
    ...identityOf(node, xml),
    changelogs: elements(node, 'changelog').map((entry) => ({
      author: attribute(entry, 'author'),
      date: integer(entry, 'date'),
      text: textOf(entry),
    })),
  }));
}

function packagesOf(xml: string, kind: MetadataKind): XmlElement[] {
  const root = parseXml(xml);
  if (root.name !== rootElementOf(kind)) {
    throw new Error(`${kind} metadata: the root element is <${root.name}>, not <${rootElementOf(kind)}>`);
  }
  const packages = elements(root, 'package');
  const declared = root.attributes.get('packages');
  if (declared !== undefined && Number(declared) !== packages.length) {
    throw new Error(`${kind} metadata says packages="${declared}" but holds ${packages.length}`);
  }
  return packages;
}

/** filelists and other name their package by attributes. */
function identityOf(node: XmlElement, xml: string): PackageIdentity {
  return {
    pkgid: attribute(node, 'pkgid'),
    name: attribute(node, 'name'),
    arch: attribute(node, 'arch'),
    evr: evrOf(node),
    xml: xml.slice(node.start, node.end),
  };
}

function evrOf(node: XmlElement): Evr {
  const version = element(node, 'version');
  return {
    epoch: version.attributes.get('epoch') ?? '0',
    version: attribute(version, 'ver'),
    release: version.attributes.get('rel') ?? '',
  };
}

const FLAGS = new Set(['EQ', 'LT', 'LE', 'GT', 'GE']);

function dependencyOf(entry: XmlElement): RpmDependency {
  const flags = entry.attributes.get('flags');
  if (flags !== undefined && !FLAGS.has(flags)) throw new Error(`<rpm:entry> has flags="${flags}"`);
  const optional = (name: string, key: 'epoch' | 'version' | 'release') => {
    const value = entry.attributes.get(name);
    return value === undefined ? {} : { [key]: value };
  };
  return {
    name: attribute(entry, 'name'),
    ...(flags === undefined ? {} : { flags: flags as NonNullable<RpmDependency['flags']> }),
    ...optional('epoch', 'epoch'),
    ...optional('ver', 'version'),
    ...optional('rel', 'release'),
    ...(entry.attributes.get('pre') === '1' ? { pre: true } : {}),
  };
}

function fileOf(node: XmlElement): RpmFile {
  const type = node.attributes.get('type') ?? 'file';
  if (type !== 'file' && type !== 'dir' && type !== 'ghost') throw new Error(`<file type="${type}">`);
  return { path: textOf(node), type };
}

function optionalText(parent: XmlElement, name: string): string {
  const child = optionalElement(parent, name);
  return child ? textOf(child) : '';
}

function integer(node: XmlElement, name: string): number {
  const value = attribute(node, name);
  if (!/^-?[0-9]+$/.test(value)) throw new Error(`<${node.name} ${name}="${value}"> is not an integer`);
  return Number(value);
}
