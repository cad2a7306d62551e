// The test services' ports: a server started for a test is ready only once it listens on its own port,
// not when some other server answers there (another file's Swift, started at the same moment).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts, portListeners, waitFor } from './services/ports.js';
import { PortNotBound, spawnDaemon, waitForDaemon, type Daemon } from './services/process.js';

let dir: string;
const daemons: Daemon[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'service-ports-'));
});
afterAll(async () => {
  await Promise.all(daemons.map((daemon) => daemon.stop()));
  await rm(dir, { recursive: true, force: true });
});

function listen(port: number, reusePort = false): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.end());
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1', reusePort }, () => resolve(server));
  });
}

const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

/** A node process that listens on `port` (with SO_REUSEPORT, as Swift's servers do) when given one. */
async function nodeDaemon(name: string, port?: number): Promise<Daemon> {
  const program =
    port === undefined
      ? 'setInterval(() => {}, 1000)'
      : `require('node:net').createServer().listen({ port: ${port}, host: '127.0.0.1', reusePort: true })`;
  const daemon = await spawnDaemon(process.execPath, ['-e', program], { dir, name });
  daemons.push(daemon);
  return daemon;
}

describe('ports of the test services', () => {
  it('hands out distinct ports when asked for several at once', async () => {
    const ports = await freePorts(16);
    expect(new Set(ports).size).toBe(16);
    for (const port of ports) expect(port).toBeGreaterThan(0);
  });

  it('tells who listens on a port: the process alone, it and another, others, nobody', async () => {
    const [port = 0] = await freePorts(1);
    expect(await portListeners(process.pid, port)).toBe('nobody');
    const server = await listen(port, true);
    expect(await portListeners(process.pid, port)).toBe('only-it');
    const other = await nodeDaemon('other');
    expect(await portListeners(other.pid, port)).toBe('others');
    const sharing = await nodeDaemon('sharing', port);
    await waitFor(async () => (await portListeners(sharing.pid, port)) !== 'others', 'the second listener');
    expect(await portListeners(process.pid, port)).toBe('it-and-others');
    await sharing.stop();
    expect(await portListeners(process.pid, port)).toBe('only-it');
    await close(server);
    expect(await portListeners(process.pid, port)).toBe('nobody');
  });

  it('a daemon that listens on its port is ready', async () => {
    const [port = 0] = await freePorts(1);
    const daemon = await nodeDaemon('binds', port);
    await waitForDaemon(daemon, () => Promise.resolve(true), 'the daemon that binds', { port });
    expect(await portListeners(daemon.pid, port)).toBe('only-it');
  });

  it('a daemon whose port another server answers on is not ready, and says so', async () => {
    const [port = 0] = await freePorts(1);
    const squatter = await listen(port);
    try {
      const daemon = await nodeDaemon('never-binds');
      // The check alone would pass: something answers on the port.
      const wait = waitForDaemon(daemon, () => Promise.resolve(true), 'the daemon that never binds', {
        port,
        timeoutMs: 1500,
      });
      await expect(wait).rejects.toBeInstanceOf(PortNotBound);
      await expect(wait).rejects.toThrow(`never listened on port ${port}`);
    } finally {
      await close(squatter);
    }
  });

  it('a daemon that shares its port with another server (SO_REUSEPORT) is not ready, and says so', async () => {
    const [port = 0] = await freePorts(1);
    const earlier = await listen(port, true);
    try {
      const daemon = await nodeDaemon('shares', port);
      const wait = waitForDaemon(daemon, () => Promise.resolve(true), 'the daemon that shares', { port });
      await expect(wait).rejects.toBeInstanceOf(PortNotBound);
      await expect(wait).rejects.toThrow(`another process listens on port ${port} too`);
    } finally {
      await close(earlier);
    }
  });
});
