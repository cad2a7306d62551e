import { rootElementOf, type MetadataKind } from './repodata-documents.js';
import { dependencyOf, fileOf, integer, optionalText } from './repodata-fields.js';
import type { FilelistsRecord, OtherRecord, PackageIdentity, PrimaryRecord } from './repodata-records.js';
import type { RpmDependency } from '../rpm/rpm-package.js';
import type { Evr } from '../rpm/rpm-version.js';
import { parseXml } from './xml-parse.js';
import { attribute, element, elements, optionalElement, textOf, type XmlElement } from './xml-tree.js';

/** Reads primary, filelists and other XML, ours and createrepo_c's, one record per `<package>`. */
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
