import { describe, expect, it } from 'vitest';
import { bintrayFileOf } from '../../src/action/bintray-placement.js';

describe('bintrayFileOf: the host layout on Bintray, as Falco had it', () => {
  it.each([
    [
      'deb/stable/falco-0.26.0-x86_64.deb',
      {
        repository: 'deb',
        package: 'falco',
        version: '0.26.0',
        path: 'stable/falco-0.26.0-x86_64.deb',
        debArchitecture: 'amd64',
      },
    ],
    [
      'deb-dev/stable/falco-0.27.0-12+abc1234-aarch64.deb',
      {
        repository: 'deb-dev',
        package: 'falco',
        version: '0.27.0-12+abc1234',
        path: 'stable/falco-0.27.0-12+abc1234-aarch64.deb',
        debArchitecture: 'arm64',
      },
    ],
    [
      'rpm/falco-0.26.0-x86_64.rpm',
      { repository: 'rpm', package: 'falco', version: '0.26.0', path: 'falco-0.26.0-x86_64.rpm' },
    ],
    [
      'bin-dev/x86_64/falco-0.27.0-rc1-static-x86_64.tar.gz',
      {
        repository: 'bin-dev',
        package: 'falco',
        version: '0.27.0-rc1',
        path: 'x86_64/falco-0.27.0-rc1-static-x86_64.tar.gz',
      },
    ],
    [
      'bin/noarch/falco-rules-0.26.0-noarch.tar.gz',
      {
        repository: 'bin',
        package: 'falco-rules',
        version: '0.26.0',
        path: 'noarch/falco-rules-0.26.0-noarch.tar.gz',
      },
    ],
    [
      'wasm-dev/falco-0.40.0-3+abc-wasm.tar.gz',
      {
        repository: 'bin-dev',
        package: 'falco',
        version: '0.40.0-3+abc',
        path: 'wasm/falco-0.40.0-3+abc-wasm.tar.gz',
      },
    ],
    [
      'wasm/falco-0.40.0-wasm.tar.gz',
      { repository: 'bin', package: 'falco', version: '0.40.0', path: 'wasm/falco-0.40.0-wasm.tar.gz' },
    ],
  ])('%s', (path, expected) => {
    expect(bintrayFileOf(path)).toEqual(expected);
  });

  it('a path the layout does not make is a defect', () => {
    expect(() => bintrayFileOf('deb/falco-0.26.0-x86_64.deb')).toThrow(
      'is not a package path of the host layout',
    );
  });
});
