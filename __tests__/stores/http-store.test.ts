import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { HttpStore } from '../../src/stores/http-store.js';
import { PreconditionFailed, WriteOutcomeUnknown } from '../../src/stores/object-store.js';
import { UserError } from '../../src/util/errors.js';
import { startFakeHttpServer, type FakeHttpOptions, type FakeHttpServer } from './fake-http-server.js';

const TOKEN = 'Bearer tok-9f3a-secret';
const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');
let servers: FakeHttpServer[] = [];
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'http-store-unit-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});
afterEach(async () => {
  for (const server of servers) await server.stop();
  servers = [];
});

async function serve(options: FakeHttpOptions = {}): Promise<{ server: FakeHttpServer; store: HttpStore }> {
  const server = await startFakeHttpServer({ authorization: TOKEN, ...options });
  servers.push(server);
  const store = new HttpStore({
    baseUrl: `${server.origin}/repo/`,
    authorization: TOKEN,
    credentialInputs: 'package-host-token',
    retry: { limit: 2, baseMs: 1, maxMs: 5 },
  });
  return { server, store };
}

async function localFile(name: string, content: string): Promise<{ file: string; size: number }> {
  const file = join(scratch, name);
  await writeFile(file, content);
  return { file, size: Buffer.byteLength(content) };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('HttpStore', () => {
  it('writes, reads and deletes files under the base URL, each path segment percent-encoded', async () => {
    const { server, store } = await serve();
    const key = 'deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb';
    const etag = await store.put(key, Buffer.from('package bytes'), { contentType: 'application/x-deb' });
    const put = server.received.find((request) => request.method === 'PUT');
    expect(put?.url).toBe('/repo/deb-dev/stable/falco-0.27.0-12%2Babc1234-x86_64.deb');
    expect(put?.headers['content-length']).toBe('13');
    expect(put?.headers['x-checksum-sha256']).toBe(sha256('package bytes'));
    expect(put?.headers.authorization).toBe(TOKEN);
    expect((await store.head(key))?.etag).toBe(etag);
    expect((await store.get(key))?.bytes.toString()).toBe('package bytes');
    expect(await store.head('deb/missing.deb')).toBeUndefined();
    expect(await store.get('deb/missing.deb')).toBeUndefined();
    await store.delete(key);
    await store.delete(key);
    expect(server.files.size).toBe(0);
    expect(() => store.urlOf('deb/../secret')).toThrow('is not a key inside');
  });

  it('reads the sha256 a checksum-keeping server gives as the sha256 metadata', async () => {
    const { store } = await serve({ checksumHeaders: true });
    await store.put('rpm/falco.rpm', Buffer.from('rpm'));
    expect((await store.head('rpm/falco.rpm'))?.metadata).toEqual({ sha256: sha256('rpm') });
    const { store: plain } = await serve();
    await plain.put('rpm/falco.rpm', Buffer.from('rpm'));
    expect((await plain.head('rpm/falco.rpm'))?.metadata).toEqual({});
  });

  it('sends conditions, and a lost one is PreconditionFailed, on a server that honours them', async () => {
    const { store } = await serve({ conditional: true });
    const first = await store.put('deb/dists/stable/Release', Buffer.from('one'), { ifNoneMatch: true });
    const refused = await failure(
      store.put('deb/dists/stable/Release', Buffer.from('two'), { ifNoneMatch: true }),
    );
    expect(refused).toBeInstanceOf(PreconditionFailed);
    const second = await store.put('deb/dists/stable/Release', Buffer.from('two'), { ifMatch: first });
    const stale = await failure(
      store.put('deb/dists/stable/Release', Buffer.from('three'), { ifMatch: first }),
    );
    expect(stale).toBeInstanceOf(PreconditionFailed);
    expect((await store.head('deb/dists/stable/Release'))?.etag).toBe(second);
  });

  it('a conditional write that meets a 5xx or a reset is sent once and its outcome unknown', async () => {
    for (const fault of [500, 'reset'] as const) {
      const { server, store } = await serve({
        conditional: true,
        fault: (request) => (request.method === 'PUT' ? fault : undefined),
      });
      const error = await failure(store.put('rpm/repodata/repomd.xml', Buffer.from('x'), { ifMatch: '"e"' }));
      expect(error, String(fault)).toBeInstanceOf(WriteOutcomeUnknown);
      expect(server.received.filter((request) => request.method === 'PUT')).toHaveLength(1);
    }
  });

  it('retries a plain write through a burst of 503s and resets, sending the whole file each time', async () => {
    const { server, store } = await serve({
      fault: (request, earlier) => {
        const puts = earlier.filter((e) => e.method === 'PUT' && !e.aborted).length;
        if (request.method !== 'PUT' || request.url.includes('.falco-publisher')) return undefined;
        return puts === 1 ? 503 : puts === 2 ? 'reset' : undefined;
      },
    });
    const body = await localFile('burst.deb', 'x'.repeat(50_000));
    await store.put('deb/stable/burst.deb', body, { metadata: { sha256: sha256('x'.repeat(50_000)) } });
    const puts = server.received.filter((r) => r.method === 'PUT' && r.url.endsWith('burst.deb'));
    expect(puts.map((r) => r.bodyBytes)).toEqual([50_000, 50_000, 50_000]);
    expect(server.files.get('/repo/deb/stable/burst.deb')?.bytes.length).toBe(50_000);
  });

  it('a server that keeps failing is one UserError naming the URL and the attempts, never the token', async () => {
    const { store, server } = await serve({ fault: () => 503 });
    const error = await failure(store.put('bin/x86_64/f.tar.gz', Buffer.from('t')));
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain(
      `PUT ${server.origin}/repo/bin/x86_64/f.tar.gz failed: the server answered 503, 3 times`,
    );
    expect(String(error)).not.toContain('tok-9f3a');
    const { store: gone } = await serve({ fault: () => 'reset' });
    const reset = await failure(gone.head('bin/x86_64/f.tar.gz'));
    expect(String(reset)).toMatch(/HEAD \S+ got no answer: ECONNRESET \(3 attempts\)/);
  });

  it('401 and 403 are UserErrors naming the credential inputs; a redirect is not followed', async () => {
    const { server } = await serve();
    const wrong = new HttpStore({
      baseUrl: `${server.origin}/repo/`,
      authorization: 'Bearer not-it',
      credentialInputs: 'package-host-token',
    });
    const refused = await failure(wrong.put('deb/x.deb', Buffer.from('x')));
    expect(refused).toBeInstanceOf(UserError);
    expect(String(refused)).toContain('refused the credentials (401 on PUT');
    expect(String(refused)).toContain('check package-host-token');
    expect(String(refused)).not.toContain('not-it');

    const { store: denied } = await serve({ fault: () => 403 });
    expect(String(await failure(denied.put('deb/x.deb', Buffer.from('x'))))).toMatch(
      /denied PUT \S+ \(403\) — let the account of package-host-token/,
    );
    const { store: moved, server: movedServer } = await serve({ fault: () => 301 });
    expect(String(await failure(moved.get('deb/x.deb')))).toContain('was redirected (301)');
    expect(movedServer.received).toHaveLength(1);
  });

  it('deploys by checksum on a server that knows it: asked once, no body for bytes it holds', async () => {
    const { server, store } = await serve({ checksumDeploy: true });
    const first = await localFile('a.deb', 'the package');
    const sha = sha256('the package');
    await store.put('deb/stable/a.deb', first, { metadata: { sha256: sha } });
    await store.put('deb-dev/stable/a.deb', first, { metadata: { sha256: sha } });
    const puts = server.received.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => [r.url, r.headers['x-checksum-deploy'] ?? 'body', r.bodyBytes])).toEqual([
      ['/repo/.falco-publisher/checksum-deploy-probe', 'true', 0],
      ['/repo/deb/stable/a.deb', 'true', 0], // not held yet: 404
      ['/repo/deb/stable/a.deb', 'body', 11],
      ['/repo/deb-dev/stable/a.deb', 'true', 0], // held: deployed without a body
    ]);
    expect(server.files.get('/repo/deb-dev/stable/a.deb')?.bytes.toString()).toBe('the package');
  });

  it('learns once that a server ignores deploy-by-checksum, and removes the empty file the probe made', async () => {
    const { server, store } = await serve();
    for (const name of ['a', 'b']) {
      const body = await localFile(`${name}.rpm`, `rpm ${name}`);
      await store.put(`rpm/${name}.rpm`, body, { metadata: { sha256: sha256(`rpm ${name}`) } });
    }
    const deploys = server.received.filter((r) => r.headers['x-checksum-deploy'] === 'true');
    expect(deploys.map((r) => r.url)).toEqual(['/repo/.falco-publisher/checksum-deploy-probe']);
    expect([...server.files.keys()].sort()).toEqual(['/repo/rpm/a.rpm', '/repo/rpm/b.rpm']);
  });

  it('a file changed since it was planned never reaches the server whole', async () => {
    const { server, store } = await serve();
    const body = await localFile('changed.deb', 'y'.repeat(3 * 1024 * 1024));
    const error = await failure(
      store.put('deb/stable/changed.deb', body, { metadata: { sha256: sha256('planned') } }),
    );
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain(`${body.file}: changed while it was being published`);
    expect(server.files.has('/repo/deb/stable/changed.deb')).toBe(false);
    const sent = server.received.filter((r) => r.url.endsWith('changed.deb'));
    expect(sent.every((r) => r.aborted && r.bodyBytes < body.size)).toBe(true);
  });

  it('lists through PROPFIND folder by folder, only as deep as the prefix needs', async () => {
    const { server, store } = await serve({ listing: 'propfind' });
    for (const key of [
      'deb/stable/a.deb',
      'deb/dists/stable/Release',
      'deb/dists/stable/main/binary-amd64/Packages',
      'rpm/b.rpm',
      '.falco-publisher/x',
    ]) {
      await store.put(key, Buffer.from(key));
    }
    expect(await store.list('deb/')).toEqual([
      'deb/dists/stable/Release',
      'deb/dists/stable/main/binary-amd64/Packages',
      'deb/stable/a.deb',
    ]);
    expect(await store.list('deb/dists/stable/R')).toEqual(['deb/dists/stable/Release']);
    const listed = server.received.filter((r) => r.method === 'PROPFIND').map((r) => r.url);
    expect(listed).toContain('/repo/deb/dists/stable/');
    expect(listed).not.toContain('/repo/rpm/');
    expect(await store.list('')).toContain('rpm/b.rpm');
    expect(await store.list('')).not.toContain('.falco-publisher/x');
    expect(await store.list('wasm/')).toEqual([]);
  });

  it("falls back to nginx's JSON autoindex once PROPFIND is refused, and says when there is no listing", async () => {
    const { server, store } = await serve({ listing: 'autoindex' });
    await store.put('rpm/repodata/repomd.xml', Buffer.from('x'));
    await store.put('rpm/a+b.rpm', Buffer.from('x'));
    expect(await store.list('rpm/')).toEqual(['rpm/a+b.rpm', 'rpm/repodata/repomd.xml']);
    expect(server.received.filter((r) => r.method === 'PROPFIND')).toHaveLength(1);

    const { store: unlisted } = await serve({ listing: 'none' });
    await unlisted.put('rpm/a.rpm', Buffer.from('x'));
    const error = await failure(unlisted.list('rpm/'));
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain('lists no folders the action can read');
    expect(String(error)).toContain('dav_ext_methods PROPFIND');
  });
});
