import { describe, expect, it } from 'vitest';
import type { AptEntry } from '../../../src/formats/apt/apt-entry.js';
import { mergePackages } from '../../../src/formats/apt/merge-packages.js';
import { userErrorOf } from '../../fixtures/errors.js';

function entry(filename: string): AptEntry {
  return {
    fields: [
      ['Package', 'falco'],
      ['Version', '0.27.0'],
      ['Architecture', 'amd64'],
      ['Filename', filename],
    ],
    package: 'falco',
    version: '0.27.0',
    architecture: 'amd64',
    filename,
  };
}

describe('mergePackages', () => {
  it('refuses two files of one run with the same Package, Version and Architecture, naming both', () => {
    const error = userErrorOf(() =>
      mergePackages(
        [],
        [entry('stable/falco-0.27.0-x86_64.deb'), entry('stable/falco-0.27.0-static-x86_64.deb')],
      ),
    );
    expect(error.subject).toBe('packages: falco-0.27.0-static-x86_64.deb');
    expect(error.problem).toBe('two added packages are falco 0.27.0 amd64 (falco-0.27.0-x86_64.deb too)');
    expect(error.remedy).toBe('publish only one of them, or give each its own Version');
    expect(error.message).toBe(
      'packages: falco-0.27.0-static-x86_64.deb: two added packages are falco 0.27.0 amd64 (falco-0.27.0-x86_64.deb too) — publish only one of them, or give each its own Version',
    );
  });
});
