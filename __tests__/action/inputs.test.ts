import { describe, it, expect } from 'vitest';
import { registryHost } from '../../src/image-drivers/image-target.js';
import { readInputs, type Config, type InputReader } from '../../src/action/inputs.js';
import { loadEvent } from '../fixtures/events.js';
import { userErrorOf } from '../fixtures/errors.js';

const IMAGES = 'falco:local falcosecurity/falco';

/** A reader backed by a map, like core.getInput: an unset input reads as ''. */
function reader(values: Readonly<Record<string, string>>): InputReader {
  return (name) => values[name] ?? '';
}

describe('readInputs defaults', () => {
  it('fills every default and takes the ref from GITHUB_REF', () => {
    const event = loadEvent('tag-push');
    const config = readInputs(reader({ images: IMAGES }), event.env);
    expect(config).toEqual<Config>({
      ref: 'refs/tags/0.26.0',
      devBranch: 'master',
      images: [{ source: 'falco:local', repository: 'falcosecurity/falco', suffix: '' }],
      imageDriver: 'docker',
      registry: { kind: 'registry', host: 'docker.io' },
      mirrors: [],
      insecure: false,
      s3Endpoint: undefined,
      s3Region: undefined,
      serialized: false,
      cloudfront: undefined,
      credentials: undefined,
      latest: 'auto',
      packagePatterns: [],
      packageHost: undefined,
      overwrite: false,
      signingKey: undefined,
      signingPassphrase: undefined,
      rpmHeaderSignatures: false,
      retention: { deb: { bytes: 10 * 2 ** 30 }, rpm: { bytes: 10 * 2 ** 30 } },
      imageSigning: { kind: 'none' },
      provenance: undefined,
      dryRun: false,
      mode: { kind: 'publish' },
    });
  });

  it.each([
    ['tag-push'],
    ['release-published'],
    ['master-push'],
    ['workflow-dispatch-master'],
    ['workflow-dispatch-tag'],
  ])('GITHUB_REF of the %s fixture is the fallback ref', (name) => {
    const event = loadEvent(name);
    expect(readInputs(reader({ images: IMAGES }), event.env).ref).toBe(event.env.GITHUB_REF);
  });

  it('an explicit ref wins over GITHUB_REF', () => {
    const event = loadEvent('master-push');
    expect(readInputs(reader({ images: IMAGES, ref: 'refs/tags/0.26.0' }), event.env).ref).toBe(
      'refs/tags/0.26.0',
    );
  });

  it.each<[label: string, values: Record<string, string>, expected: Partial<Config>]>([
    ['dev-branch', { 'dev-branch': 'main' }, { devBranch: 'main' }],
    ['registry host:port', { registry: '127.0.0.1:5000' }, { registry: registryHost('127.0.0.1:5000') }],
    ['registry lowercased', { registry: 'Public.ECR.aws' }, { registry: registryHost('public.ecr.aws') }],
    ['registry IPv6', { registry: '[::1]:5000' }, { registry: registryHost('[::1]:5000') }],
    ['registry localhost', { registry: 'localhost:5000' }, { registry: registryHost('localhost:5000') }],
    [
      'registry oci-layout, relative to the workspace',
      {
        'image-driver': 'registry',
        images: 'oci-layout:out/falco falcosecurity/falco',
        registry: 'oci-layout:out/images',
      },
      { registry: { kind: 'oci-layout', dir: '/home/runner/work/falco/falco/out/images' } },
    ],
    [
      'registry oci-layout, absolute',
      {
        'image-driver': 'registry',
        images: 'oci-layout:out/falco falcosecurity/falco',
        registry: 'oci-layout:/srv/images',
      },
      { registry: { kind: 'oci-layout', dir: '/srv/images' } },
    ],
    ['latest true', { latest: 'true' }, { latest: 'true' }],
    ['latest FALSE', { latest: 'FALSE' }, { latest: 'false' }],
    ['image-driver Docker', { 'image-driver': 'Docker' }, { imageDriver: 'docker' }],
    ['overwrite true', { overwrite: 'true' }, { overwrite: true }],
    ['overwrite False', { overwrite: 'False' }, { overwrite: false }],
    ['dry-run TRUE', { 'dry-run': 'TRUE' }, { dryRun: true }],
    [
      'credentials',
      { 'registry-username': 'falcoci', 'registry-password': 's3cret' },
      { credentials: { username: 'falcoci', password: 's3cret' } },
    ],
    [
      'packages with a relative directory host',
      { packages: 'build/*.deb\n\n# rpm\nbuild/*.rpm\r\n!build/*-debug-*', 'package-host': './out/packages' },
      {
        packagePatterns: ['build/*.deb', 'build/*.rpm', '!build/*-debug-*'],
        packageHost: { kind: 'directory', path: '/home/runner/work/falco/falco/out/packages' },
      },
    ],
    [
      'a file URL host',
      { 'package-host': 'file:///srv/packages' },
      { packageHost: { kind: 'directory', path: '/srv/packages' } },
    ],
    [
      'an absolute directory host',
      { 'package-host': '/srv/packages' },
      { packageHost: { kind: 'directory', path: '/srv/packages' } },
    ],
  ])('%s', (_label, values, expected) => {
    const config = readInputs(reader({ images: IMAGES, ...values }), {
      GITHUB_REF: 'refs/heads/master',
      GITHUB_WORKSPACE: '/home/runner/work/falco/falco',
    });
    expect(config).toMatchObject(expected);
  });

  it('packages alone (no images) are something to publish', () => {
    const config = readInputs(reader({ packages: 'build/*.deb', 'package-host': '/srv/packages' }), {
      GITHUB_REF: 'refs/tags/0.26.0',
    });
    expect(config.images).toEqual([]);
    expect(config.packagePatterns).toEqual(['build/*.deb']);
  });
});

