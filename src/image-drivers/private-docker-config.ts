import { readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes the docker client config the driver logs in with: the job's own (so logins it made for
 * mirrors still work), without `credsStore` and `credHelpers`. With either, `docker login` hands the
 * password to a credential helper — the OS keychain of a self-hosted runner — where it outlives the run;
 * without them it stays in this file, which the driver removes when it closes.
 */
export async function writePrivateDockerConfig(
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const own = join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json');
  let config: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(own, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      config = parsed as Record<string, unknown>;
    }
  } catch {
    // No config of the job's own (or one docker could not read either): start empty.
  }
  const { credsStore: _store, credHelpers: _helpers, ...kept } = config;
  await writeFile(join(dir, 'config.json'), JSON.stringify(kept), { mode: 0o600 });
}
