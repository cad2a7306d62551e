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

/**
 * True when the process `pid` itself holds a socket listening on `port` (IPv4, any local address).
 * A health check that answers on a port is no proof the daemon we started bound it: when another
 * server took the port first, ours fails to bind (or keeps retrying) while that one answers for it.
 */
export async function listensOn(pid: number, port: number): Promise<boolean> {
  const listeners = await listeningInodes(port);
  if (listeners.size === 0) return false;
  let fds: string[];
  try {
    fds = await readdir(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode !== undefined && listeners.has(inode)) return true;
  }
  return false;
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
