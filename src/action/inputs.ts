import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../util/errors.js';
import { LAYOUT_PREFIX, type ImageTarget } from '../image-drivers/image-target.js';
import { parseSource } from '../image-drivers/source-spec.js';
import { isValidTag } from './release/docker-tag.js';
import { parseImageLines, type ImageLine } from './release/image-lines.js';
import type { LatestMode } from './release/latest.js';
import { parseHostLocation, type HostLocation } from '../hosts/location.js';
import { parseRetention, type Retention } from '../indexes/retention.js';

export type ImageDriverName = 'docker' | 'registry';

import type { RegistryCredentials } from '../registry/auth.js';

/** The registry login of the inputs. */
export type Credentials = RegistryCredentials;

/** Every input, parsed and checked once: nothing downstream reads raw inputs. */
export interface Config {
  readonly ref: string;
  readonly devBranch: string;
  readonly images: readonly ImageLine[];
  readonly imageDriver: ImageDriverName;
  /** A registry host, or (registry driver) an OCI layout directory, made absolute. */
  readonly registry: ImageTarget;
  /** Registries that get every tag too (registry host names). */
  readonly mirrors: readonly string[];
  /** Allow plain http to registries that are not on loopback. */
  readonly insecure: boolean;
  readonly credentials: Credentials | undefined;
  readonly latest: LatestMode;
  readonly packagePatterns: readonly string[];
  readonly packageHost: HostLocation | undefined;
  /** An S3-compatible store's URL for `package-host: s3://…` (AWS S3 when empty). */
  readonly s3Endpoint: string | undefined;
  readonly s3Region: string | undefined;
  /** The workflow runs one publisher at a time, so stores without conditional writes are safe. */
  readonly serialized: boolean;
  readonly overwrite: boolean;
  /** The armored OpenPGP private key that signs repository indexes and packages; unsigned when absent. */
  readonly signingKey: string | undefined;
  readonly signingPassphrase: string | undefined;
  /** Versions kept in the dev trees after a publish to them. */
  readonly retention: Retention;
  readonly dryRun: boolean;
}

/** Reads one input by its action.yml name; empty string when unset. */
export type InputReader = (name: string) => string;

const REGISTRY =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:]+\])(?::\d{1,5})?$/;

export function readInputs(input: InputReader, env: NodeJS.ProcessEnv = {}): Config {
  const ref = input('ref') || env.GITHUB_REF || '';
  if (ref === '') throw new UserError('ref', 'is empty', 'run on a tag or branch push, or set ref');
  const devBranch = input('dev-branch') || 'master';
  if (!isValidTag(devBranch)) {
    throw new UserError(
      'dev-branch',
      `'${devBranch}' cannot be an image tag`,
      'use a branch whose name has only letters, digits, _, . and -',
    );
  }
  const images = parseImageLines(input('images'));
  const imageDriver = oneOf('image-driver', input('image-driver') || 'docker', [
    'docker',
    'registry',
  ] as const);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const registry = readRegistry(input('registry') || 'docker.io', imageDriver, workspace);
  const mirrors = lines(input('mirror-registries')).map((mirror) => {
    const host = mirror.toLowerCase();
    if (!REGISTRY.test(host)) {
      throw new UserError(
        'mirror-registries',
        `'${mirror}' is not a registry host`,
        'write one host[:port] per line, e.g. public.ecr.aws',
      );
    }
    if (registry.kind === 'registry' && host === registry.host)
      throw new UserError(
        'mirror-registries',
        `'${mirror}' is the registry itself`,
        'list only other registries',
      );
    return host;
  });
  if (mirrors.length > 0 && registry.kind === 'oci-layout') {
    throw new UserError(
      'mirror-registries',
      'cannot mirror an OCI layout',
      'set registry to a registry host, or remove mirror-registries',
    );
  }
  // The registry driver's sources are checked for their form here; that they exist, before any write.
  if (imageDriver === 'registry') for (const line of images) parseSource(line.source, workspace);
  const credentials = readCredentials(input('registry-username'), input('registry-password'));
  if (credentials && registry.kind === 'oci-layout') {
    throw new UserError(
      'registry-username',
      'is set, but the registry is an OCI layout, which takes no credentials',
      'remove registry-username and registry-password (sources in registries use the docker login of the job)',
    );
  }
  const latest = oneOf('latest', input('latest') || 'auto', ['auto', 'true', 'false'] as const);
  const packagePatterns = lines(input('packages'));
  const hostValue = input('package-host').trim();
  const packageHost = hostValue ? parseHostLocation(hostValue, workspace) : undefined;
  if (packagePatterns.length > 0 && !packageHost) {
    throw new UserError(
      'package-host',
      'is empty but packages are given',
      'set package-host, e.g. ./out/packages',
    );
  }
  if (images.length === 0 && packagePatterns.length === 0) {
    throw new UserError(
      'images',
      'nothing to publish: images and packages are both empty',
      'set images, packages, or both',
    );
  }
  return {
    ref,
    devBranch,
    images,
    imageDriver,
    registry,
    mirrors,
    insecure: boolean('registry-insecure', input('registry-insecure')),
    credentials,
    latest,
    packagePatterns,
    packageHost,
    ...readS3Options(input, packageHost),
    overwrite: boolean('overwrite', input('overwrite')),
    ...readSigning(input),
    retention: parseRetention(input('dev-retention')),
    dryRun: boolean('dry-run', input('dry-run')),
  };
}

