import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BintrayVersions, versionsPastLimit } from '../../../src/hosts/bintray/bintray-versions.js';
import type { BintrayFake } from '../../support/bintray-fake.js';
import { apiOf, startFalcoBintray } from './bintray-world.js';

describe('versionsPastLimit', () => {
  it('keeps the newest N, counting a version the run is about to make as the newest', () => {
    expect(versionsPastLimit(['v4', 'v3', 'v2', 'v1'], 2, new Set(['v4']))).toEqual(['v2', 'v1']);
    expect(versionsPastLimit(['v4', 'v3', 'v2', 'v1'], 2, new Set(['v5']))).toEqual(['v3', 'v2', 'v1']);
    expect(versionsPastLimit(['v2', 'v1'], 5, new Set(['v3']))).toEqual([]);
  });

  it('never takes out a version the run publishes, even an old one', () => {
    expect(versionsPastLimit(['v4', 'v3', 'v2', 'v1'], 2, new Set(['v1']))).toEqual(['v2']);
  });
});

describe('BintrayVersions', () => {
  let fake: BintrayFake;
  beforeEach(async () => {
    fake = await startFalcoBintray();
  });
  afterEach(async () => {
    expect(fake.violations).toEqual([]);
    await fake.stop();
  });

  it('lists versions newest first and files of every version, and deletes a version with its files', async () => {
    fake.seed('deb-dev', 'falco', '0.27.0-1+a', { 'stable/falco-0.27.0-1+a-x86_64.deb': 'one' });
    fake.seed('deb-dev', 'falco', '0.27.0-2+b', { 'stable/falco-0.27.0-2+b-x86_64.deb': 'two' });
    const versions = new BintrayVersions('falcosecurity', apiOf(fake).api);
    const of = { repository: 'deb-dev', package: 'falco' };
    expect(await versions.list(of)).toEqual(['0.27.0-2+b', '0.27.0-1+a']);
    expect((await versions.files(of)).map((file) => [file.version, file.path])).toEqual([
      ['0.27.0-1+a', 'stable/falco-0.27.0-1+a-x86_64.deb'],
      ['0.27.0-2+b', 'stable/falco-0.27.0-2+b-x86_64.deb'],
    ]);
    expect(await versions.delete(of, '0.27.0-1+a')).toBe(true);
    expect(await versions.delete(of, '0.27.0-1+a')).toBe(false);
    expect(fake.versions('deb-dev', 'falco')).toEqual(['0.27.0-2+b']);
    expect(fake.files('deb-dev').map((file) => file.version)).toEqual(['0.27.0-2+b']);
  });
});
