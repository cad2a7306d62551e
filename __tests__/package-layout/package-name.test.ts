import { describe, it, expect } from 'vitest';
import { parsePackageName, type PackageName } from '../../src/package-layout/package-name.js';
import { userErrorOf } from '../fixtures/errors.js';

type Parsed = Omit<PackageName, 'fileName'>;

describe('parsePackageName', () => {
  it.each<[fileName: string, expected: Parsed]>([
    [
      'falco-0.26.0-x86_64.deb',
      { kind: 'deb', name: 'falco', version: '0.26.0', variant: '', arch: 'x86_64' },
    ],
    [
      'falco-0.26.0-x86_64.rpm',
      { kind: 'rpm', name: 'falco', version: '0.26.0', variant: '', arch: 'x86_64' },
    ],
    [
      'falco-0.26.0-x86_64.tar.gz',
      { kind: 'tar.gz', name: 'falco', version: '0.26.0', variant: '', arch: 'x86_64' },
    ],
    [
      'falco-0.26.0-static-x86_64.tar.gz',
      { kind: 'tar.gz', name: 'falco', version: '0.26.0', variant: 'static', arch: 'x86_64' },
    ],
    [
      'falco-0.26.0-aarch64.deb',
      { kind: 'deb', name: 'falco', version: '0.26.0', variant: '', arch: 'aarch64' },
    ],
    [
      'falco-0.26.0-aarch64.rpm',
      { kind: 'rpm', name: 'falco', version: '0.26.0', variant: '', arch: 'aarch64' },
    ],
    [
      'falco-0.26.0-aarch64.tar.gz',
      { kind: 'tar.gz', name: 'falco', version: '0.26.0', variant: '', arch: 'aarch64' },
    ],
    [
      'falco-0.27.0-rc1-x86_64.deb',
      { kind: 'deb', name: 'falco', version: '0.27.0-rc1', variant: '', arch: 'x86_64' },
    ],
    [
      'falco-0.27.0-rc1-static-x86_64.tar.gz',
      { kind: 'tar.gz', name: 'falco', version: '0.27.0-rc1', variant: 'static', arch: 'x86_64' },
    ],
    [
      'falco-0.27.0-alpha.1-x86_64.rpm',
      { kind: 'rpm', name: 'falco', version: '0.27.0-alpha.1', variant: '', arch: 'x86_64' },
    ],
    [
      'falco-0.27.0-12+abc1234-x86_64.rpm',
      { kind: 'rpm', name: 'falco', version: '0.27.0-12+abc1234', variant: '', arch: 'x86_64' },
    ],
    [
      'falco-0.27.0-12+abc1234-x86_64.deb',
      { kind: 'deb', name: 'falco', version: '0.27.0-12+abc1234', variant: '', arch: 'x86_64' },
    ],
    [
      'falco-0.27.0-12+abc1234-static-x86_64.tar.gz',
      { kind: 'tar.gz', name: 'falco', version: '0.27.0-12+abc1234', variant: 'static', arch: 'x86_64' },
    ],
    [
      'falco-0.27.0-12+abcdefa-aarch64.tar.gz',
      { kind: 'tar.gz', name: 'falco', version: '0.27.0-12+abcdefa', variant: '', arch: 'aarch64' },
    ],
    [
      'falco-driver-loader-0.26.0-x86_64.deb',
      { kind: 'deb', name: 'falco-driver-loader', version: '0.26.0', variant: '', arch: 'x86_64' },
    ],
    [
      'falco-0.40.0-wasm.tar.gz',
      { kind: 'tar.gz', name: 'falco', version: '0.40.0', variant: '', arch: 'wasm' },
    ],
    [
      'falco-0.40.0-noarch.tar.gz',
      { kind: 'tar.gz', name: 'falco', version: '0.40.0', variant: '', arch: 'noarch' },
    ],
    [
      'falco-0.41.0-rc1-wasm.tar.gz',
      { kind: 'tar.gz', name: 'falco', version: '0.41.0-rc1', variant: '', arch: 'wasm' },
    ],
    [
      'falco-0.41.0-7+abc1234-wasm.tar.gz',
      { kind: 'tar.gz', name: 'falco', version: '0.41.0-7+abc1234', variant: '', arch: 'wasm' },
    ],
    [
      'falco-rules-0.40.0-static-noarch.tar.gz',
      { kind: 'tar.gz', name: 'falco-rules', version: '0.40.0', variant: 'static', arch: 'noarch' },
    ],
  ])('%s', (fileName, expected) => {
    expect(parsePackageName(fileName)).toEqual({ fileName, ...expected });
  });

  it.each<[fileName: string, problem: string]>([
    ['falco-0.26.0-amd64.deb', 'the file name does not parse'],
    ['falco-0.26.0-arm64.deb', 'the file name does not parse'],
    ['falco.deb', 'the file name does not parse'],
    ['falco-0.26.0-x86_64.zip', 'the file name does not parse'],
    ['falco-0.26.0-x86_64.tgz', 'the file name does not parse'],
    ['falco-0.26.0-x86_64.deb.asc', 'the file name does not parse'],
    ['falco_0.26.0_amd64.deb', 'the file name does not parse'],
    ['Falco-0.26.0-x86_64.deb', 'the file name does not parse'],
    ['falco-x86_64.deb', 'the file name does not parse'],
    ['falco-0.26-x86_64.deb', "'0.26' is not a version"],
    ['falco-0.26.0.1-x86_64.rpm', "'0.26.0.1' is not a version"],
    ['falco-0.40.0-wasm.tgz', 'the file name does not parse'],
    ['falco-wasm.tar.gz', 'the file name does not parse'],
    ['falco-0.40-wasm.tar.gz', "'0.40' is not a version"],
  ])('refuses %s', (fileName, problem) => {
    const error = userErrorOf(() => parsePackageName(fileName));
    expect(error.subject).toBe(`packages: ${fileName}`);
    expect(error.message).toContain(problem);
    expect(error.message).toContain('e.g. falco-0.26.0-x86_64.deb');
  });
});

describe('parsePackageName, architecture-independent names', () => {
  it('settles a prerelease word before -wasm with the release version', () => {
    expect(parsePackageName('falco-0.41.0-beta-wasm.tar.gz', '0.41.0-beta')).toMatchObject({
      version: '0.41.0-beta',
      variant: '',
      arch: 'wasm',
    });
    expect(parsePackageName('falco-0.41.0-beta-wasm.tar.gz', '0.41.0')).toMatchObject({
      version: '0.41.0',
      variant: 'beta',
      arch: 'wasm',
    });
  });

  it.each([
    ['falco-0.40.0-wasm.deb', 'a .deb is built for x86_64 or aarch64, not wasm', 'falco-0.40.0-wasm.tar.gz'],
    [
      'falco-0.40.0-noarch.rpm',
      'a .rpm is built for x86_64 or aarch64, not noarch',
      'falco-0.40.0-noarch.tar.gz',
    ],
    [
      'falco-0.40.0-static-noarch.deb',
      'a .deb is built for x86_64 or aarch64, not noarch',
      'falco-0.40.0-static-noarch.tar.gz',
    ],
  ])('refuses %s, naming the tarball it could be', (fileName, problem, tarball) => {
    const error = userErrorOf(() => parsePackageName(fileName));
    expect(error.subject).toBe(`packages: ${fileName}`);
    expect(error.problem).toBe(problem);
    expect(error.remedy).toContain(tarball);
  });
});
