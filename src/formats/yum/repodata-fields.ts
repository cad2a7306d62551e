import type { RpmDependency, RpmFile } from '../rpm/rpm-package.js';
import { attribute, optionalElement, textOf, type XmlElement } from './xml-tree.js';

// Readers of the values inside a repodata `<package>`: dependencies, files, texts and numbers.

/** The comparisons an `<rpm:entry>` may name. */
const FLAGS = new Set(['EQ', 'LT', 'LE', 'GT', 'GE']);

export function dependencyOf(entry: XmlElement): RpmDependency {
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

export function fileOf(node: XmlElement): RpmFile {
  const type = node.attributes.get('type') ?? 'file';
  if (type !== 'file' && type !== 'dir' && type !== 'ghost') throw new Error(`<file type="${type}">`);
  return { path: textOf(node), type };
}

export function optionalText(parent: XmlElement, name: string): string {
  const child = optionalElement(parent, name);
  return child ? textOf(child) : '';
}

export function integer(node: XmlElement, name: string): number {
  const value = attribute(node, name);
  if (!/^-?[0-9]+$/.test(value)) throw new Error(`<${node.name} ${name}="${value}"> is not an integer`);
  return Number(value);
}