/** `host[:port]`, or for the registry driver `oci-layout:<dir>` (made absolute against the workspace). */
function readRegistry(value: string, driver: ImageDriverName, workspace: string): ImageTarget {
  if (value.startsWith(LAYOUT_PREFIX)) {
    if (driver !== 'registry') {
      throw new UserError(
        'registry',
        `'${value}' needs image-driver: registry`,
        'set image-driver: registry, or use a registry host',
      );
    }
    const dir = value.slice(LAYOUT_PREFIX.length);
    if (dir === '')
      throw new UserError('registry', `'${value}' names no directory`, 'write oci-layout:<dir>');
    return { kind: 'oci-layout', dir: isAbsolute(dir) ? dir : resolve(workspace, dir) };
  }
  const host = value.toLowerCase();
  if (!REGISTRY.test(host)) {
    throw new UserError(
      'registry',
      `'${value}' is not a registry host`,
      'write host[:port], e.g. docker.io, or oci-layout:<dir>',
    );
  }
  return { kind: 'registry', host };
}

/** The S3 inputs, which only an `s3://` package host uses: set for another host, they are a mistake. */
function readS3Options(
  input: InputReader,
  host: HostLocation | undefined,
): Pick<Config, 's3Endpoint' | 's3Region' | 'serialized'> {
  const s3Endpoint = readEndpoint(input('s3-endpoint'));
  const s3Region = input('s3-region').trim() || undefined;
  const serialized = boolean('serialized', input('serialized'));
  if (host?.kind !== 's3') {
    const given = [s3Endpoint && 's3-endpoint', s3Region && 's3-region', serialized && 'serialized'].find(
      Boolean,
    );
    if (given)
      throw new UserError(
        given,
        'is set, but package-host is not s3://…',
        `remove ${given}, or publish to s3://<bucket>/<prefix>`,
      );
  }
  if (s3Region !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(s3Region)) {
    throw new UserError('s3-region', `'${s3Region}' is not a region`, 'write e.g. us-east-1');
  }
  return { s3Endpoint, s3Region, serialized };
}

function readEndpoint(value: string): string | undefined {
  const endpoint = value.trim();
  if (endpoint === '') return undefined;
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(endpoint)) {
    throw new UserError(
      's3-endpoint',
      `'${endpoint}' is not an http(s) URL`,
      'write e.g. https://s3.example.com',
    );
  }
  return endpoint;
}

/** The key is checked (that it can sign) when the repositories are prepared, before any write. */
function readSigning(input: InputReader): Pick<Config, 'signingKey' | 'signingPassphrase'> {
  const signingKey = input('signing-key').trim() || undefined;
  const signingPassphrase = input('signing-passphrase') || undefined;
  if (signingPassphrase !== undefined && signingKey === undefined) {
    throw new UserError(
      'signing-passphrase',
      'is set, but signing-key is empty',
      'set signing-key to the armored private key (or remove signing-passphrase)',
    );
  }
  return { signingKey, signingPassphrase };
}

function readCredentials(username: string, password: string): Credentials | undefined {
  if (!username && !password) return undefined;
  if (!username)
    throw new UserError('registry-username', 'is empty but registry-password is set', 'set both or neither');
  if (!password)
    throw new UserError('registry-password', 'is empty but registry-username is set', 'set both or neither');
  return { username, password };
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function boolean(name: string, value: string): boolean {
  const normalized = value.trim().toLowerCase();
  if (normalized === '' || normalized === 'false') return false;
  if (normalized === 'true') return true;
  throw new UserError(name, `'${value}' is not a boolean`, 'write true or false');
}

function oneOf<T extends string>(name: string, value: string, accepted: readonly T[]): T {
  const found = accepted.find((candidate) => candidate === value.trim().toLowerCase());
  if (found === undefined) {
    throw new UserError(name, `'${value}' is not accepted`, `write one of: ${accepted.join(', ')}`);
  }
  return found;
}
