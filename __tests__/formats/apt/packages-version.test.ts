import { describe, expect, it } from 'vitest';
import { parsePackages } from '../../../src/formats/apt/packages-file.js';

describe('parsePackages', () => {
  // The repository updater reports a current index that cannot be read as a UserError of the package host.
  it('refuses a stanza whose Version cannot be ordered, rather than fail later while sorting', () => {
    const text =
      'Package: falco\nVersion: 0.27.0\nArchitecture: amd64\nFilename: stable/a.deb\n\n' +
      'Package: falco\nVersion: x:0.28.0\nArchitecture: amd64\nFilename: stable/b.deb\n';
    expect(() => parsePackages(text)).toThrow(
      "Packages stanza 2: Version 'x:0.28.0': the epoch is not a number",
    );
  });
});
