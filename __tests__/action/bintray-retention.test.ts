import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bintrayFileOf } from '../../src/action/bintray-placement.js';
import { BintrayRetention } from '../../src/action/bintray-retention.js';
import { BintrayVersions } from '../../src/hosts/bintray/bintray-versions.js';
import type { BintrayFake } from '../support/bintray-fake.js';
import { apiOf, startFalcoBintray } from '../hosts/bintray/bintray-world.js';

let fake: BintrayFake;
beforeEach(async () => {
  fake = await startFalcoBintray();
  for (const n of [1, 2, 3, 4]) {
    fake.seed('deb-dev', 'falco', `0.27.0-${n}+c${n}`, {
      [`stable/falco-0.27.0-${n}+c${n}-x86_64.deb`]: `deb ${n}`,
      [`stable/falco-0.27.0-${n}+c${n}-aarch64.deb`]: `deb arm ${n}`,
    });
    fake.seed('rpm-dev', 'falco', `0.27.0-${n}+c${n}`, {
      [`falco-0.27.0-${n}+c${n}-x86_64.rpm`]: `rpm ${n}`,
    });
  }
  fake.seed('deb', 'falco', '0.26.0', { 'stable/falco-0.26.0-x86_64.deb': 'stable' });
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.stop();
});

const retention = (keep: Record<string, number>) =>
  new BintrayRetention(new BintrayVersions('falcosecurity', apiOf(fake).api), keep, bintrayFileOf);

const pkg = (path: string) => ({ path, localFile: `/tmp/${path}`, contents: undefined });

describe('BintrayRetention', () => {
  it('plans a pruning step per dev repository it keeps a count for, listing every file that would leave', async () => {
    const planned = await retention({ deb: 2 }).prepare([
      pkg('deb-dev/stable/falco-0.27.0-5+c5-x86_64.deb'),
      pkg('rpm-dev/falco-0.27.0-5+c5-x86_64.rpm'),
    ]);
    expect(
      planned.map(({ root, format, retention: r, packages }) => ({
        root,
        format,
        r,
        paths: packages.map((p) => p.path),
      })),
    ).toEqual([
      {
        root: 'deb-dev',
        format: 'bin',
        r: {
          limit: { versions: 2 },
          deletes: [
            'deb-dev/stable/falco-0.27.0-3+c3-aarch64.deb',
            'deb-dev/stable/falco-0.27.0-3+c3-x86_64.deb',
            'deb-dev/stable/falco-0.27.0-2+c2-aarch64.deb',
            'deb-dev/stable/falco-0.27.0-2+c2-x86_64.deb',
            'deb-dev/stable/falco-0.27.0-1+c1-aarch64.deb',
            'deb-dev/stable/falco-0.27.0-1+c1-x86_64.deb',
          ],
        },
        paths: ['deb-dev/stable/falco-0.27.0-5+c5-x86_64.deb'],
      },
    ]);
    // The plan only reads.
    expect(fake.versions('deb-dev', 'falco')).toHaveLength(4);
  });

  it('stable repositories are never pruned', async () => {
    expect(await retention({ deb: 1 }).prepare([pkg('deb/stable/falco-0.26.1-x86_64.deb')])).toEqual([]);
  });

  it('after the publish, deletes the versions past the newest N as Bintray lists them now', async () => {
    const pruning = retention({ rpm: 2 });
    const [planned] = await pruning.prepare([pkg('rpm-dev/falco-0.27.0-5+c5-x86_64.rpm')]);
    if (planned === undefined) throw new Error('no step planned');
    // The run's version is made meanwhile (the packages step), and another publisher adds one.
    fake.seed('rpm-dev', 'falco', '0.27.0-5+c5', { 'falco-0.27.0-5+c5-x86_64.rpm': 'rpm 5' });
    const report = await pruning.update(planned);
    expect(report).toEqual({
      root: 'rpm-dev',
      signatures: 0,
      packageSignatures: [],
      removed: [
        'rpm-dev/falco-0.27.0-3+c3-x86_64.rpm',
        'rpm-dev/falco-0.27.0-2+c2-x86_64.rpm',
        'rpm-dev/falco-0.27.0-1+c1-x86_64.rpm',
      ],
    });
    expect(fake.versions('rpm-dev', 'falco')).toEqual(['0.27.0-5+c5', '0.27.0-4+c4']);
    expect(fake.versions('deb-dev', 'falco')).toHaveLength(4);
    // A second run finds nothing more to delete.
    expect((await pruning.update(planned)).removed).toEqual([]);
  });

  it('a re-run of an old build keeps its own version', async () => {
    const pruning = retention({ deb: 1 });
    const [planned] = await pruning.prepare([pkg('deb-dev/stable/falco-0.27.0-2+c2-x86_64.deb')]);
    expect(planned?.retention?.deletes).toEqual([
      'deb-dev/stable/falco-0.27.0-3+c3-aarch64.deb',
      'deb-dev/stable/falco-0.27.0-3+c3-x86_64.deb',
      'deb-dev/stable/falco-0.27.0-1+c1-aarch64.deb',
      'deb-dev/stable/falco-0.27.0-1+c1-x86_64.deb',
    ]);
  });
});
