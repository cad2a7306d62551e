/**
 * The real Debian tools the comparison tests measure our indexes against: dpkg-deb builds tiny
 * packages and reads their control fields, apt-ftparchive and dpkg-scanpackages write the reference
 * Packages and Release files.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DebControl } from '../../../src/formats/deb/deb-package.js';
import type { DebFile } from '../../../src/formats/apt/apt-entry.js';
import { fieldValue, parseStanzas } from '../../../src/formats/apt/control-stanza.js';

import { requireTools, run } from '../fixtures/tools.js';

export { requireTools, run };

export interface DebFixture {
  /** The control file as written in DEBIAN/control. */
  readonly control: string;
  /** Files of the package: path under the root → content. */
  readonly files: Readonly<Record<string, string>>;
}

/** Builds a .deb with dpkg-deb at `target`. */
export function dpkgDebBuild(work: string, fixture: DebFixture, target: string): void {
  const root = join(work, `root-${createHash('sha1').update(target).digest('hex').slice(0, 8)}`);
  mkdirSync(join(root, 'DEBIAN'), { recursive: true });
  writeFileSync(join(root, 'DEBIAN', 'control'), fixture.control);
  for (const [path, content] of Object.entries(fixture.files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  mkdirSync(dirname(target), { recursive: true });
  run('dpkg-deb', ['--root-owner-group', '-Zgzip', '--build', root, target]);
}

/** The control fields verbatim and in order, as `dpkg-deb -f` prints them. */
export function debControlOf(deb: string): DebControl {
  const [fields, ...rest] = parseStanzas(run('dpkg-deb', ['-f', deb]));
  if (!fields || rest.length > 0) throw new Error(`dpkg-deb -f ${deb} printed ${rest.length + 1} stanzas`);
  const required = (name: string): string => {
    const value = fieldValue(fields, name);
    if (value === undefined) throw new Error(`${deb} has no ${name}`);
    return value;
  };
  return {
    fields,
    package: required('Package'),
    version: required('Version'),
    architecture: required('Architecture'),
  };
}

/** Size and hashes of a file, under the name the index gives it. */
export function debFileOf(path: string, filename: string): DebFile {
  const bytes = readFileSync(path);
  const hash = (algorithm: string): string => createHash(algorithm).update(bytes).digest('hex');
  return { filename, size: bytes.byteLength, md5: hash('md5'), sha1: hash('sha1'), sha256: hash('sha256') };
}
