import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpHost } from '../../src/hosts/http-host.js';
import { openPackageHost } from '../../src/hosts/open-host.js';
import { HttpStore } from '../../src/stores/http-store.js';
import { UserError } from '../../src/util/errors.js';
import {
  startFakeHttpServer,
  type FakeHttpOptions,
  type FakeHttpServer,
} from '../stores/fake-http-server.js';

const sha256 = (bytes: string): string => createHash('sha256').update(bytes).digest('hex');
let servers: FakeHttpServer[] = [];
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'http-host-unit-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});
afterEach(async () => {
  for (const server of servers) await server.stop();
  servers = [];
});

async function serve(
  options: FakeHttpOptions,
  serialized = false,
): Promise<{ server: FakeHttpServer; host: HttpHost }> {
  const server = await startFakeHttpServer({ listing: 'propfind', ...options });
  servers.push(server);
  const store = new HttpStore({
    baseUrl: `${server.origin}/falco/`,
    credentialInputs: 'package-host-username / package-host-password',
    retry: { limit: 1, baseMs: 1, maxMs: 2 },
  });
  return { server, host: new HttpHost(store, serialized) };
}

describe('HttpHost', () => {
  it('keeps indexes without serialized on a server that honours conditional writes, and creates packages with If-None-Match', async () => {
    const { server, host } = await serve({ conditional: true });
    await host.check();
    expect(host.repositoryStore().conditional).toBe(true);
    const file = join(scratch, 'falco.deb');
    await writeFile(file, 'deb');
    await host.put('deb/stable/falco.deb', file, { sha256: sha256('deb'), replace: false });
    const put = server.received.find((r) => r.method === 'PUT' && r.url.endsWith('falco.deb'));
    expect(put?.headers['if-none-match']).toBe('*');
    expect(put?.headers['x-checksum-sha256']).toBe(sha256('deb'));
  });

  it('refuses a server that ignores conditional writes unless serialized, leaving no probe behind', async () => {
    const { server, host } = await serve({});
    const error = await host.check().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain('does not support conditional writes');
    const { host: serialized } = await serve({}, true);
    await serialized.check();
    expect(serialized.repositoryStore().conditional).toBe(false);
    expect(server.files.size).toBe(0);
  });

  it('refuses, in the check, a server whose folders cannot be listed', async () => {
    const { host } = await serve({ listing: 'none' }, true);
    await expect(host.check()).rejects.toThrow('lists no folders the action can read');
  });

  it('knows what is published from the checksum header, else from the size, downloading only a file of the same size', async () => {
    const { server, host } = await serve({ checksumHeaders: true });
    server.files.set('/falco/rpm/a.rpm', { bytes: Buffer.from('rpm a'), etag: '"1"', modified: new Date() });
    expect(await host.existing('rpm/a.rpm', { size: 5 })).toBe(sha256('rpm a'));
    expect(server.received.filter((r) => r.method === 'GET')).toEqual([]);

    const { server: plain, host: plainHost } = await serve({});
    plain.files.set('/falco/rpm/a.rpm', { bytes: Buffer.from('rpm a'), etag: '"1"', modified: new Date() });
    expect(await plainHost.existing('rpm/a.rpm', { size: 9 })).toBe('size 5');
    expect(plain.received.filter((r) => r.method === 'GET')).toEqual([]);
    expect(await plainHost.existing('rpm/a.rpm', { size: 5 })).toBe(sha256('rpm a'));
    expect(await plainHost.existing('rpm/a.rpm')).toBe(sha256('rpm a'));
    expect(plain.received.filter((r) => r.method === 'GET')).toHaveLength(2);
    expect(await plainHost.existing('rpm/missing.rpm', { size: 5 })).toBeUndefined();
  });

  it('is what openPackageHost opens for an http(s) location, with the credentials as Basic or Bearer', async () => {
    const basic = `Basic ${Buffer.from('deployer:pw').toString('base64')}`;
    for (const [credentials, authorization] of [
      [{ kind: 'basic', username: 'deployer', password: 'pw' }, basic],
      [{ kind: 'bearer', token: 't0ken' }, 'Bearer t0ken'],
    ] as const) {
      const server = await startFakeHttpServer({ authorization, listing: 'propfind', conditional: true });
      servers.push(server);
      const host = await openPackageHost(
        { kind: 'http', url: `${server.origin}/falco/` },
        {
          s3Endpoint: undefined,
          s3Region: undefined,
          serialized: false,
          packageHostCredentials: credentials,
        },
      );
      expect(host.description).toBe(`${server.origin}/falco/`);
      await host.check?.();
      expect(
        server.received
          .filter((r) => r.method === 'PUT')
          .every((r) => r.headers.authorization === authorization),
      ).toBe(true);
    }
  });
});
