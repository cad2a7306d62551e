import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTool, toolText } from '../fixtures/tools.js';
import { arMemberBytes } from './deb-builder.js';

/**
 * .deb files built by the real dpkg-deb (on the spot, or once and committed under
 * __tests__/fixtures/deb/), and ar archives re-packed around their members.
 */

export type Compression = 'gzip' | 'xz' | 'zstd' | 'none';

/** The file-name suffix dpkg-deb gives control.tar and data.tar for each -Z type. */
export const SUFFIX: Readonly<Record<Compression, string>> = {
  gzip: '.gz',
  xz: '.xz',
  zstd: '.zst',
  none: '',
};

/**
 * A control file with what makes parsing hard: UTF-8, a field whose first line is empty, a tab
 * continuation, trailing blanks (dpkg drops them at the end of a value only), an extra-indented
 * line and ` .` in the description.
 */
export const RICH_CONTROL = [
  'Package: falco-test',
  'Version: 0.27.0-12+abc1234',
  'Architecture: amd64',
  'Maintainer: Jörg Falcó <cncf-falco-dev@lists.cncf.io>',
  'Installed-Size: 1',
  'Depends: libc6 (>= 2.17), dkms',
  'Section: utils',
  'Priority: optional',
  'Homepage: https://falco.org',
  'XB-Multi:',
  ' line one  ',
  '\tline two',
  'X-Trailing:    value with trailing blanks   ',
  'Description: runtime security ',
  ' Falco is a runtime security tool.',
  ' .',
  '   indented  ',
  '',
].join('\n');

/** Builds a package from `control` with `dpkg-deb -Z<compression>`; `nocheck` lets a bad control through. */
export async function buildDeb(
  dir: string,
  compression: Compression,
  control: string = RICH_CONTROL,
  options: { readonly nocheck?: boolean; readonly name?: string } = {},
): Promise<string> {
  const name = options.name ?? `falco-test-${compression}`;
  const root = join(dir, `${name}-root`);
  await mkdir(join(root, 'DEBIAN'), { recursive: true });
  await mkdir(join(root, 'usr', 'bin'), { recursive: true });
  await writeFile(join(root, 'DEBIAN', 'control'), control);
  await writeFile(join(root, 'usr', 'bin', 'falco-test'), '#!/bin/sh\necho falco\n');
  await chmod(join(root, 'usr', 'bin', 'falco-test'), 0o755);
  const file = join(dir, `${name}.deb`);
  await runTool('dpkg-deb', [
    `-Z${compression}`,
    '--root-owner-group',
    ...(options.nocheck ? ['--nocheck'] : []),
    '--build',
    root,
    file,
  ]);
  return file;
}

/**
 * The packages dpkg-deb built once from RICH_CONTROL with `-Z<compression>` (SOURCE_DATE_EPOCH=1700000000),
 * and one from a control file without Version built with `--nocheck` (name `no-version`): the unit tests'
 * packages. read-deb.tools.test.ts checks dpkg-deb reads them as the unit tests expect.
 */
export function committedDeb(compression: Compression | 'no-version'): string {
  const name = compression === 'no-version' ? 'no-version.deb' : `falco-test-${compression}.deb`;
  return fileURLToPath(new URL(`../../fixtures/deb/${name}`, import.meta.url));
}

/** RICH_CONTROL's fields as `dpkg-deb --field` prints each of them, in the file's order. */
export const RICH_CONTROL_AS_DPKG_READS: readonly (readonly [string, string])[] = [
  ['Package', 'falco-test'],
  ['Version', '0.27.0-12+abc1234'],
  ['Architecture', 'amd64'],
  ['Maintainer', 'Jörg Falcó <cncf-falco-dev@lists.cncf.io>'],
  ['Installed-Size', '1'],
  ['Depends', 'libc6 (>= 2.17), dkms'],
  ['Section', 'utils'],
  ['Priority', 'optional'],
  ['Homepage', 'https://falco.org'],
  ['XB-Multi', '\n line one  \n\tline two'],
  ['X-Trailing', 'value with trailing blanks'],
  ['Description', 'runtime security \n Falco is a runtime security tool.\n .\n   indented'],
];

/** Member names as binutils' ar lists them. */
export async function arNames(file: string): Promise<string[]> {
  return (await toolText('ar', ['t', file])).split('\n').filter(Boolean);
}

/** One member's bytes, as binutils' ar prints them. */
export function arMember(file: string, name: string): Promise<Buffer> {
  return runTool('ar', ['p', file, name]);
}

export interface Member {
  readonly name: string;
  readonly data: Buffer;
}

/**
 * Writes an ar archive by hand, in one of the name styles `ar` implementations use: `dpkg` (plain,
 * space padded), `bsd` (`#1/<length>`, the name first in the data) or `gnu-long` (every name in a
 * `//` table, members named `/<offset>`).
 */
export async function writeAr(
  file: string,
  members: readonly Member[],
  style: 'dpkg' | 'bsd' | 'gnu-long',
): Promise<void> {
  const parts: Buffer[] = [Buffer.from('!<arch>\n')];
  const add = (name: string, data: Buffer): void => void parts.push(...arMemberBytes(name, data));
  if (style === 'gnu-long') {
    let table = '';
    const offsets = members.map((member) => {
      const offset = table.length;
      table += `${member.name}/\n`;
      return offset;
    });
    add('//', Buffer.from(table));
    members.forEach((member, i) => add(`/${offsets[i]}`, member.data));
  } else {
    for (const member of members) {
      if (style === 'bsd')
        add(`#1/${member.name.length}`, Buffer.concat([Buffer.from(member.name), member.data]));
      else add(member.name, member.data);
    }
  }
  await writeFile(file, Buffer.concat(parts));
}

/**
 * The members of a dpkg-built .deb, in order: an ar archive as dpkg writes it (`!<arch>\n`, then per
 * member a 60-byte header with the name space padded and the size in decimal, the data padded to even).
 */
export async function membersOf(file: string): Promise<Member[]> {
  const bytes = await readFile(file);
  if (bytes.toString('latin1', 0, 8) !== '!<arch>\n') throw new Error(`${file} is not an ar archive`);
  const members: Member[] = [];
  for (let at = 8; at < bytes.length;) {
    const name = bytes.toString('latin1', at, at + 16).trimEnd();
    const size = Number(bytes.toString('latin1', at + 48, at + 58).trim());
    if (bytes.toString('latin1', at + 58, at + 60) !== '`\n' || !Number.isSafeInteger(size))
      throw new Error(`${file}: bad ar member header at ${at}`);
    members.push({ name, data: bytes.subarray(at + 60, at + 60 + size) });
    at += 60 + size + (size % 2);
  }
  return members;
}

/** dpkg-deb's value of one field (`--field` prints it with a final newline). */
export async function dpkgField(file: string, field: string): Promise<string> {
  return (await toolText('dpkg-deb', ['--field', file, field])).replace(/\n$/, '');
}

/** The field names of the control file, in order, as `dpkg-deb --info` shows the file. */
export async function dpkgFieldNames(file: string): Promise<string[]> {
  const control = await toolText('dpkg-deb', ['--info', file, 'control']);
  return control.split('\n').flatMap((line) => /^([^\s:#][^:]*):/.exec(line)?.[1] ?? []);
}
