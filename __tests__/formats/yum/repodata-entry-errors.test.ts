import { describe, expect, it } from 'vitest';
import type { RpmPackage } from '../../../src/formats/rpm/rpm-package.js';
import { repodataEntry } from '../../../src/formats/yum/repodata-entry.js';
import { userErrorOf } from '../../fixtures/errors.js';

const PKG: RpmPackage = {
  name: 'falco',
  version: '0.27.0',
  release: '1',
  arch: 'x86_64',
  summary: 'Falco',
  description: 'Runtime security',
  license: 'Apache-2.0',
  buildTime: 1_600_000_000,
  installedSize: 10,
  headerStart: 4504,
  headerEnd: 9000,
  provides: [],
  requires: [],
  conflicts: [],
  obsoletes: [],
  files: [{ path: '/usr/bin/falco', type: 'file' }],
  changelogs: [],
};

const file = (pkg: RpmPackage) => ({
  pkg,
  location: 'stable/falco-0.27.0-x86_64.rpm',
  sha256: 'ab'.repeat(32),
  size: 9000,
  time: pkg.buildTime,
});

const REMEDY =
  'remove the control character from the spec file (Summary, %description, %changelog, file names) and build the package again';

describe('repodataEntry', () => {
  it('renders a package assembled here, so the failures below are the character alone', () => {
    expect(repodataEntry(file(PKG)).primary).toContain('<summary>Falco</summary>');
  });

  it.each([
    ['summary', { summary: 'Falco\u0007' }, 'U+0007', 'Falco\\u0007'],
    [
      'a changelog',
      { changelogs: [{ author: 'me', date: 1, text: '- fix\u001b[0m' }] },
      'U+001B',
      '- fix\\u001b[0m',
    ],
    [
      'a file name',
      { files: [{ path: '/usr/bin/fal\u0001co', type: 'file' as const }] },
      'U+0001',
      '/usr/bin/fal\\u0001co',
    ],
  ])('refuses a control character in %s, naming the file', (_what, change, character, shown) => {
    const error = userErrorOf(() => repodataEntry(file({ ...PKG, ...change })));
    expect(error.subject).toBe('packages: falco-0.27.0-x86_64.rpm');
    expect(error.problem).toBe(
      `has ${character} in its headers (in "${shown}"), which repodata XML cannot hold`,
    );
    expect(error.remedy).toBe(REMEDY);
    expect(error.message).toBe(`${error.subject}: ${error.problem} — ${REMEDY}`);
    // The character itself never reaches the log line.
    expect([...error.message].every((c) => c.charCodeAt(0) >= 0x20)).toBe(true);
  });
});
