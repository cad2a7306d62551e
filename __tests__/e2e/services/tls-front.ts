import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:tls';
import { run } from './process.js';

/** A TLS endpoint in front of a plain one, as a registry behind a load balancer that ends TLS. */
export interface TlsFront {
  /** "ADDRESS:PORT" on the machine's non-loopback address: a client speaks https to it. */
  readonly address: string;
  /** The self-signed certificate, for NODE_EXTRA_CA_CERTS. */
  readonly certificateFile: string;
  stop(): Promise<void>;
}

/** The machine's first non-loopback IPv4 address: clients use https to a registry there, not http. */
export function nonLoopbackAddress(): string {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal);
  if (found === undefined) throw new Error('this machine has no non-loopback IPv4 address to serve TLS on');
  return found.address;
}

/** Ends TLS on `ip` (a certificate made for it by openssl) and passes the bytes on to `upstream` ("HOST:PORT"). */
export async function startTlsFront(upstream: string, ip: string): Promise<TlsFront> {
  const dir = await mkdtemp(join(tmpdir(), 'tls-front-'));
  const keyFile = join(dir, 'key.pem');
  const certificateFile = join(dir, 'cert.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${ip}`,
    '-addext',
    `subjectAltName=IP:${ip}`,
    '-keyout',
    keyFile,
    '-out',
    certificateFile,
  ]);
  const [host, port] = upstream.split(':');
  const sockets = new Set<Socket>();
  const server = createServer(
    { key: await readFile(keyFile), cert: await readFile(certificateFile) },
    (client) => {
      const plain = connect(Number(port), host);
      for (const socket of [client, plain]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      }
      client.on('error', () => plain.destroy());
      plain.on('error', () => client.destroy());
      client.pipe(plain).pipe(client);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, ip, resolve));
  const { port: own } = server.address() as AddressInfo;
  return {
    address: `${ip}:${own}`,
    certificateFile,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
