import { describe, expect, it } from 'vitest';
import { decideSeries, newerInSeries, seriesName } from '../../../src/action/release/floating.js';
import type { Release } from '../../../src/action/release/release.js';

const stable = (version: string): Release => ({ version, channel: 'stable' });

describe('seriesName', () => {
  it.each([
    ['0.39.2', 'major', '0'],
    ['0.39.2', 'minor', '0.39'],
    ['1.0.0', 'major', '1'],
    ['10.11.12', 'minor', '10.11'],
  ] as const)('%s %s → %s', (version, scope, name) => {
    expect(seriesName(version, scope)).toBe(name);
  });
});

describe('newerInSeries', () => {
  const published = ['0.39.1', '0.39.3', '0.40.0', '0.9.9', '1.0.0'];
  it.each([
    ['0.39.2', 'minor', '0.39.3'],
    ['0.39.2', 'major', '0.40.0'],
    ['0.39.3', 'minor', undefined],
    ['0.40.0', 'major', undefined],
    ['0.10.0', 'minor', undefined],
    ['0.9.8', 'minor', '0.9.9'],
    ['1.0.0', 'major', undefined],
  ] as const)('%s %s → %s', (version, scope, newer) => {
    expect(newerInSeries(version, scope, published)).toBe(newer);
  });
});

describe('decideSeries', () => {
  /** The registry after each release of the example: 0.40.0, then 0.39.2, then 0.40.1. */
  it.each<[label: string, version: string, published: string[], major: boolean, minor: boolean]>([
    ['the first release of a repository', '0.40.0', [], true, true],
    ['a new minor above everything', '0.40.0', ['0.38.0', '0.39.1'], true, true],
    ['a backport after a newer minor: 0.39 moves, 0 stays', '0.39.2', ['0.39.1', '0.40.0'], false, true],
    ['a patch of the newest minor', '0.40.1', ['0.39.1', '0.39.2', '0.40.0'], true, true],
    ['an older patch of its minor: nothing moves', '0.39.2', ['0.39.3', '0.40.0'], false, false],
    ['a re-run of the same release', '0.40.1', ['0.40.0', '0.40.1'], true, true],
    ['semver, not string order: 0.10.0 leads 0 over 0.9.9', '0.10.0', ['0.9.9'], true, true],
    [
      'semver, not string order: 0.9.10 does not lead 0 under 0.10.0',
      '0.9.10',
      ['0.10.0', '0.9.9'],
      false,
      true,
    ],
    ['a new major leaves the old series alone', '1.0.0', ['0.40.1'], true, true],
    ['a backport on the old major leads it', '0.40.2', ['0.40.1', '1.0.0'], true, true],
  ])('%s', (_label, version, published, major, minor) => {
    const decision = decideSeries(stable(version), published);
    expect({ major: decision.major.moves, minor: decision.minor.moves }).toEqual({ major, minor });
  });

  it('says why a series tag stays, naming the newer release', () => {
    const decision = decideSeries(stable('0.39.2'), ['0.40.0']);
    expect(decision.major.reason).toBe('0.39.2 is older than the published 0.40.0: 0 stays');
    expect(decision.minor.reason).toBe('0.39.2 is the highest 0.39 release: 0.39 moves');
  });

  it.each<Release>([
    { version: '0.41.0-rc1', channel: 'prerelease' },
    { version: 'master', channel: 'dev' },
  ])('moves no series tag for a $channel build', (release) => {
    const decision = decideSeries(release, []);
    expect(decision.major.moves).toBe(false);
    expect(decision.minor.moves).toBe(false);
    expect(decision.minor.reason).toContain(`is a ${release.channel} build`);
  });
});
