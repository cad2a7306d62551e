import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headerBytes, type HeaderValue } from '../formats/rpm/header-fixture.js';
import { Tag } from '../../src/formats/rpm/rpm-tags.js';
import { buildOf, falcoControl, type FalcoArch } from './falco-packages.js';

/**
 * Falco-named packages (`falco-<version>-<arch>.<kind>`) written here, byte by byte, without dpkg-deb or
 * rpmbuild: the same contents as falco-packages.ts has those tools build (one executable, the same
 * control fields and spec tags), laid out as the tools lay them out. For the unit tests; the tools suite
 * runs the same tests on packages the real tools build.
 */

/** A fixed time for every file in the archives, so a package is the same bytes whenever it is made. */
const MTIME = 1_600_000_000;

/** One ustar header and its data, padded to 512-byte blocks. */
function tarEntry(name: string, data: Buffer, mode: number, type: '0' | '5'): Buffer {
  const header = Buffer.alloc(512);
  const field = (value: string, offset: number, length: number): void => {
    header.write(value, offset, length, 'latin1');
  };
  const octal = (value: number, offset: number, length: number): void =>
    field(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length);
  field(name, 0, 100);
  octal(mode, 100, 8);
  octal(0, 108, 8);
  octal(0, 116, 8);
  octal(data.length, 124, 12);
  octal(MTIME, 136, 12);
  field('        ', 148, 8);
  field(type, 156, 1);
  field('ustar\u000000', 257, 8);
  field('root', 265, 32);
  field('root', 297, 32);
  let sum = 0;
  for (const byte of header) sum += byte;
  field(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return Buffer.concat([header, data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

/** A gzip'd tar as dpkg-deb writes control.tar and data.tar: `./`, the directories, then the files. */
export function tarGz(files: Readonly<Record<string, { data: string; mode: number }>>): Buffer {
  const dirs = new Set<string>(['./']);
  for (const path of Object.keys(files)) {
    const parts = path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) dirs.add(`./${parts.slice(0, i).join('/')}/`);
  }
  const entries = [
    ...[...dirs].sort().map((dir) => tarEntry(dir, Buffer.alloc(0), 0o755, '5')),
    ...Object.entries(files).map(([path, file]) =>
      tarEntry(`./${path}`, Buffer.from(file.data), file.mode, '0'),
    ),
  ];
  return gzipSync(Buffer.concat([...entries, Buffer.alloc(1024)]), { level: 9 });
}

/** An ar archive as dpkg-deb writes one: space-padded names, members padded to an even size. */
export function ar(members: readonly (readonly [string, Buffer])[]): Buffer {
  const parts: Buffer[] = [Buffer.from('!<arch>\n')];
  for (const [name, data] of members) {
    const header = `${name.padEnd(16)}${String(MTIME).padEnd(12)}${'0'.padEnd(6)}${'0'.padEnd(6)}${'100644'.padEnd(8)}${String(data.length).padEnd(10)}\`\n`;
    parts.push(Buffer.from(header, 'latin1'), data);
    if (data.length % 2 === 1) parts.push(Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

/** A .deb with falco-packages.ts's falcoDeb control file and executable. */
export function madeFalcoDeb(dir: string, version: string, arch: FalcoArch, marker = ''): string {
  const control = falcoControl(version, arch, marker);
  const target = join(dir, `falco-${version}-${arch}.deb`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    target,
    ar([
      ['debian-binary', Buffer.from('2.0\n')],
      ['control.tar.gz', tarGz({ control: { data: control, mode: 0o644 } })],
      [
        'data.tar.gz',
        tarGz({ 'usr/bin/falco': { data: `#!/bin/sh\necho falco ${version} ${marker}\n`, mode: 0o755 } }),
      ],
    ]),
  );
  return target;
}

/** A newc cpio archive (rpm's payload format) of regular files, with its trailer. */
function cpio(files: readonly { path: string; data: Buffer; mode: number }[]): Buffer {
  const parts: Buffer[] = [];
  const pad = (length: number): Buffer => Buffer.alloc((4 - (length % 4)) % 4);
  const add = (name: string, data: Buffer, mode: number, ino: number): void => {
    const fields = [ino, mode, 0, 0, 1, MTIME, data.length, 0, 0, 0, 0, name.length + 1, 0];
    const header = `070701${fields.map((n) => n.toString(16).padStart(8, '0')).join('')}`;
    const head = Buffer.from(`${header}${name}\0`, 'latin1');
    parts.push(head, pad(head.length), data, pad(data.length));
  };
  files.forEach((file, i) => add(`.${file.path}`, file.data, file.mode, i + 1));
  add('TRAILER!!!', Buffer.alloc(0), 0, 0);
  return Buffer.concat(parts);
}

const SIGNATURE_TAG = { size: 1000, md5: 1004, payloadSize: 1007, sha256: 273 } as const;
const RPM_TAG = {
  os: 1021,
  payloadFormat: 1124,
  payloadCompressor: 1125,
  payloadFlags: 1126,
  fileSizes: 1028,
  fileDigests: 1035,
  fileUserName: 1039,
  fileGroupName: 1040,
} as const;
const RPM_ARCH_NUMBER: Record<FalcoArch, number> = { x86_64: 1, aarch64: 19 };

/**
 * An .rpm as rpmbuild lays one out (96-byte lead, signature header padded to 8 bytes, main header,
 * gzip'd cpio payload) with falco-packages.ts's falcoRpm spec: a dev version `0.27.0-12+abc1234` becomes
 * Version 0.27.0, Release 12+abc1234.
 */
export function madeFalcoRpm(dir: string, version: string, arch: FalcoArch, marker = ''): string {
  const [rpmVersion = version, release = '1'] = version.split(/-(.*)/s);
  const executable = Buffer.from(`#!/bin/sh\necho falco ${version}\n`);
  const payload = gzipSync(cpio([{ path: '/usr/bin/falco', data: executable, mode: 0o100755 }]));
  const s = (value: string): HeaderValue => ({ type: 'string', value });
  const i18n = (value: string): HeaderValue => ({ type: 'i18nString', values: [value] });
  const strings = (...values: string[]): HeaderValue => ({ type: 'stringArray', values });
  const int32 = (...values: number[]): HeaderValue => ({ type: 'int32', values });
  const evr = `${rpmVersion}-${release}`;
  const main = headerBytes(
    new Map<number, HeaderValue>([
      [Tag.name, s('falco')],
      [Tag.version, s(rpmVersion)],
      [Tag.release, s(release)],
      [Tag.summary, i18n('Falco runtime security')],
      [Tag.description, i18n(`Cloud native runtime security.${marker}`)],
      [Tag.buildTime, int32(MTIME)],
      [Tag.buildHost, s('localhost')],
      [Tag.size, int32(executable.length)],
      [Tag.license, s('Apache-2.0')],
      [Tag.group, i18n('Unspecified')],
      [Tag.url, s('https://falco.org')],
      [RPM_TAG.os, s('linux')],
      [Tag.arch, s(arch)],
      [RPM_TAG.fileSizes, int32(executable.length)],
      [Tag.fileModes, { type: 'int16', values: [0o100755] }],
      [RPM_TAG.fileDigests, strings(createHash('sha256').update(executable).digest('hex'))],
      [Tag.fileFlags, int32(0)],
      [RPM_TAG.fileUserName, strings('root')],
      [RPM_TAG.fileGroupName, strings('root')],
      [Tag.sourceRpm, s(`falco-${evr}.src.rpm`)],
      [Tag.provideName, strings('falco', `falco(${arch === 'x86_64' ? 'x86-64' : 'aarch-64'})`)],
      [Tag.requireFlags, int32(0x4000, 0x1000000 | 0x4000 | 0x8)],
      [Tag.requireName, strings('/bin/sh', 'rpmlib(CompressedFileNames)')],
      [Tag.requireVersion, strings('', '3.0.4-1')],
      [Tag.provideFlags, int32(0x8, 0x8)],
      [Tag.provideVersion, strings(evr, evr)],
      [Tag.dirIndexes, int32(0)],
      [Tag.baseNames, strings('falco')],
      [Tag.dirNames, strings('/usr/bin/')],
      [RPM_TAG.payloadFormat, s('cpio')],
      [RPM_TAG.payloadCompressor, s('gzip')],
      [RPM_TAG.payloadFlags, s('9')],
    ]),
  );
  const signature = headerBytes(
    new Map<number, HeaderValue>([
      [SIGNATURE_TAG.sha256, s(createHash('sha256').update(main).digest('hex'))],
      [SIGNATURE_TAG.size, int32(main.length + payload.length)],
      [
        SIGNATURE_TAG.payloadSize,
        int32(cpio([{ path: '/usr/bin/falco', data: executable, mode: 0o100755 }]).length),
      ],
    ]),
  );
  const lead = Buffer.alloc(96);
  Buffer.from([0xed, 0xab, 0xee, 0xdb, 3, 0]).copy(lead, 0);
  lead.writeUInt16BE(0, 6); // a binary package
  lead.writeUInt16BE(RPM_ARCH_NUMBER[arch], 8);
  lead.write(`falco-${evr}`, 10, 65, 'latin1');
  lead.writeUInt16BE(1, 76); // Linux
  lead.writeUInt16BE(5, 78); // a signature header follows
  const padding = Buffer.alloc((8 - (signature.length % 8)) % 8);
  const target = join(dir, `falco-${version}-${arch}.rpm`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(target, Buffer.concat([lead, signature, padding, main, payload]));
  return target;
}

/** A build of packages written in TypeScript, as falcoBuild's: deb and rpm for both architectures, the x86_64 tarball. */
export const madeFalcoBuild = buildOf(madeFalcoDeb, madeFalcoRpm);
