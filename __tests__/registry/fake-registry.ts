import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake registry got: method, path and query, headers, and the body's size. */
export interface Received {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly bodyBytes: number;
}

/** What the fake answers: a status, headers, a body; or 'reset' to drop the connection. */
export type Answer = { status: number; headers?: Record<string, string>; body?: string } | 'reset';

export interface FakeRegistry {
  /** `127.0.0.1:PORT`: a loopback registry, so the client speaks plain http to it. */
  readonly address: string;
  readonly received: Received[];
  stop(): Promise<void>;
}

/**
 * A registry in this process that answers by `answer` (after reading each request's body), for the
 * exchanges docker-registry will not produce on demand: echoed credentials, refusals, dropped sockets.
 */
export async function startFakeRegistry(
  answer: (request: Received, address: string) => Answer,
): Promise<FakeRegistry> {
  const received: Received[] = [];
  let address = '';
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let bodyBytes = 0;
    request.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    request.on('end', () => {
      const got: Received = {
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        authorization: request.headers.authorization,
        bodyBytes,
      };
      received.push(got);
      const reply = answer(got, address);
      if (reply === 'reset') {
        request.socket.destroy();
        return;
      }
      response.writeHead(reply.status, reply.headers ?? {});
      response.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    address,
    received,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
