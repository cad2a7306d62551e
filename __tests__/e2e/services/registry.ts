import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Started } from './process.js';
import { run, spawnDaemon, waitForDaemon } from './process.js';
import { freePort } from './ports.js';

export interface Credentials {
  username: string;
  password: string;
}

export interface Registry extends Started {
  /** "127.0.0.1:PORT" */
  address: string;
  dir: string;
  auth?: Credentials;
}

// Another process may take the port between freePort() and the registry's bind: retry then.
const START_ATTEMPTS = 3;

function configYaml(dir: string, address: string, htpasswdFile: string | undefined): string {
  // JSON strings are valid YAML scalars, so paths need no further quoting.
  const lines = [
    'version: 0.1',
    'log:',
    '  level: info',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(join(dir, 'data'))}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${JSON.stringify(address)}`,
  ];
  if (htpasswdFile !== undefined) {
    lines.push('auth:', '  htpasswd:', '    realm: e2e', `    path: ${JSON.stringify(htpasswdFile)}`);
  }
  return `${lines.join('\n')}\n`;
}

async function startOnce(
  dir: string,
  htpasswdFile: string | undefined,
): Promise<{ address: string } & Started> {
  const address = `127.0.0.1:${await freePort()}`;
  const config = join(dir, 'config.yml');
  await writeFile(config, configYaml(dir, address, htpasswdFile));
  const daemon = await spawnDaemon('docker-registry', ['serve', config], { dir, name: 'registry' });
  try {
    await waitForDaemon(
      daemon,
      async () => {
        const response = await fetch(`http://${address}/v2/`);
        return response.status === 200 || response.status === 401;
      },
      `docker-registry on ${address}`,
    );
  } catch (error) {
    await daemon.stop();
    throw error;
  }
  return { address, pid: daemon.pid, stop: () => daemon.stop() };
}

export async function startRegistry(options: { htpasswd?: Credentials } = {}): Promise<Registry> {
  const dir = await mkdtemp(join(tmpdir(), 'registry-'));
  let htpasswdFile: string | undefined;
  if (options.htpasswd !== undefined) {
    const { username, password } = options.htpasswd;
    htpasswdFile = join(dir, 'htpasswd');
    // -B: the registry accepts bcrypt entries only.
    const entry = await run('htpasswd', ['-Bbn', username, password], { secrets: [password] });
    await writeFile(htpasswdFile, entry);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const started = await startOnce(dir, htpasswdFile);
      let stopping: Promise<void> | undefined;
      const stop = async (): Promise<void> => {
        await started.stop();
        await rm(dir, { recursive: true, force: true });
      };
      const registry: Registry = { ...started, dir, stop: () => (stopping ??= stop()) };
      if (options.htpasswd !== undefined) registry.auth = { ...options.htpasswd };
      return registry;
    } catch (error) {
      const portTaken = error instanceof Error && error.message.includes('address already in use');
      if (!portTaken || attempt >= START_ATTEMPTS) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
}
