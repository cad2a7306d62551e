import { readFile, readdir, readlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Asks the kernel for a free loopback port by binding port 0, then releases it for the daemon.
 * There is a small window in which another process could take the port; callers that start a
 * daemon on it retry when the daemon reports the address as in use.
 */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  if (port === undefined) throw new Error('no free port');
  return port;
}

/**
 * `count` distinct free loopback ports. They are held open together before they are released: ports
 * asked for one after another may be the same one, handed out again as soon as it was let go.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      ports.push(await listenOnAnyPort(server));
    }
    return ports;
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

function listenOnAnyPort(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error(`unexpected listening address: ${String(address)}`));
        return;
      }
      resolve(address.port);
    });
  });
}

/** Who listens on a port, seen from one process: only it, it and another, only others, nobody. */
export type PortListeners = 'only-it' | 'it-and-others' | 'others' | 'nobody';

/**
 * Who listens on `port` (IPv4, any local address), seen from the process `pid`. A health check that
 * answers on a port is no proof the daemon we started bound it: when another server took the port
 * first, ours fails to bind (or keeps retrying) while that one answers for it. And a server that sets
 * SO_REUSEPORT (eventlet's listen does, so every Swift server) binds a port another such server of the
 * same user holds: both listen, and the kernel spreads the connections between them.
 */
export async function portListeners(pid: number, port: number): Promise<PortListeners> {
  const listeners = await listeningInodes(port);
  if (listeners.size === 0) return 'nobody';
  const own = await socketInodesOf(pid);
  const mine = [...listeners].filter((inode) => own.has(inode)).length;
  if (mine === 0) return 'others';
  return mine === listeners.size ? 'only-it' : 'it-and-others';
}

async function socketInodesOf(pid: number): Promise<Set<string>> {
  const inodes = new Set<string>();
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
  for (const fd of fds) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode !== undefined) inodes.add(inode);
  }
  return inodes;
}

/** The inodes of the sockets in state LISTEN on `port`, from the kernel's table (/proc/net/tcp). */
async function listeningInodes(port: number): Promise<Set<string>> {
  const LISTEN = '0A';
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  const table = await readFile('/proc/net/tcp', 'utf8');
  const inodes = new Set<string>();
  // Columns: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [, local, , state, , , , , , inode] = fields;
    if (local?.endsWith(`:${portHex}`) && state === LISTEN && inode !== undefined) inodes.add(inode);
  }
  return inodes;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Polls `check` until it returns true. A check that throws counts as "not ready yet" (a daemon
 * refuses connections while it starts); the last such error is kept so a timeout explains itself.
 */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError === undefined ? '' : ` (last error: ${describe(lastError)})`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await sleep(100);
  }
}
