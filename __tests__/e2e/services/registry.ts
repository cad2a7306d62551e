import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Started } from './process.js';
import { PortNotBound, run, spawnDaemon, waitForDaemon } from './process.js';
import { freePort } from './ports.js';

export interface Credentials {
  username: string;
  password: string;
}

/** Docker Hub-style bearer tokens (`auth.token`): the registry trusts JWTs signed by the certificate's key. */
export interface TokenAuth {
  /** The token server's URL, which the registry's `WWW-Authenticate: Bearer realm=...` names. */
  realm: string;
  /** The `aud` the tokens must carry, and the `service` the registry names in its challenges. */
  service: string;
  /** The `iss` the tokens must carry. */
  issuer: string;
  /** The PEM certificate of the signing key (written as the registry's `rootcertbundle`). */
  certificatePem: string;
}

export interface RegistryOptions {
  htpasswd?: Credentials;
  token?: TokenAuth;
}

export interface Registry extends Started {
  /** "127.0.0.1:PORT" */
  address: string;
  dir: string;
  auth?: Credentials;
  token?: TokenAuth;
}

// Another process may take the port between freePort() and the registry's bind: retry then.
const START_ATTEMPTS = 3;

/** What goes under `auth:` in config.yml (the registry takes one scheme). */
type AuthConfig =
  | { kind: 'htpasswd'; file: string }
  | { kind: 'token'; token: TokenAuth; rootCertBundle: string }
  | undefined;

function configYaml(dir: string, address: string, auth: AuthConfig): string {
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
  if (auth?.kind === 'htpasswd') {
    lines.push('auth:', '  htpasswd:', '    realm: e2e', `    path: ${JSON.stringify(auth.file)}`);
  }
  if (auth?.kind === 'token') {
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${JSON.stringify(auth.token.realm)}`,
      `    service: ${JSON.stringify(auth.token.service)}`,
      `    issuer: ${JSON.stringify(auth.token.issuer)}`,
      `    rootcertbundle: ${JSON.stringify(auth.rootCertBundle)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function startOnce(dir: string, auth: AuthConfig): Promise<{ address: string } & Started> {
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const config = join(dir, 'config.yml');
  await writeFile(config, configYaml(dir, address, auth));
  const daemon = await spawnDaemon('docker-registry', ['serve', config], { dir, name: 'registry' });
  try {
    await waitForDaemon(
      daemon,
      async () => {
        const response = await fetch(`http://${address}/v2/`);
        return response.status === 200 || response.status === 401;
      },
      `docker-registry on ${address}`,
      { port },
    );
  } catch (error) {
    await daemon.stop();
    throw error;
  }
  return { address, pid: daemon.pid, stop: () => daemon.stop() };
}

/**
 * Starts docker-registry on a free loopback port with its storage in a temp dir: open to all, behind
 * htpasswd (Basic) auth, or trusting the bearer tokens of a token server (see token-server.ts).
 */
export async function startRegistry(options: RegistryOptions = {}): Promise<Registry> {
  if (options.htpasswd !== undefined && options.token !== undefined) {
    throw new Error('docker-registry takes one auth scheme: htpasswd or token, not both');
  }
  const dir = await mkdtemp(join(tmpdir(), 'registry-'));
  let auth: AuthConfig;
  try {
    if (options.htpasswd !== undefined) {
      const { username, password } = options.htpasswd;
      const file = join(dir, 'htpasswd');
      // -B: the registry accepts bcrypt entries only.
      const entry = await run('htpasswd', ['-Bbn', username, password], { secrets: [password] });
      await writeFile(file, entry);
      auth = { kind: 'htpasswd', file };
    }
    if (options.token !== undefined) {
      const rootCertBundle = join(dir, 'token-root.pem');
      await writeFile(rootCertBundle, options.token.certificatePem);
      auth = { kind: 'token', token: options.token, rootCertBundle };
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const started = await startOnce(dir, auth);
      let stopping: Promise<void> | undefined;
      const stop = async (): Promise<void> => {
        await started.stop();
        await rm(dir, { recursive: true, force: true });
      };
      const registry: Registry = { ...started, dir, stop: () => (stopping ??= stop()) };
      if (options.htpasswd !== undefined) registry.auth = { ...options.htpasswd };
      if (options.token !== undefined) registry.token = { ...options.token };
      return registry;
    } catch (error) {
      const portTaken =
        error instanceof PortNotBound ||
        (error instanceof Error && error.message.includes('address already in use'));
      if (!portTaken || attempt >= START_ATTEMPTS) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
}
