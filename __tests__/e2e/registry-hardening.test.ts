// RegistryClient against hostile or faulty registries: answers that point elsewhere (upload Locations,
// tag list Links, redirects), oversized answers, chunk sizes no one can hold. The real docker-registry
// sits behind the counting proxy, which bends its answers; a second server on another port (another
// origin) records what reached it. Needs the Debian packages docker-registry, apache2-utils and openssl.
import { randomBytes } from 'node:crypto';
import { lookup, type LookupAddress } from 'node:dns';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imagePortsFor } from '../../src/action/image-wiring.js';
import type { ImagePorts } from '../../src/action/ports.js';
import { registryHost } from '../../src/image-drivers/image-target.js';
import { RegistryClient, type RegistryClientOptions } from '../../src/registry/client.js';
import { http } from '../../src/registry/transport.js';
import { startFakeRegistry, type Answer, type FakeRegistry } from '../registry/fake-registry.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { configOf } from '../fixtures/config.js';
import { run } from './services/process.js';
import { exchangesOf, startProxy, type CountingProxy, type ProxyRules } from './services/proxy.js';
import { startRegistry, type Credentials, type Registry } from './services/registry.js';
import { streamOf, tinyImage, type TinyImage } from './services/tiny-image.js';

const user: Credentials = { username: 'hardening-user', password: 'hardening-Secret-61' };
const BASIC = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
const noSleep = async (): Promise<void> => undefined;
const MIB = 1024 * 1024;

/** A server on another origin that records what reached it and answers by `answer`. */
const elsewhere: FakeRegistry[] = [];
async function otherOrigin(
  answer: (request: { method: string; url: string }) => Answer,
): Promise<FakeRegistry> {
  const server = await startFakeRegistry(answer);
  elsewhere.push(server);
  return server;
}

describe('credentials go only to the origin they were issued for', () => {
  let registry: Registry | undefined;
  const proxies: CountingProxy[] = [];
  let image: TinyImage;
  const proxied = async (rules: ProxyRules): Promise<CountingProxy> => {
    if (!registry) throw new Error('registry did not start');
    const proxy = await startProxy(registry.address, rules);
    proxies.push(proxy);
    return proxy;
  };
  const client = (address: string, options: RegistryClientOptions = {}): RegistryClient =>
    new RegistryClient(address, user, { sleep: noSleep, ...options });

  beforeAll(async () => {
    registry = await startRegistry({ htpasswd: user });
    image = tinyImage('hardening fixture\n');
    const direct = client(registry.address);
    for (const blob of image.blobs)
      await direct.uploadBlob('e2e/fixture', blob.descriptor, async () => streamOf(blob.bytes));
    await direct.putManifest('e2e/fixture', 'v1', image.manifest);
  });

  afterAll(async () => {
    await Promise.all([...proxies, ...elsewhere].map((server) => server.stop()));
    await registry?.stop();
  });

  it('sends a blob to an upload Location on another origin without Authorization', async () => {
    const { layer } = image;
    const storage = await otherOrigin((request) =>
      request.method === 'PUT'
        ? { status: 201, headers: { 'docker-content-digest': layer.descriptor.digest } }
        : { status: 404 },
    );
    const proxy = await proxied({
      headers: (exchange, headers) => {
        if (exchange.method === 'POST' && exchange.status === 202) {
          headers.location = `http://${storage.address}/upload/session-1?_state=opaque`;
        }
      },
    });
    await client(proxy.address).uploadBlob('e2e/elsewhere', layer.descriptor, async () =>
      streamOf(layer.bytes),
    );
    expect(storage.received.map((r) => [r.method, r.bodyBytes, r.authorization])).toEqual([
      ['PUT', layer.bytes.length, undefined],
    ]);
    const started = exchangesOf(proxy, 'POST', /\/blobs\/uploads\/$/).filter((e) => e.status === 202);
    expect(started.map((e) => e.requestHeaders.authorization)).toEqual([BASIC]);
  });

  it('follows a tag list Link to another origin without Authorization', async () => {
    const other = await otherOrigin(() => ({ status: 200, body: '{"tags":["from-elsewhere"]}' }));
    const proxy = await proxied({
      headers: (exchange, headers) => {
        if (exchange.url.includes('/tags/list') && exchange.status === 200) {
          headers.link = `<http://${other.address}/v2/e2e/fixture/tags/list?last=v1>; rel="next"`;
        }
      },
    });
    expect(await client(proxy.address).listTags('e2e/fixture')).toEqual(['v1', 'from-elsewhere']);
    expect(other.received.map((r) => r.authorization)).toEqual([undefined]);
    const listed = exchangesOf(proxy, 'GET', /\/tags\/list$/).filter((e) => e.status === 200);
    expect(listed.map((e) => e.requestHeaders.authorization)).toEqual([BASIC]);
  });

  it('cancels a refused mount at a Location on another origin without Authorization', async () => {
    const other = await otherOrigin(() => ({ status: 204 }));
    const proxy = await proxied({
      answer: (exchange) =>
        exchange.method === 'POST' && exchange.url.includes('mount=') && exchange.requestHeaders.authorization
          ? { status: 202, headers: { location: `http://${other.address}/upload/session-2` } }
          : undefined,
    });
    const target = client(proxy.address);
    expect(await target.hasBlob('e2e/other', image.layer.descriptor.digest)).toBe(false);
    expect(await target.mountBlob('e2e/other', image.layer.descriptor.digest, 'e2e/fixture')).toBe(false);
    expect(other.received.map((r) => [r.method, r.authorization])).toEqual([['DELETE', undefined]]);
  });
});

