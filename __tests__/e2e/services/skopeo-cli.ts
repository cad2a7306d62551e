import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './process.js';
import type { Credentials } from './registry.js';

/** A throw-away HOME, runtime dir and absent auth file for skopeo (made apart, so benchmarks time skopeo alone). */
export interface SkopeoHome {
  readonly env: NodeJS.ProcessEnv;
  readonly authArgs: readonly string[];
  remove(): Promise<void>;
}

export async function skopeoHome(): Promise<SkopeoHome> {
  const home = await mkdtemp(join(tmpdir(), 'skopeo-bench-'));
  const runtime = join(home, 'run');
  await mkdir(runtime, { mode: 0o700 });
  return {
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: home,
      TMPDIR: home,
      XDG_RUNTIME_DIR: runtime,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
    },
    authArgs: ['--authfile', join(home, 'auth.json')],
    remove: () => rm(home, { recursive: true, force: true }),
  };
}

/**
 * Runs any skopeo command in a throw-away HOME and runtime dir with an absent auth file: it reads no
 * credentials left in ~/.docker or $XDG_RUNTIME_DIR/containers, so an anonymous call is really
 * anonymous. (Run as root, skopeo still keeps its blob-location cache in /var/lib/containers/cache.)
 */
export async function skopeo(args: string[], secrets: (Credentials | undefined)[]): Promise<string> {
  const home = await skopeoHome();
  try {
    const [command = '', ...rest] = args;
    return await run('skopeo', [command, ...home.authArgs, ...rest], {
      env: home.env,
      secrets: secrets.flatMap((s) => (s ? [s.password] : [])),
    });
  } finally {
    await home.remove();
  }
}

function creds(flag: string, auth: Credentials | undefined): string[] {
  return auth ? [flag, `${auth.username}:${auth.password}`] : [];
}

/** The manifest of `ref` ("127.0.0.1:PORT/ns/name:tag") exactly as the registry serves it. */
export async function skopeoRawManifest(ref: string, auth?: Credentials): Promise<Buffer> {
  const raw = await skopeo(
    ['inspect', '--raw', '--tls-verify=false', ...creds('--creds', auth), `docker://${ref}`],
    [auth],
  );
  return Buffer.from(raw, 'utf8');
}

/** The image config of `ref` (of the linux/amd64 image for an index), as skopeo reads it. */
export async function skopeoConfig(ref: string, auth?: Credentials): Promise<Record<string, unknown>> {
  const out = await skopeo(
    ['inspect', '--config', '--tls-verify=false', ...creds('--creds', auth), `docker://${ref}`],
    [auth],
  );
  return JSON.parse(out) as Record<string, unknown>;
}

export interface CopyOptions {
  srcAuth?: Credentials;
  destAuth?: Credentials;
  /** Every image of an index, not only the one of this platform. */
  all?: boolean;
  /** `v2s2` converts to Docker schema 2 media types. */
  format?: 'oci' | 'v2s2';
}

/** `skopeo copy` between transports (`docker://…`, `oci:DIR:TAG`); skopeo checks every digest it moves. */
export async function skopeoCopy(from: string, to: string, options: CopyOptions = {}): Promise<void> {
  await skopeo(
    [
      'copy',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      ...creds('--src-creds', options.srcAuth),
      ...creds('--dest-creds', options.destAuth),
      ...(options.all ? ['--all'] : []),
      ...(options.format ? ['--format', options.format] : []),
      from,
      to,
    ],
    [options.srcAuth, options.destAuth],
  );
}
