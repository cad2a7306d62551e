import { describe, expect, it } from 'vitest';
import { keepFor, parseRetention } from '../../src/indexes/retention.js';
import { repositoryPlace } from '../../src/package-layout/host-layout.js';
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
      (['deb', 'rpm', 'tar.gz'] as const).flatMap((kind) =>
        (['stable', 'dev'] as const).map((tree) => keepFor(repositoryPlace(kind, tree), retention)),
      ),
    ).toEqual([undefined, 2, undefined, 3, undefined, 4]);
  });
});
