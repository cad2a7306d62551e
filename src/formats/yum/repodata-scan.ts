import type { Evr } from '../rpm/rpm-version.js';
import { rootElementOf, type MetadataKind } from './repodata-documents.js';
import type { PackageIdentity } from './repodata-records.js';
import { decodeEntities } from './xml-entities.js';

/** A package as an update needs it: identity, location (primary only) and its element verbatim. */
export interface ScannedPackage extends PackageIdentity {
  readonly location: string;
}

/**
 * The fast read of repodata an update does: each `<package>` element found by its tags, and only its
 * identity read from it, instead of parsing every dependency and file of a thousand packages. Only
 * documents as createrepo_c and this action write them qualify (no CDATA, comments or declarations,
 * in which `</package>` could hide); for any other, undefined sends the caller to the full parser.
 */
export function scanPackages(xml: string, kind: MetadataKind): ScannedPackage[] | undefined {
  if (/<!\[CDATA\[|<!--|<!DOCTYPE/.test(xml)) return undefined;
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?<([^\s>/]+)([^>]*)>/.exec(xml.replace(/^\ufeff/, ''));
  if (!root || root[1] !== rootElementOf(kind)) return undefined;
  const packages: ScannedPackage[] = [];
  for (let start = xml.indexOf('<package', 0); start >= 0; start = xml.indexOf('<package', start + 1)) {
    const after = xml.charAt(start + '<package'.length);
    if (after !== ' ' && after !== '>' && after !== '\n' && after !== '\t') continue;
    const close = xml.indexOf('</package>', start);
    if (close < 0) return undefined;
    const end = close + '</package>'.length;
    const element = xml.slice(start, end);
    const scanned = kind === 'primary' ? primaryIdentity(element) : attributeIdentity(element);
    if (scanned === undefined) return undefined;
    packages.push(scanned);
    start = end - 1;
  }
  const declared = attributesOf(root[2] ?? '').get('packages');
  if (declared !== undefined && Number(declared) !== packages.length) {
    throw new Error(`${kind} metadata says packages="${declared}" but holds ${packages.length}`);
  }
  return packages;
}

function primaryIdentity(xml: string): ScannedPackage | undefined {
  const text = (name: string): string | undefined => {
    const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
    return match ? decodeEntities(match[1] ?? '') : undefined;
  };
  const checksum = /<checksum\s([^>]*)>([^<]*)<\/checksum>/.exec(xml);
  const location = /<location\s([^>]*?)\/?>/.exec(xml);
  const name = text('name');
  const arch = text('arch');
  const evr = evrOf(xml);
  const href = location ? attributesOf(location[1] ?? '').get('href') : undefined;
  if (!checksum || name === undefined || arch === undefined || !evr || href === undefined) return undefined;
  return { pkgid: decodeEntities(checksum[2] ?? ''), name, arch, evr, location: href, xml };
}

function attributeIdentity(xml: string): ScannedPackage | undefined {
  const open = /^<package\s([^>]*)>/.exec(xml);
  const attributes = attributesOf(open?.[1] ?? '');
  const [pkgid, name, arch] = ['pkgid', 'name', 'arch'].map((key) => attributes.get(key));
  const evr = evrOf(xml);
  if (pkgid === undefined || name === undefined || arch === undefined || !evr) return undefined;
  return { pkgid, name, arch, evr, location: '', xml };
}

function evrOf(xml: string): Evr | undefined {
  const version = /<version\s([^>]*?)\/?>/.exec(xml);
  if (!version) return undefined;
  const attributes = attributesOf(version[1] ?? '');
  const ver = attributes.get('ver');
  if (ver === undefined) return undefined;
  return { epoch: attributes.get('epoch') ?? '0', version: ver, release: attributes.get('rel') ?? '' };
}

function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(match[1] ?? '', decodeEntities((match[2] ?? match[3] ?? '').replace(/[\t\n\r]/g, ' ')));
  }
  return attributes;
}