describe('readInputs refuses bad inputs, naming the input', () => {
  it.each<[label: string, values: Record<string, string>, subject: string, problem: string]>([
    ['unknown image-driver', { 'image-driver': 'podman' }, 'image-driver', "'podman' is not accepted"],
    ['image-driver podman', { 'image-driver': 'podman' }, 'image-driver', 'write one of: docker, registry'],
    [
      'a local image name for the registry driver',
      { 'image-driver': 'registry' },
      'images: falco:local',
      'is not a source the registry driver reads',
    ],
    [
      'an OCI layout target with the docker driver',
      { registry: 'oci-layout:out/images' },
      'registry',
      'needs image-driver: registry',
    ],
    [
      'a mirror that is not a host',
      { 'mirror-registries': 'https://public.ecr.aws' },
      'mirror-registries',
      'is not a registry host',
    ],
    [
      'a mirror that is the registry',
      { 'mirror-registries': 'docker.io' },
      'mirror-registries',
      'is the registry itself',
    ],
    ['registry-insecure=maybe', { 'registry-insecure': 'maybe' }, 'registry-insecure', 'is not a boolean'],
    ['serialized=yes', { serialized: 'yes' }, 'serialized', 'is not a boolean'],
    [
      's3-endpoint for a directory host',
      { packages: 'build/*', 'package-host': './out', 's3-endpoint': 'http://127.0.0.1:8080' },
      's3-endpoint',
      'package-host is not s3://',
    ],
    [
      'serialized for a directory host',
      { packages: 'build/*', 'package-host': './out', serialized: 'true' },
      'serialized',
      'package-host is not s3://',
    ],
    [
      'a signing passphrase without a key',
      { packages: 'build/*', 'package-host': './out', 'signing-passphrase': 'secret-pass' },
      'signing-passphrase',
      'is set, but signing-key is empty',
    ],
    [
      'rpm header signatures required without a key',
      { packages: 'build/*', 'package-host': './out', 'rpm-header-signatures': 'true' },
      'rpm-header-signatures',
      "is 'true', but signing-key is empty",
    ],
    [
      'rpm-header-signatures that is not a choice',
      { packages: 'build/*', 'package-host': './out', 'rpm-header-signatures': 'always' },
      'rpm-header-signatures',
      "'always' is not accepted",
    ],
    [
      'a dev-retention that keeps nothing',
      { packages: 'build/*', 'package-host': './out', 'dev-retention': 'deb=0' },
      'dev-retention',
      "'deb=0' keeps no version",
    ],
    [
      'an s3-region that is not one',
      { packages: 'build/*', 'package-host': 's3://falco-dist/p', 's3-region': 'US East 1' },
      's3-region',
      'is not a region',
    ],
    [
      'a package-host URL without //',
      { packages: 'build/*', 'package-host': 's3:falco-dist/p' },
      'package-host',
      'is not a URL (no //) nor a directory',
    ],
    [
      'an s3-endpoint that is not a URL',
      { 's3-endpoint': 's3.example.com' },
      's3-endpoint',
      'is not an http(s) URL',
    ],
    [
      'an S3 bucket name that is not one',
      { packages: 'build/*', 'package-host': 's3://Falco_Bucket/packages' },
      'package-host',
      "'Falco_Bucket' is not an S3 bucket name",
    ],
    [
      'credentials for an OCI layout target',
      {
        'image-driver': 'registry',
        images: 'oci-layout:out/falco falcosecurity/falco',
        registry: 'oci-layout:out/images',
        'registry-username': 'u',
        'registry-password': 'p',
      },
      'registry-username',
      'an OCI layout, which takes no credentials',
    ],
    [
      'registry with a scheme',
      { registry: 'https://docker.io' },
      'registry',
      "'https://docker.io' is not a registry host",
    ],
    ['registry with a path', { registry: 'docker.io/falcosecurity' }, 'registry', 'is not a registry host'],
    ['registry with a space', { registry: 'docker io' }, 'registry', 'is not a registry host'],
    ['latest=maybe', { latest: 'maybe' }, 'latest', "'maybe' is not accepted"],
    ['latest=yes', { latest: 'yes' }, 'latest', 'write one of: auto, true, false'],
    ['overwrite=yes', { overwrite: 'yes' }, 'overwrite', "'yes' is not a boolean"],
    ['dry-run=1', { 'dry-run': '1' }, 'dry-run', "'1' is not a boolean"],
    [
      'username without password',
      { 'registry-username': 'falcoci' },
      'registry-password',
      'is empty but registry-username is set',
    ],
    [
      'password without username',
      { 'registry-password': 's3cret' },
      'registry-username',
      'is empty but registry-password is set',
    ],
    [
      'packages without package-host',
      { packages: 'build/*.deb' },
      'package-host',
      'is empty but packages are given',
    ],
    [
      'package-host with an unknown scheme',
      { packages: 'build/*.deb', 'package-host': 'ftp://download.falco.org/packages' },
      'package-host',
      "the scheme 'ftp://' has no adapter",
    ],
    [
      'package-host plain http off loopback',
      { 'package-host': 'http://repo.example.com/falco' },
      'package-host',
      'http://repo.example.com/falco/ is plain http off this machine',
    ],
    [
      'package-host file URL with a host',
      { 'package-host': 'file://fileserver/packages' },
      'package-host',
      "'file://fileserver/packages' is not a file URL",
    ],
    [
      'empty images and packages',
      { images: '' },
      'images',
      'nothing to publish: images and packages are both empty',
    ],
    ['only comments in images', { images: '# nothing yet\n\n' }, 'images', 'nothing to publish'],
    [
      'dev-branch with a slash',
      { 'dev-branch': 'feature/x' },
      'dev-branch',
      "'feature/x' cannot be an image tag",
    ],
    ['dev-branch starting with -', { 'dev-branch': '-master' }, 'dev-branch', 'cannot be an image tag'],
    [
      'bad images line',
      { images: 'falco:local falcosecurity/falco\nfalco-no-driver:local Falcosecurity/Falco-No-Driver' },
      'images (line 2)',
      "'Falcosecurity/Falco-No-Driver' is not a repository name",
    ],
    ['empty ref without GITHUB_REF', { ref: '' }, 'ref', 'is empty'],
  ])('%s', (_label, values, subject, problem) => {
    const env = values.ref === '' ? {} : { GITHUB_REF: 'refs/tags/0.26.0', GITHUB_WORKSPACE: '/ws' };
    const error = userErrorOf(() => readInputs(reader({ images: IMAGES, ...values }), env));
    expect(error.subject).toBe(subject);
    expect(error.message.startsWith(`${subject}: `)).toBe(true);
    expect(error.message).toContain(problem);
  });

  it('never echoes the password in a credentials error', () => {
    const error = userErrorOf(() =>
      readInputs(reader({ images: IMAGES, 'registry-password': 'hunter2-Secret' }), {
        GITHUB_REF: 'refs/heads/master',
      }),
    );
    expect(error.message).not.toContain('hunter2-Secret');
  });
});

describe('rpm-header-signatures', () => {
  const KEY = '-----BEGIN PGP PRIVATE KEY BLOCK-----\n...';
  it.each([
    ['auto with a key signs', { 'signing-key': KEY }, true],
    ['auto (the default) without a key does not', {}, false],
    ['true with a key signs', { 'signing-key': KEY, 'rpm-header-signatures': 'true' }, true],
    [
      'false with a key leaves rpms as built',
      { 'signing-key': KEY, 'rpm-header-signatures': 'false' },
      false,
    ],
  ] as const)('%s', (_label, given, expected) => {
    const config = readInputs(
      reader({ packages: 'build/*', 'package-host': './out', ...given }),
      loadEvent('tag-push').env,
    );
    expect(config.rpmHeaderSignatures).toBe(expected);
  });
});
