import { createHash } from 'node:crypto';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { falcoControl } from '../indexes/falco-packages.js';
import { ar, madeFalcoRpm, tarGz } from '../indexes/made-packages.js';

/**
 * Damaged and lying packages and host repositories for the bad-input catalogue, made byte by byte:
 * the real tools refuse to build most of them, which is the point.
 */

/** A .deb whose control file is Falco's 1.0.0 amd64 one with `fields` replaced (e.g. Architecture). */
export async function debSaying(file: string, fields: Readonly<Record<string, string>>): Promise<void> {
  let control = falcoControl('1.0.0', 'x86_64');
  for (const [name, value] of Object.entries(fields)) {
    control = control.replace(new RegExp(`^${name}: .*$`, 'm'), `${name}: ${value}`);
  }
  await writeFile(
    file,
    ar([
      ['debian-binary', Buffer.from('2.0\n')],
      ['control.tar.gz', tarGz({ control: { data: control, mode: 0o644 } })],
      ['data.tar.gz', tarGz({ 'usr/bin/falco': { data: '#!/bin/sh\n', mode: 0o755 } })],
    ]),
  );
}

/**
 * Falco's 1.0.0 x86_64 .rpm with its header's arch string replaced by `arch` (at most 6 bytes, the length
 * of `x86_64`, so that no offset moves; the header's digest is not what readers check).
 */
export async function rpmWithArch(dir: string, file: string, arch: string): Promise<void> {
  const bytes = await readFile(madeFalcoRpm(`${dir}.made`, '1.0.0', 'x86_64'));
  const at = bytes.indexOf(Buffer.from('x86_64\0', 'latin1'));
  if (at < 0 || arch.length > 6) throw new Error('no arch string to replace');
  Buffer.from(`${arch}\0`.padEnd(7, '\0'), 'latin1').copy(bytes, at);
  await writeFile(join(dir, file), bytes);
}

/** An .rpm whose main header says its data store is `dataSize` bytes (the file itself stays small). */
export async function rpmClaiming(dir: string, file: string, dataSize: number): Promise<void> {
  const bytes = await readFile(madeFalcoRpm(`${dir}.made`, '1.0.0', 'x86_64'));
  const magic = Buffer.from([0x8e, 0xad, 0xe8, 0x01]);
  const main = bytes.indexOf(magic, bytes.indexOf(magic) + 1);
  bytes.writeUInt32BE(dataSize, main + 12);
  await writeFile(join(dir, file), bytes);
}

/** Cuts a file to `fraction` of its size, as an interrupted download leaves it. */
export async function cut(file: string, fraction: number): Promise<void> {
  const { length } = await readFile(file);
  await truncate(file, Math.floor(length * fraction));
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** An APT repository (`deb/dists/stable/`) whose Release lists these amd64 indexes, hashes and all. */
export function aptRepository(indexes: {
  Packages?: Uint8Array;
  'Packages.gz'?: Uint8Array;
}): Record<string, Uint8Array | string> {
  const listed = Object.entries(indexes).map(
    ([name, bytes]) => ` ${sha256(bytes)} ${bytes.length} main/binary-amd64/${name}`,
  );
  const release = ['Suite: stable', 'Architectures: amd64', 'Components: main', 'SHA256:', ...listed, ''];
  return {
    'deb/dists/stable/Release': release.join('\n'),
    ...Object.fromEntries(
      Object.entries(indexes).map(([name, bytes]) => [`deb/dists/stable/main/binary-amd64/${name}`, bytes]),
    ),
  };
}

/** A YUM repository (`rpm/repodata/`) whose repomd.xml points at these three documents. */
export function yumRepository(documents: {
  primary: Uint8Array;
  filelists: Uint8Array;
  other: Uint8Array;
}): Record<string, Uint8Array | string> {
  const files: Record<string, Uint8Array | string> = {};
  const data = Object.entries(documents).map(([type, bytes]) => {
    const location = `repodata/${sha256(bytes)}-${type}.xml.gz`;
    files[`rpm/${location}`] = bytes;
    return `<data type="${type}"><checksum type="sha256">${sha256(bytes)}</checksum><location href="${location}"/></data>`;
  });
  files['rpm/repodata/repomd.xml'] = `<?xml version="1.0"?>\n<repomd>${data.join('')}</repomd>\n`;
  return files;
}

/** Empty but valid repodata documents, gzip'd. */
export function emptyRepodata(kind: 'primary' | 'filelists' | 'other'): Uint8Array {
  const roots = { primary: 'metadata', filelists: 'filelists', other: 'otherdata' };
  return gzipSync(`<?xml version="1.0"?>\n<${roots[kind]} packages="0"></${roots[kind]}>\n`);
}

/** `size` bytes of `fill`, gzip'd as they stream: a small file that opens up to `size` bytes. */
export async function gzipBomb(size: number, fill = ' '): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => parts.push(chunk));
  const chunk = Buffer.alloc(1024 * 1024, fill);
  for (let written = 0; written < size; written += chunk.length) {
    if (!gzip.write(chunk)) await new Promise((resume) => gzip.once('drain', resume));
  }
  await new Promise((done) => {
    gzip.once('end', done);
    gzip.end();
  });
  return Buffer.concat(parts);
}
