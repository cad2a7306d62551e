import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './process.js';
import type { Credentials } from './registry.js';

/**
 * Runs any skopeo command in a throw-away HOME and runtime dir with an absent auth file, like
 * skopeo.ts does for inspect: nothing is read from or written to the machine's container config.
 */
async function skopeo(args: string[], secrets: (Credentials | undefined)[]): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'skopeo-'));
  try {
    const runtime = join(home, 'run');
    await mkdir(runtime, { mode: 0o700 });
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: home,
      TMPDIR: home,
      XDG_RUNTIME_DIR: runtime,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
    };
    const [command = '', ...rest] = args;
    return await run('skopeo', [command, '--authfile', join(home, 'auth.json'), ...rest], {
      env,
      secrets: secrets.flatMap((s) => (s ? [s.password] : [])),
    });
  } finally {
    await rm(home, { recursive: true, force: true });
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
