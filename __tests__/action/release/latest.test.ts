import { describe, it, expect } from 'vitest';
import semver from 'semver';
import { decideLatest, stableVersionsIn, type LatestMode } from '../../../src/action/release/latest.js';
import type { Release } from '../../../src/action/release/release.js';
import { userErrorOf } from '../../fixtures/errors.js';

describe('stableVersionsIn', () => {
  it.each<[label: string, tags: string[], suffixes: string[], expected: string[]]>([
    ['no tags', [], [''], []],
    ['plain versions', ['0.25.0', '0.26.0'], [''], ['0.25.0', '0.26.0']],
    ['v-prefixed tags', ['v0.24.0', '0.25.0'], [''], ['0.24.0', '0.25.0']],
    ['prereleases ignored', ['0.26.0', '0.27.0-rc1', '0.27.0-alpha.1'], [''], ['0.26.0']],
    [
      'floating and arch tags ignored',
      ['latest', 'master', 'master-slim', 'x86_64-0.26.0', 'aarch64-0.26.0', '0.26', '0.26.0'],
      [''],
      ['0.26.0'],
    ],
    ['build metadata ignored', ['0.26.0+abc', '0.25.0'], [''], ['0.25.0']],
    ['suffixed tags do not count for the bare line', ['0.27.0-slim', '0.26.0'], [''], ['0.26.0']],
    [
      'suffix-only repository (-slim line)',
      ['0.27.0-slim', 'latest-slim', 'master-slim'],
      ['-slim'],
      ['0.27.0'],
    ],
    ['suffix-only repository, bare line', ['0.27.0-slim', 'latest-slim'], [''], []],
    ['suffixed prerelease ignored', ['0.27.0-rc1-slim', '0.26.0-slim'], ['-slim'], ['0.26.0']],
    ['v-prefixed with suffix', ['v0.26.0-slim'], ['-slim'], ['0.26.0']],
    [
      'bare and suffixed lines in one repository',
      ['0.25.0', '0.26.0-slim', 'latest'],
      ['', '-slim'],
      ['0.25.0', '0.26.0'],
    ],
    ['duplicates collapse', ['0.26.0', 'v0.26.0', '0.26.0-slim'], ['', '-slim'], ['0.26.0']],
    ['semver, not strings', ['0.9.0', '0.10.0', '0.9.1'], [''], ['0.9.0', '0.9.1', '0.10.0']],
  ])('%s', (_label, tags, suffixes, expected) => {
    const found = stableVersionsIn(tags, suffixes);
    expect([...found].sort(semver.compare)).toEqual(expected);
  });
});

const stable = (version: string): Release => ({ version, channel: 'stable' });

describe('decideLatest', () => {
  it.each<[label: string, release: Release, published: string[], latest: boolean, reason: string]>([
    ['first release', stable('0.26.0'), [], true, '0.26.0 is the first stable version published'],
    ['highest', stable('0.26.0'), ['0.24.0', '0.25.0'], true, 'highest published before: 0.25.0'],
    [
      'backport 0.25.1 after 0.26.0',
      stable('0.25.1'),
      ['0.25.0', '0.26.0'],
      false,
      'older than the published 0.26.0',
    ],
    [
      'backport names the highest newer',
      stable('0.24.3'),
      ['0.25.0', '0.26.0', '0.25.1'],
      false,
      'published 0.26.0',
    ],
    [
      '0.10.0 after 0.9.0 (semver)',
      stable('0.10.0'),
      ['0.9.0', '0.8.1'],
      true,
      'highest published before: 0.9.0',
    ],
    ['0.9.2 after 0.10.0 stays (semver)', stable('0.9.2'), ['0.9.1', '0.10.0'], false, 'published 0.10.0'],
    ['1.0.0 after 0.99.0', stable('1.0.0'), ['0.99.0'], true, 'highest stable version'],
    [
      'equal version (re-run) moves',
      stable('0.26.0'),
      ['0.25.0', '0.26.0'],
      true,
      'highest published before: 0.26.0',
    ],
    [
      'prerelease auto',
      { version: '0.27.0-rc1', channel: 'prerelease' },
      ['0.26.0'],
      false,
      '0.27.0-rc1 is a prerelease build: latest stays',
    ],
    ['dev auto', { version: 'master', channel: 'dev' }, [], false, 'master is a dev build: latest stays'],
  ])('auto: %s', (_label, release, published, latest, reason) => {
    const decision = decideLatest('auto', release, published);
    expect(decision.latest).toBe(latest);
    expect(decision.reason).toContain(reason);
  });

  it.each<[label: string, mode: LatestMode, release: Release, published: string[], latest: boolean]>([
    ['true on stable, even a backport', 'true', stable('0.25.1'), ['0.26.0'], true],
    ['false on the highest stable', 'false', stable('0.27.0'), ['0.26.0'], false],
    ['false on the first stable', 'false', stable('0.26.0'), [], false],
    ['false on a prerelease', 'false', { version: '0.27.0-rc1', channel: 'prerelease' }, [], false],
    ['false on dev', 'false', { version: 'master', channel: 'dev' }, [], false],
  ])('forced: %s', (_label, mode, release, published, latest) => {
    const decision = decideLatest(mode, release, published);
    expect(decision.latest).toBe(latest);
    expect(decision.reason).toContain(`the latest input is ${mode}`);
  });

  it.each<[label: string, release: Release]>([
    ['prerelease', { version: '0.27.0-rc1', channel: 'prerelease' }],
    ['dev', { version: 'master', channel: 'dev' }],
  ])('true on a %s build is a UserError naming latest', (label, release) => {
    const error = userErrorOf(() => decideLatest('true', release, []));
    expect(error.subject).toBe('latest');
    expect(error.message).toMatch(/^latest: /);
    expect(error.message).toContain(`'true' is not allowed for a ${label} build (${release.version})`);
  });

  it('auto over real tag lists: one decision for bare and suffixed repositories together', () => {
    const published = [
      ...stableVersionsIn(['0.9.0', '0.9.1', 'latest', 'master', '0.10.0-rc1'], ['']),
      ...stableVersionsIn(['0.9.1-slim', 'latest-slim'], ['-slim']),
    ];
    expect(decideLatest('auto', stable('0.10.0'), published).latest).toBe(true);
    expect(decideLatest('auto', stable('0.9.0'), published).latest).toBe(false);
  });
});
