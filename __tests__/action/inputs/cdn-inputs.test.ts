import { describe, expect, it } from 'vitest';
import { readInputs, type InputReader } from '../../../src/action/inputs.js';
import { userErrorOf } from '../../fixtures/errors.js';

const S3 = { packages: 'build/*', 'package-host': 's3://falco-distribution/packages' };

function reader(values: Readonly<Record<string, string>>): InputReader {
  return (name) => values[name] ?? '';
}

const read = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  readInputs(reader({ ref: 'refs/tags/0.26.0', ...values }), { GITHUB_WORKSPACE: '/w', ...env }).cloudfront;

describe('the CloudFront inputs', () => {
  it('are off by default', () => {
    expect(read(S3)).toBeUndefined();
  });

  it('are off with the defaults a runner passes for every input (cloudfront-wait: false), on any host', () => {
    const defaults = {
      'cloudfront-distribution': '',
      'cloudfront-wait': 'false',
      'cloudfront-origin-path': '',
    };
    expect(read({ ...S3, ...defaults })).toBeUndefined();
    expect(read({ packages: 'build/*', 'package-host': './download', ...defaults })).toBeUndefined();
  });

  it('map the host prefix under the bucket root by default, as a distribution of the whole bucket serves it', () => {
    expect(read({ ...S3, 'cloudfront-distribution': 'E2QWRUHEXAMPLE' })).toEqual({
      distribution: 'E2QWRUHEXAMPLE',
      wait: false,
      root: '/packages',
      endpoint: undefined,
    });
  });

  it.each([
    ['s3://bkt/packages', '/packages', ''],
    ['s3://bkt/falco/packages', '/falco', '/packages'],
    ['s3://bkt/falco/packages', '/falco/packages', ''],
    ['s3://bkt', '', ''],
  ])('%s behind origin path %j is at %j', (host, originPath, root) => {
    const config = read({
      packages: 'build/*',
      'package-host': host,
      'cloudfront-distribution': 'E1',
      'cloudfront-origin-path': originPath,
      'cloudfront-wait': 'true',
    });
    expect(config).toMatchObject({ root, wait: true });
  });

  it.each([
    [
      { ...S3, 'package-host': './out', 'cloudfront-distribution': 'E1' },
      'cloudfront-distribution',
      'is set, but package-host is not s3://…',
    ],
    [
      { ...S3, 'cloudfront-distribution': 'd111111abcdef8.cloudfront.net' },
      'cloudfront-distribution',
      'is a domain name',
    ],
    [
      { ...S3, 'cloudfront-distribution': 'e2qwruhexample' },
      'cloudfront-distribution',
      'is not a distribution ID',
    ],
    [{ ...S3, 'cloudfront-wait': 'true' }, 'cloudfront-wait', 'is set, but cloudfront-distribution is empty'],
    [
      { ...S3, 'cloudfront-origin-path': '/x' },
      'cloudfront-origin-path',
      'is set, but cloudfront-distribution is empty',
    ],
    [
      { ...S3, 'cloudfront-distribution': 'E1', 'cloudfront-wait': 'yes' },
      'cloudfront-wait',
      "'yes' is not a boolean",
    ],
    [
      { ...S3, 'cloudfront-distribution': 'E1', 'cloudfront-origin-path': 'packages' },
      'cloudfront-origin-path',
      'is not an origin path',
    ],
    [
      { ...S3, 'cloudfront-distribution': 'E1', 'cloudfront-origin-path': '/packages/' },
      'cloudfront-origin-path',
      'is not an origin path',
    ],
    [
      { ...S3, 'cloudfront-distribution': 'E1', 'cloudfront-origin-path': '/other' },
      'cloudfront-origin-path',
      "does not contain the package host's prefix 'packages'",
    ],
    [
      { ...S3, 'cloudfront-distribution': 'E1', 'cloudfront-origin-path': '/pack' },
      'cloudfront-origin-path',
      'does not contain',
    ],
  ])('refuses %j naming %s', (values, subject, problem) => {
    const error = userErrorOf(() => read(values));
    expect(error.subject).toBe(subject);
    expect(error.problem).toContain(problem);
  });

  it('takes a stand-in endpoint from AWS_ENDPOINT_URL_CLOUDFRONT on loopback http only', () => {
    const given = { ...S3, 'cloudfront-distribution': 'E1' };
    expect(read(given, { AWS_ENDPOINT_URL_CLOUDFRONT: 'http://127.0.0.1:8443/' })?.endpoint).toBe(
      'http://127.0.0.1:8443',
    );
    expect(read(given, { AWS_ENDPOINT_URL_CLOUDFRONT: 'http://localhost:9000' })?.endpoint).toBe(
      'http://localhost:9000',
    );
    for (const endpoint of [
      'https://cloudfront.example.com',
      'http://10.0.0.1:80',
      'http://127.0.0.1:1/path',
    ]) {
      const error = userErrorOf(() => read(given, { AWS_ENDPOINT_URL_CLOUDFRONT: endpoint }));
      expect(error.subject).toBe('AWS_ENDPOINT_URL_CLOUDFRONT');
      expect(error.problem).toContain('is not a loopback http URL');
    }
  });
});
