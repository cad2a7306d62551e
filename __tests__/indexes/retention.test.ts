import { describe, expect, it } from 'vitest';
import { keepFor, parseRetention } from '../../src/indexes/retention.js';
import { repositoryOf } from '../../src/indexes/repository-path.js';
import { userErrorOf } from '../fixtures/errors.js';

describe('dev-retention', () => {
  it.each([
    ['', { deb: 50, rpm: 50, bin: 10 }],
    ['deb=50,rpm=50,bin=10', { deb: 50, rpm: 50, bin: 10 }],
    ['deb=3', { deb: 3, rpm: 50, bin: 10 }],
    ['rpm=7 bin=2', { deb: 50, rpm: 7, bin: 2 }],
  ])('%j', (value, expected) => {
    expect(parseRetention(value)).toEqual(expected);
  });

  it.each([
    ['deb=0', "'deb=0' keeps no version"],
    ['src=3', "'src=3' is not <deb|rpm|bin>=<count>"],
    ['deb=-1', "'deb=-1' is not <deb|rpm|bin>=<count>"],
    ['deb:3', "'deb:3' is not <deb|rpm|bin>=<count>"],
  ])('refuses %j', (value, problem) => {
    const error = userErrorOf(() => parseRetention(value));
    expect(error.subject).toBe('dev-retention');
    expect(error.problem).toBe(problem);
  });

  it('prunes the dev trees only', () => {
    const retention = parseRetention('deb=2,rpm=3,bin=4');
    expect(
      ['deb', 'deb-dev', 'rpm', 'rpm-dev', 'bin', 'bin-dev'].map((root) => keepFor(root, retention)),
    ).toEqual([undefined, 2, undefined, 3, undefined, 4]);
  });
});

describe('repositoryOf', () => {
  it.each([
    [
      'deb/stable/falco-0.26.0-x86_64.deb',
      { root: 'deb', format: 'apt', relative: 'stable/falco-0.26.0-x86_64.deb' },
    ],
    [
      'rpm-dev/falco-0.27.0-1+a-x86_64.rpm',
      { root: 'rpm-dev', format: 'yum', relative: 'falco-0.27.0-1+a-x86_64.rpm' },
    ],
    [
      'bin/x86_64/falco-0.26.0-x86_64.tar.gz',
      { root: 'bin', format: 'bin', relative: 'x86_64/falco-0.26.0-x86_64.tar.gz' },
    ],
  ])('%s', (path, expected) => {
    expect(repositoryOf(path)).toEqual(expected);
  });

  it('refuses a path outside the layout', () => {
    expect(() => repositoryOf('src/falco.deb')).toThrow('in no repository');
  });
});
