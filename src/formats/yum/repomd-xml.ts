import type { MetadataKind } from './repodata-documents.js';
import { escapeText } from './xml-escape.js';
import { parseXml } from './xml-parse.js';
import { attribute, element, elements, optionalElement, textOf } from './xml-tree.js';
import { sha256Hex } from '../../util/sha256-hex.js';

export interface RepomdFile {
  readonly type: MetadataKind;
  /** The compressed document, as published. */
  readonly gz: Uint8Array;
  /** The document before compression. */
  readonly open: Uint8Array;
  /** Seconds since the epoch; passed in, never read from the clock. */
  readonly timestamp: number;
}

/**
 * Where a document is published: its name starts with the sha256 of its bytes, so a new version never
 * overwrites one that a client in the middle of an update may still fetch by the old repomd.xml.
 */
export function repodataLocation(type: MetadataKind, gz: Uint8Array): string {
  return `repodata/${sha256Hex(gz)}-${type}.xml.gz`;
}

/** repomd.xml as createrepo_c writes it (without the sqlite databases, which dnf does not need). */
export function renderRepomd(input: { revision: string; files: readonly RepomdFile[] }): string {
  const data = input.files.map((file) =>
    [
      `  <data type="${file.type}">`,
      `    <checksum type="sha256">${sha256Hex(file.gz)}</checksum>`,
      `    <open-checksum type="sha256">${sha256Hex(file.open)}</open-checksum>`,
      `    <location href="${repodataLocation(file.type, file.gz)}"/>`,
      `    <timestamp>${file.timestamp}</timestamp>`,
      `    <size>${file.gz.byteLength}</size>`,
      `    <open-size>${file.open.byteLength}</open-size>`,
      `  </data>`,
    ].join('\n'),
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">`,
    `  <revision>${escapeText(input.revision)}</revision>`,
    ...data,
    `</repomd>`,
    ``,
  ].join('\n');
}

export interface RepomdRecord {
  readonly type: string;
  readonly location: string;
  readonly checksumType: string;
  readonly checksum: string;
  readonly openChecksum?: string;
  readonly timestamp?: number;
  readonly size?: number;
  readonly openSize?: number;
}

/** Reads repomd.xml: where the current documents are, and what their bytes must hash to. */
export function parseRepomd(xml: string): { revision: string; records: RepomdRecord[] } {
  const root = parseXml(xml);
  if (root.name !== 'repomd') throw new Error(`repomd.xml: the root element is <${root.name}>`);
  const revision = optionalElement(root, 'revision');
  const records = elements(root, 'data').map((data): RepomdRecord => {
    const checksum = element(data, 'checksum');
    const text = (name: string): string | undefined => {
      const node = optionalElement(data, name);
      return node ? textOf(node) : undefined;
    };
    const number = (name: string): number | undefined => {
      const value = text(name);
      return value === undefined ? undefined : Number(value);
    };
    const record: { -readonly [K in keyof RepomdRecord]: RepomdRecord[K] } = {
      type: attribute(data, 'type'),
      location: attribute(element(data, 'location'), 'href'),
      checksumType: attribute(checksum, 'type'),
      checksum: textOf(checksum),
    };
    const openChecksum = text('open-checksum');
    if (openChecksum !== undefined) record.openChecksum = openChecksum;
    const timestamp = number('timestamp');
    if (timestamp !== undefined) record.timestamp = timestamp;
    const size = number('size');
    if (size !== undefined) record.size = size;
    const openSize = number('open-size');
    if (openSize !== undefined) record.openSize = openSize;
    return record;
  });
  return { revision: revision ? textOf(revision) : '', records };
}
