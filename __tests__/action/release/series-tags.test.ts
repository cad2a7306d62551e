import { describe, expect, it } from 'vitest';
import { decideSeries, type SeriesDecision } from '../../../src/action/release/floating.js';
import { parseImageLines } from '../../../src/action/release/image-lines.js';
import { decideLatest, stableVersionsIn } from '../../../src/action/release/latest.js';
import type { Release } from '../../../src/action/release/release.js';
import { tagsFor } from '../../../src/action/release/tags.js';

const stable = (version: string): Release => ({ version, channel: 'stable' });
const rc: Release = { version: '0.41.0-rc1', channel: 'prerelease' };
const master: Release = { version: 'master', channel: 'dev' };

const both: SeriesDecision = {
  major: { moves: true, reason: '' },
  minor: { moves: true, reason: '' },
};
const minorOnly: SeriesDecision = { ...both, major: { moves: false, reason: '' } };

const [falco, debian, minorLine, plain, builder] = parseImageLines(`
falco:build         falcosecurity/falco                floating=major,minor
falco-debian:build  falcosecurity/falco                floating=major,minor suffix=-debian
loader:build        falcosecurity/falco-driver-loader  floating=minor
plain:build         falcosecurity/plain
builder:build       falcosecurity/falco-builder        tags=latest,stable
`);
if (!falco || !debian || !minorLine || !plain || !builder) throw new Error('the lines above did not parse');

describe('tagsFor with floating=', () => {
  it('moves X.Y, then X, then latest, after the version tag', () => {
    const tags = tagsFor(stable('0.40.1'), falco, true, both);
    expect(tags.fixed).toEqual(['0.40.1']);
    expect(tags.floating).toEqual(['0.40', '0', 'latest']);
    expect(tags.series).toEqual([
      { tag: '0.40', scope: 'minor', version: '0.40.1' },
      { tag: '0', scope: 'major', version: '0.40.1' },
    ]);
  });

  it('gives the series tags the suffix of the line, never a bare one', () => {
    const tags = tagsFor(stable('0.40.1'), debian, true, both);
    expect(tags.floating).toEqual(['0.40-debian', '0-debian', 'latest-debian']);
  });

  it('moves only the series the decision moves: a backport moves X.Y alone', () => {
    const tags = tagsFor(stable('0.39.2'), falco, false, minorOnly);
    expect(tags.fixed).toEqual(['0.39.2']);
    expect(tags.floating).toEqual(['0.39']);
  });

  it('moves only the series the line asks for', () => {
    expect(tagsFor(stable('0.40.1'), minorLine, true, both).floating).toEqual(['0.40', 'latest']);
    expect(tagsFor(stable('0.40.1'), plain, true, both).floating).toEqual(['latest']);
    expect(tagsFor(stable('0.40.1'), plain, true, both).series).toBeUndefined();
  });

  it.each([rc, master])('moves no series tag for a $channel build', (release) => {
    const tags = tagsFor(release, falco, false, both);
    expect([...tags.fixed, ...tags.floating]).toEqual([release.version]);
    expect(tags.series).toBeUndefined();
  });
});

describe('tagsFor with tags=', () => {
  it.each([stable('0.40.1'), stable('0.39.2'), rc, master])(
    'pushes exactly the fixed tags on a $channel run, first, whatever latest does',
    (release) => {
      for (const latest of [true, false]) {
        const tags = tagsFor(release, builder, latest, both);
        expect(tags.fixed).toEqual(['latest', 'stable']);
        expect(tags.floating).toEqual([]);
        expect(tags.series).toBeUndefined();
      }
    },
  );
});

/**
 * The sequence through the decisions the publish makes: each release decides latest and the
 * series from the tags the repository holds after the runs before it, and moves what they say.
 */
describe('0.40.0, then 0.39.2, then 0.40.1 with floating=major,minor', () => {
  it('leaves each tag on the release that leads its series', () => {
    const repository = new Map<string, string>();
    const after: Record<string, string | undefined>[] = [];
    for (const version of ['0.40.0', '0.39.2', '0.40.1']) {
      const published = stableVersionsIn([...repository.keys()], ['']);
      const release = stable(version);
      const latest = decideLatest('auto', release, published).latest;
      const tags = tagsFor(release, falco, latest, decideSeries(release, published));
      for (const tag of [...tags.fixed, ...tags.floating]) repository.set(tag, version);
      after.push(
        Object.fromEntries(['0', '0.39', '0.40', 'latest'].map((tag) => [tag, repository.get(tag)])),
      );
    }
    expect(after).toEqual([
      { '0': '0.40.0', '0.39': undefined, '0.40': '0.40.0', latest: '0.40.0' },
      { '0': '0.40.0', '0.39': '0.39.2', '0.40': '0.40.0', latest: '0.40.0' },
      { '0': '0.40.1', '0.39': '0.39.2', '0.40': '0.40.1', latest: '0.40.1' },
    ]);
  });
});