/** A self-signed certificate for `name`, made by openssl (node:crypto makes no certificates). */
async function selfSigned(name: string): Promise<{ key: Buffer; cert: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'tls-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    const subject = ['-subj', `/CN=${name}`, '-days', '2'];
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      ...subject,
      '-keyout',
      key,
      '-out',
      cert,
    ]);
    return { key: await readFile(key), cert: await readFile(cert) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** got, resolving every name to loopback and trusting any certificate: a registry that is not on loopback. */
const anyNameOnLoopback = http.extend({
  https: { rejectUnauthorized: false },
  dnsLookup: ((_name: string, options: object, callback: (...args: unknown[]) => void) =>
    lookup(
      '127.0.0.1',
      options,
      callback as (error: Error | null, address: string | LookupAddress[]) => void,
    )) as typeof lookup,
});

describe('an https registry that sends the client to plain http', () => {
  let tls: Server | undefined;
  let address = '';
  let plain: FakeRegistry;
  const digest = `sha256:${'a'.repeat(64)}`;

  beforeAll(async () => {
    plain = await otherOrigin(() => ({ status: 200, body: 'in clear' }));
    const plainPort = plain.address.split(':')[1] ?? '';
    tls = createHttpsServer(await selfSigned('registry.test'), (request, response) => {
      request.resume();
      if (!request.headers.authorization) {
        response.writeHead(401, { 'www-authenticate': 'Basic realm="test"' }).end();
      } else if (request.url?.includes('/blobs/uploads/')) {
        response.writeHead(202, { location: `http://registry.test:${plainPort}/upload/session-3` }).end();
      } else {
        response.writeHead(307, { location: `http://registry.test:${plainPort}${request.url ?? '/'}` }).end();
      }
    });
    await new Promise<void>((resolve) => tls?.listen(0, '127.0.0.1', resolve));
    address = `registry.test:${(tls.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    tls?.closeAllConnections();
    await new Promise((resolve) => tls?.close(resolve));
  });

  const client = (): RegistryClient =>
    new RegistryClient(address, user, { http: anyNameOnLoopback, sleep: noSleep });

  it('refuses a redirect to http, and nothing reaches the plain http server', async () => {
    const error = await asyncUserErrorOf(client().openBlob('e2e/fixture', digest));
    expect(error.message).toContain('plain http');
    expect(error.message).not.toContain(user.password);
    expect(plain.received).toEqual([]);
  });

  it('refuses an upload Location on http, and nothing reaches the plain http server', async () => {
    const blob = tinyImage('downgrade\n').layer;
    const error = await asyncUserErrorOf(
      client().uploadBlob('e2e/fixture', blob.descriptor, async () => streamOf(blob.bytes)),
    );
    expect(error.message).toContain('plain http');
    expect(plain.received).toEqual([]);
  });
});

describe('registry-insecure', () => {
  // Names under .invalid never resolve: the error names the URL the client tried, scheme included.
  const ports = (): Promise<ImagePorts> =>
    imagePortsFor(
      configOf({ insecure: true, imageDriver: 'registry', registry: registryHost('target.invalid:5000') }),
      captureLogger(),
      () => undefined,
      tmpdir(),
    );

  it('lets the target registry speak plain http', async () => {
    const error = await asyncUserErrorOf((await ports()).registry.listTags('falcosecurity/falco'));
    expect(error.message).toContain('cannot reach http://target.invalid:5000');
  });

  it('leaves mirrors (and every other registry) on https', async () => {
    const mirror = (await ports()).mirror('mirror.invalid:5000');
    const error = await asyncUserErrorOf(mirror.listTags('falcosecurity/falco'));
    expect(error.message).toContain('cannot reach https://mirror.invalid:5000');
  });
});

describe('a registry slow to complete an upload, and one that stalls', () => {
  let registry: Registry | undefined;
  const proxies: CountingProxy[] = [];
  // A second's silence is the limit here (a minute in the action): only completing an upload gets longer.
  const impatient = http.extend({ timeout: { socket: 500, response: 500 } });
  const client = (address: string): RegistryClient =>
    new RegistryClient(address, user, { http: impatient, sleep: noSleep, retries: 1 });
  const slowToComplete = async (extra: ProxyRules = {}): Promise<CountingProxy> => {
    if (!registry) throw new Error('registry did not start');
    const proxy = await startProxy(registry.address, {
      ...extra,
      delay: (exchange) => (exchange.method === 'PUT' && exchange.url.includes('digest=') ? 1500 : undefined),
    });
    proxies.push(proxy);
    return proxy;
  };

  beforeAll(async () => {
    registry = await startRegistry({ htpasswd: user });
  });

  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    await registry?.stop();
  });

  it('waits for the answer to a blob sent in one PUT', async () => {
    const proxy = await slowToComplete();
    const { layer } = tinyImage(randomBytes(MIB));
    await client(proxy.address).uploadBlob('e2e/slow', layer.descriptor, async () => streamOf(layer.bytes));
    expect(exchangesOf(proxy, 'PUT', /\/blobs\/uploads\//).map((e) => e.status)).toEqual([201]);
  });

  it('waits for the answer to the PUT that closes a chunked upload', async () => {
    const proxy = await slowToComplete({
      headers: (exchange, headers) => {
        if (exchange.method === 'POST') headers['oci-chunk-min-length'] = String(MIB);
      },
    });
    const { layer } = tinyImage(randomBytes(3 * MIB));
    await client(proxy.address).uploadBlob('e2e/slow', layer.descriptor, async () => streamOf(layer.bytes));
    expect(exchangesOf(proxy, 'PATCH', /\/blobs\/uploads\//)).toHaveLength(1);
    expect(exchangesOf(proxy, 'PUT', /\/blobs\/uploads\//).map((e) => e.status)).toEqual([201]);
  });

  it('still fails a connection on which the blob stops moving', async () => {
    // Takes the session, then reads no more of the blob and never answers: the sockets' buffers fill.
    const stalled = createHttpServer((request, response) => {
      if (request.method === 'PUT') return request.pause();
      request.resume();
      response.writeHead(202, { location: '/v2/e2e/stalled/blobs/uploads/s1' }).end();
    });
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    try {
      const { layer } = tinyImage(randomBytes(64 * MIB));
      const address = `127.0.0.1:${(stalled.address() as AddressInfo).port}`;
      const error = await asyncUserErrorOf(
        client(address).uploadBlob('e2e/stalled', layer.descriptor, async () => streamOf(layer.bytes)),
      );
      expect(error.message).toContain('ETIMEDOUT');
    } finally {
      stalled.closeAllConnections();
      await new Promise((resolve) => stalled.close(resolve));
    }
  });
});
