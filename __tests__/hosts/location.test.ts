import { describe, it, expect } from 'vitest';
import { isLoopbackUrl, parseHostLocation, type HostLocation } from '../../src/hosts/location.js';
import { userErrorOf } from '../fixtures/errors.js';

const WORKSPACE = '/home/runner/work/falco/falco';

describe('parseHostLocation', () => {
  it.each<[value: string, expected: HostLocation]>([
    ['/srv/packages', { kind: 'directory', path: '/srv/packages' }],
    ['/srv/packages/', { kind: 'directory', path: '/srv/packages/' }],
    ['./out/packages', { kind: 'directory', path: `${WORKSPACE}/out/packages` }],
    ['..', { kind: 'directory', path: '/home/runner/work/falco' }],
    ['../shared/packages', { kind: 'directory', path: '/home/runner/work/falco/shared/packages' }],
    ['.', { kind: 'directory', path: WORKSPACE }],
    ['file:///srv/packages', { kind: 'directory', path: '/srv/packages' }],
    ['file://localhost/srv/packages', { kind: 'directory', path: '/srv/packages' }],
    ['FILE:///srv/packages', { kind: 'directory', path: '/srv/packages' }],
    ['file:///srv/falco%20packages', { kind: 'directory', path: '/srv/falco packages' }],
    ['file:///srv/a/../packages', { kind: 'directory', path: '/srv/packages' }],
    ['s3://falco-distribution/packages', { kind: 's3', bucket: 'falco-distribution', prefix: 'packages' }],
    ['S3://falco-distribution/packages', { kind: 's3', bucket: 'falco-distribution', prefix: 'packages' }],
    ['s3://falco-distribution', { kind: 's3', bucket: 'falco-distribution', prefix: '' }],
    ['s3://falco-distribution/a//b/', { kind: 's3', bucket: 'falco-distribution', prefix: 'a/b' }],
    [
      'https://repo.example.com/artifactory/falco',
      { kind: 'http', url: 'https://repo.example.com/artifactory/falco/' },
    ],
    ['HTTPS://Repo.Example.com:8443/falco/', { kind: 'http', url: 'https://repo.example.com:8443/falco/' }],
    ['https://repo.example.com', { kind: 'http', url: 'https://repo.example.com/' }],
    ['http://127.0.0.1:8080/dav', { kind: 'http', url: 'http://127.0.0.1:8080/dav/' }],
    ['bintray://falcosecurity', { kind: 'bintray', subject: 'falcosecurity' }],
    ['bintray://falcosecurity/', { kind: 'bintray', subject: 'falcosecurity' }],
    ['BINTRAY://falco.security-org', { kind: 'bintray', subject: 'falco.security-org' }],
  ])('%s', (value, expected) => {
    expect(parseHostLocation(value, WORKSPACE)).toEqual(expected);
  });

  it.each<[value: string, problem: string]>([
    ['s3://Falco_Distribution/packages', "'Falco_Distribution' is not an S3 bucket name"],
    ['ftp://download.falco.org/packages', "the scheme 'ftp://' has no adapter"],
    ['bintray://falcosecurity/deb', "'bintray://falcosecurity/deb' names more than a subject"],
    ['bintray://', "'' is not a Bintray subject (user or organization)"],
    ['bintray://falco%20security', "'falco%20security' is not a Bintray subject (user or organization)"],
    ['file://fileserver/packages', "'file://fileserver/packages' is not a file URL"],
  ])('refuses %s', (value, problem) => {
    const error = userErrorOf(() => parseHostLocation(value, WORKSPACE));
    expect(error.subject).toBe('package-host');
    expect(error.message).toContain(problem);
    expect(error.message).toMatch(
      /accepted: s3:\/\/<bucket>\/<prefix>, https:\/\/<host>\/<path>, bintray:\/\/<subject>, github-release, file|write bintray:\/\/falcosecurity: the repositories/,
    );
  });
});

describe('parseHostLocation: a bare relative path is refused, naming both readings', () => {
  it.each<[value: string, message: string]>([
    [
      'falco-distribution/packages',
      "package-host: 'falco-distribution/packages' could be a folder or a bucket — write ./falco-distribution/packages for a folder in the workspace, or s3://falco-distribution/packages for an S3 bucket",
    ],
    [
      'out/packages/',
      "package-host: 'out/packages/' could be a folder or a bucket — write ./out/packages for a folder in the workspace, or s3://out/packages for an S3 bucket",
    ],
    [
      'download',
      "package-host: 'download' could be a folder or a bucket — write ./download for a folder in the workspace, or s3://download for an S3 bucket",
    ],
    [
      'Build_Output/packages',
      "package-host: 'Build_Output/packages' is a relative folder without ./ — write ./Build_Output/packages for a folder in the workspace",
    ],
    [
      '.hidden/packages',
      "package-host: '.hidden/packages' is a relative folder without ./ — write ./.hidden/packages for a folder in the workspace",
    ],
  ])('%s', (value, message) => {
    const error = userErrorOf(() => parseHostLocation(value, WORKSPACE));
    expect(error.subject).toBe('package-host');
    expect(error.message).toBe(message);
  });
});

describe('parseHostLocation: an http(s) URL', () => {
  it('refuses credentials in the URL without repeating them', () => {
    const error = userErrorOf(() =>
      parseHostLocation('https://deployer:s3cr3t-pw@repo.example.com/falco', WORKSPACE),
    );
    expect(error.subject).toBe('package-host');
    expect(error.message).toContain('holds credentials in its URL');
    expect(error.message).toContain('package-host-username');
    expect(error.message).not.toContain('s3cr3t-pw');
    expect(error.message).not.toContain('deployer');
  });

  it('refuses a query or fragment, which a base URL cannot carry', () => {
    const error = userErrorOf(() => parseHostLocation('https://repo.example.com/falco?x=1', WORKSPACE));
    expect(error.message).toContain("'https://repo.example.com/falco' is followed by a query or fragment");
  });

  it.each([
    ['http://127.0.0.1:8080/', true],
    ['http://127.1.2.3/', true],
    ['http://localhost:8080/x/', true],
    ['http://[::1]:8080/', true],
    ['http://128.0.0.1/', false],
    ['http://localhost.example.com/', false],
    ['http://127.0.0.1.nip.io/', false],
  ])('%s is on loopback: %s', (url, loopback) => {
    expect(isLoopbackUrl(url)).toBe(loopback);
  });
});
