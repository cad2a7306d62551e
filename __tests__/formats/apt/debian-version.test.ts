import { describe, expect, it } from 'vitest';
import { compareDebianVersions, parseDebianVersion } from '../../../src/formats/apt/debian-version.js';
import { DEBIAN_VERSION_CASES } from './debian-version-cases.js';

describe('compareDebianVersions', () => {
  it.each(DEBIAN_VERSION_CASES)('%s vs %s → %i', (a, b, order) => {
    expect(compareDebianVersions(a, b)).toBe(order);
    expect(compareDebianVersions(b, a)).toBe(-order || 0);
  });
});

describe('parseDebianVersion', () => {
  it.each([
    ['1.0', { epoch: 0, upstream: '1.0', revision: '' }],
    ['1:1.0', { epoch: 1, upstream: '1.0', revision: '' }],
    ['1.0-1', { epoch: 0, upstream: '1.0', revision: '1' }],
    ['2:0.27.0-12+abc1234', { epoch: 2, upstream: '0.27.0', revision: '12+abc1234' }],
    ['1.2-3-4', { epoch: 0, upstream: '1.2-3', revision: '4' }],
    ['1:2:3', { epoch: 1, upstream: '2:3', revision: '' }],
  ])('%s', (version, expected) => {
    expect(parseDebianVersion(version)).toEqual(expected);
  });

  it.each([
    ['a:1.0', 'the epoch is not a number'],
    ['', 'the upstream version is empty'],
    ['1:', 'the upstream version is empty'],
    ['-1', 'the upstream version is empty'],
  ])('refuses %j', (version, problem) => {
    expect(() => parseDebianVersion(version)).toThrow(problem);
  });
});
