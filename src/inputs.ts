import { UserError } from './util/errors.js';
import { isValidTag } from './release/docker-tag.js';
import { parseImageLines, type ImageLine } from './release/image-lines.js';
import type { LatestMode } from './release/latest.js';
import { parseHostLocation, type HostLocation } from './packages/location.js';

export type ImageDriverName = 'docker';

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** Every input, parsed and checked once: nothing downstream reads raw inputs. */
export interface Config {
  readonly ref: string;
  readonly devBranch: string;
  readonly images: readonly ImageLine[];
  readonly imageDriver: ImageDriverName;
  readonly registry: string;
  readonly credentials: Credentials | undefined;
  readonly latest: LatestMode;
  readonly packagePatterns: readonly string[];
  readonly packageHost: HostLocation | undefined;
  readonly overwrite: boolean;
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
  const imageDriver = oneOf('image-driver', input('image-driver') || 'docker', ['docker'] as const);
  const registry = (input('registry') || 'docker.io').toLowerCase();
  if (!REGISTRY.test(registry)) {
    throw new UserError(
      'registry',
      `'${registry}' is not a registry host`,
      'write host[:port], e.g. docker.io',
    );
  }
  const credentials = readCredentials(input('registry-username'), input('registry-password'));
  const latest = oneOf('latest', input('latest') || 'auto', ['auto', 'true', 'false'] as const);
  const packagePatterns = lines(input('packages'));
  const hostValue = input('package-host').trim();
  const packageHost = hostValue
    ? parseHostLocation(hostValue, env.GITHUB_WORKSPACE || process.cwd())
    : undefined;
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
    credentials,
    latest,
    packagePatterns,
    packageHost,
    overwrite: boolean('overwrite', input('overwrite')),
    dryRun: boolean('dry-run', input('dry-run')),
  };
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
