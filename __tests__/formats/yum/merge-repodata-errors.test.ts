import { describe, expect, it } from 'vitest';
import { mergeRepodata } from '../../../src/formats/yum/merge-repodata.js';
import type { RepodataEntry } from '../../../src/formats/yum/repodata-entry.js';
import { userErrorOf } from '../../fixtures/errors.js';

function entry(location: string): RepodataEntry {
  return {
    pkgid: location,
    name: 'falco',
    arch: 'x86_64',
    evr: { epoch: '0', version: '0.27.0', release: '1' },
    location,
    primary: '<package/>',
    filelists: '<package/>',
    other: '<package/>',
  };
}

describe('mergeRepodata', () => {
  it('refuses two files of one run with the same name, epoch, version, release and arch, naming both', () => {
    const error = userErrorOf(() =>
      mergeRepodata(
        [],
        [entry('stable/falco-0.27.0-x86_64.rpm'), entry('stable/falco-0.27.0-static-x86_64.rpm')],
      ),
    );
    expect(error.subject).toBe('packages: falco-0.27.0-static-x86_64.rpm');
    expect(error.problem).toBe('two added packages are falco-0.27.0-1.x86_64 (falco-0.27.0-x86_64.rpm too)');
    expect(error.remedy).toBe('publish only one of them, or give each its own version or release');
    expect(error.message).toBe(
      'packages: falco-0.27.0-static-x86_64.rpm: two added packages are falco-0.27.0-1.x86_64 (falco-0.27.0-x86_64.rpm too) — publish only one of them, or give each its own version or release',
    );
  });
});
