import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './process.js';
import type { Credentials } from './registry.js';

/**
 * Runs skopeo with a throw-away HOME, runtime dir and (absent) auth file: it must neither read
 * credentials left in ~/.docker or $XDG_RUNTIME_DIR/containers nor write anything outside a temp dir,
 * so an anonymous call is really anonymous.
 */
async function skopeo(args: string[], ref: string, auth: Credentials | undefined): Promise<string> {
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
    const authArgs = ['--authfile', join(home, 'auth.json')];
    if (auth !== undefined) authArgs.push('--creds', `${auth.username}:${auth.password}`);
    // Loopback test registries speak plain HTTP.
    return await run('skopeo', [...args, ...authArgs, '--tls-verify=false', `docker://${ref}`], {
      env,
      secrets: auth === undefined ? [] : [auth.password],
    });
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** The manifest digest of `ref` ("127.0.0.1:PORT/ns/name:tag"), as an independent client sees it. */
export async function skopeoDigest(ref: string, auth?: Credentials): Promise<string> {
  return (await skopeo(['inspect', '--format', '{{.Digest}}'], ref, auth)).trim();
}

/** The tags of `repo` ("127.0.0.1:PORT/ns/name"); [] when the registry does not know the repository. */
export async function skopeoTags(repo: string, auth?: Credentials): Promise<string[]> {
  try {
    const output = JSON.parse(await skopeo(['list-tags'], repo, auth)) as { Tags?: string[] | null };
    return output.Tags ?? [];
  } catch (error) {
    // distribution 2.8 answers 404 NAME_UNKNOWN; skopeo 1.9 reports only the status code.
    if (error instanceof Error && /registry 404 \(Not Found\)|NAME_UNKNOWN/.test(error.message)) return [];
    throw error;
  }
}
