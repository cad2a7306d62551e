import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Asks the kernel for a free loopback port by binding port 0, then releases it for the daemon.
 * There is a small window in which another process could take the port; callers that start a
 * daemon on it retry when the daemon reports the address as in use.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error(`unexpected listening address: ${String(address)}`));
        return;
      }
      const { port } = address;
      server.close(() => resolve(port));
    });
  });
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
