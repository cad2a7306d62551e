import { describe, expect, it } from 'vitest';
import {
  describeLimit,
  formatBytes,
  limitFor,
  parseRetention,
  type Retention,
} from '../../src/indexes/retention.js';
import { repositoryPlace } from '../../src/package-layout/host-layout.js';
import { userErrorOf } from '../fixtures/errors.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const TiB = 1024 * GiB;

describe('dev-retention', () => {
  it.each<[string, Retention]>([
    // Falco's practice: deb-dev and rpm-dev capped at 10 GiB, bin-dev never pruned.
    ['', { deb: { bytes: 10 * GiB }, rpm: { bytes: 10 * GiB } }],
    ['  ', { deb: { bytes: 10 * GiB }, rpm: { bytes: 10 * GiB } }],
    ['none', {}],
    [' NONE ', {}],
    ['deb=50,rpm=50,bin=10', { deb: { versions: 50 }, rpm: { versions: 50 }, bin: { versions: 10 } }],
    // A kind not named is not pruned.
    ['deb=3', { deb: { versions: 3 } }],
    ['rpm=7 bin=2', { rpm: { versions: 7 }, bin: { versions: 2 } }],
    ['deb=10GiB,rpm=512MiB', { deb: { bytes: 10 * GiB }, rpm: { bytes: 512 * MiB } }],
    ['bin=3KiB', { bin: { bytes: 3 * KiB } }],
    ['deb=2TiB', { deb: { bytes: 2 * TiB } }],
    ['deb=10gib', { deb: { bytes: 10 * GiB } }],
    ['deb=10GiB, rpm=40', { deb: { bytes: 10 * GiB }, rpm: { versions: 40 } }],
  ])('%j', (value, expected) => {
    expect(parseRetention(value)).toEqual(expected);
  });

  it.each([
    ['deb=0', "'deb=0' keeps no version"],
    ['deb=0GiB', "'deb=0GiB' keeps nothing"],
    ['src=3', "'src=3' is not <deb|rpm|bin>=<limit>"],
    ['deb=-1', "'deb=-1' is not <deb|rpm|bin>=<limit>"],
    ['deb:3', "'deb:3' is not <deb|rpm|bin>=<limit>"],
    ['deb=1.5GiB', "'deb=1.5GiB' is not <deb|rpm|bin>=<limit>"],
    ['deb=10 GiB', "'GiB' is not <deb|rpm|bin>=<limit>"],
    ['deb=10PiB', "'deb=10PiB' is not <deb|rpm|bin>=<limit>"],
    ['deb=', "'deb=' is not <deb|rpm|bin>=<limit>"],
    ['deb=10GB', "'deb=10GB' is in decimal units"],
    ['deb=3,deb=4', 'names deb twice'],
    ['none,deb=3', "'none,deb=3' mixes none with limits"],
    ['deb=8192TiB', "'deb=8192TiB' is too large"],
  ])('refuses %j', (value, problem) => {
    const error = userErrorOf(() => parseRetention(value));
    expect(error.subject).toBe('dev-retention');
    expect(error.problem).toBe(problem);
  });

  it('says which unit a decimal size means in binary units', () => {
    expect(userErrorOf(() => parseRetention('deb=10GB')).remedy).toBe(
      'sizes are binary: write 10GiB (1 GiB = 1073741824 bytes)',
    );
    expect(userErrorOf(() => parseRetention('rpm=500mb')).remedy).toBe(
      'sizes are binary: write 500MiB (1 MiB = 1048576 bytes)',
    );
  });

  it('prunes the dev trees named only', () => {
    const retention = parseRetention('deb=2,bin=4GiB');
    expect(
      (['deb', 'rpm', 'tar.gz'] as const).flatMap((kind) =>
        (['stable', 'dev'] as const).map((tree) => limitFor(repositoryPlace(kind, tree), retention)),
      ),
    ).toEqual([undefined, { versions: 2 }, undefined, undefined, undefined, { bytes: 4 * GiB }]);
  });

  it('describes a limit as the plan shows it', () => {
    expect(describeLimit({ versions: 1 })).toBe('the newest 1 version');
    expect(describeLimit({ versions: 50 })).toBe('the newest 50 versions');
    expect(describeLimit({ bytes: 10 * GiB })).toBe('the newest versions within 10 GiB');
    expect(formatBytes(1536 * MiB)).toBe('1536 MiB');
    expect(formatBytes(2 * TiB)).toBe('2 TiB');
    expect(formatBytes(1000)).toBe('1000 bytes');
  });
});
