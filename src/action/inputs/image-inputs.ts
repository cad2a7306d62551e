import { isAbsolute, resolve } from 'node:path';
import { LAYOUT_PREFIX, type ImageTarget } from '../../image-drivers/image-target.js';
import { parseSource } from '../../image-drivers/source-spec.js';
import type { RegistryCredentials } from '../../registry/auth.js';
import { UserError } from '../../util/errors.js';
import { parseImageLines, type ImageLine } from '../release/image-lines.js';
import { boolean, lines, oneOf, type InputReader } from './input-values.js';

export type ImageDriverName = 'docker' | 'registry';

/** The image inputs, checked together: the target decides which mirrors and credentials make sense. */
export interface ImageInputs {
  readonly images: readonly ImageLine[];
  readonly imageDriver: ImageDriverName;
  /** A registry host, or (registry driver) an OCI layout directory, made absolute. */
  readonly registry: ImageTarget;
  /** Registries that get every tag too (registry host names). */
  readonly mirrors: readonly string[];
  /** Allow plain http to registries that are not on loopback. */
  readonly insecure: boolean;
  readonly credentials: RegistryCredentials | undefined;
}

const REGISTRY =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:]+\])(?::\d{1,5})?$/;

export function readImageInputs(input: InputReader, workspace: string): ImageInputs {
  const images = parseImageLines(input('images'));
  const imageDriver = oneOf('image-driver', input('image-driver') || 'docker', [
    'docker',
    'registry',
  ] as const);
  const registry = readRegistry(input('registry') || 'docker.io', imageDriver, workspace);
  const mirrors = readMirrors(lines(input('mirror-registries')), registry);
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
  const insecure = boolean('registry-insecure', input('registry-insecure'));
  return { images, imageDriver, registry, mirrors, insecure, credentials };
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

/** One registry host per line, none of them the registry itself, and only beside a registry. */
function readMirrors(given: readonly string[], registry: ImageTarget): string[] {
  const mirrors = given.map((mirror) => {
    const host = mirror.toLowerCase();
    if (!REGISTRY.test(host)) {
      throw new UserError(
        'mirror-registries',
        `'${mirror}' is not a registry host`,
        'write one host[:port] per line, e.g. public.ecr.aws',
      );
    }
    if (registry.kind === 'registry' && host === registry.host) {
      throw new UserError(
        'mirror-registries',
        `'${mirror}' is the registry itself`,
        'list only other registries',
      );
    }
    return host;
  });
  if (mirrors.length > 0 && registry.kind === 'oci-layout') {
    throw new UserError(
      'mirror-registries',
      'cannot mirror an OCI layout',
      'set registry to a registry host, or remove mirror-registries',
    );
  }
  return mirrors;
}

function readCredentials(username: string, password: string): RegistryCredentials | undefined {
  if (!username && !password) return undefined;
  if (!username)
    throw new UserError('registry-username', 'is empty but registry-password is set', 'set both or neither');
  if (!password)
    throw new UserError('registry-password', 'is empty but registry-username is set', 'set both or neither');
  return { username, password };
}
