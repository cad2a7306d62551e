// RegistryClient moving bytes against the real docker-registry, with a proxy in front that produces what
// docker-registry does not on demand: 503/429 with Retry-After, dropped connections, OCI-Chunk-Min-Length,
// a refused monolithic PUT, altered content. skopeo reads back what was uploaded.
// Needs the Debian packages docker-registry, skopeo and apache2-utils.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Descriptor } from '../../src/oci/descriptor.js';
import { RegistryClient, type RegistryClientOptions } from '../../src/registry/client.js';
import { freePort, waitFor } from './services/ports.js';
import { isAlive } from './services/process.js';
import { exchangesOf, startProxy, type CountingProxy, type ProxyRules } from './services/proxy.js';
import { startRegistry, type Credentials, type Registry } from './services/registry.js';
import { skopeoCopy } from './services/skopeo-cli.js';
import { readLayoutBlob, sha256, streamOf, tinyImage, type TinyImage } from './services/tiny-image.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

const user: Credentials = { username: 'transfer-user', password: 'transfer-Secret-27' };
const MIB = 1024 * 1024;

/** A sleep that records what it was asked to wait and returns at once. */
function recordingSleep(): { sleep: (ms: number) => Promise<void>; slept: number[] } {
  const slept: number[] = [];
  return { slept, sleep: async (ms) => void slept.push(ms) };
}

/** Counts how often the blob was opened: a restarted upload opens it again. */
function opener(bytes: Buffer): { open: () => Promise<Readable>; opened: () => number } {
  let opened = 0;
  return {
    opened: () => opened,
    open: async () => {
      opened++;
      return streamOf(bytes);
    },
  };
}

/** An image whose layer is too big for one chunk. */
function bigImage(sizeMiB: number): TinyImage {
  return tinyImage(randomBytes(sizeMiB * MIB));
}

describe('RegistryClient moves bytes through faults', () => {
  let registry: Registry | undefined;
  const proxies: CountingProxy[] = [];
  const started = (): Registry => {
    if (!registry) throw new Error('registry did not start');
    return registry;
  };
  /** A proxy in front of the registry, stopped after the suite. */
  const proxied = async (rules: ProxyRules = {}): Promise<CountingProxy> => {
    const proxy = await startProxy(started().address, rules);
    proxies.push(proxy);
    return proxy;
  };
  const client = (address: string, options: RegistryClientOptions = {}): RegistryClient =>
    new RegistryClient(address, user, options);

  /** The blob, as skopeo copies it out of `repository:tag` into an OCI layout (skopeo checks each digest). */
  const skopeoBlob = async (repository: string, tag: string, digest: string): Promise<Buffer> => {
    const dir = await mkdtemp(join(tmpdir(), 'oci-'));
    try {
      await skopeoCopy(`docker://${started().address}/${repository}:${tag}`, `oci:${dir}:${tag}`, {
        srcAuth: user,
      });
      return await readLayoutBlob(dir, digest);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  beforeAll(async () => {
    registry = await startRegistry({ htpasswd: user });
    const image = tinyImage('transfer fixture\n');
    const direct = client(registry.address);
    for (const blob of image.blobs)
      await direct.uploadBlob('e2e/fixture', blob.descriptor, async () => streamOf(blob.bytes));
    await direct.putManifest('e2e/fixture', 'v1', image.manifest);
  });

  afterAll(async () => {
    const pid = registry?.pid;
    await Promise.all([...proxies.map((p) => p.stop()), registry?.stop()]);
    if (pid !== undefined) expect(isAlive(pid)).toBe(false);
  });

  describe('retries', () => {
    it('rides out 503 then 429 with Retry-After: 7 — the sleep saw 7 s, the read succeeded', async () => {
      const proxy = await proxied({
        answer: (e, earlier) => {
          const before = earlier.filter((x) => x.method === 'GET' && x.url.includes('/manifests/')).length;
          if (e.method !== 'GET' || !e.url.includes('/manifests/')) return undefined;
          if (before === 0)
            return { status: 503, body: '{"errors":[{"code":"UNAVAILABLE","message":"try later"}]}' };
          if (before === 1)
            return {
              status: 429,
              headers: { 'retry-after': '7' },
              body: '{"errors":[{"code":"TOOMANYREQUESTS"}]}',
            };
          return undefined;
        },
      });
      const { sleep, slept } = recordingSleep();
      const manifest = await client(proxy.address, { sleep }).getManifest('e2e/fixture', 'v1');
      expect(manifest?.digest).toMatch(/^sha256:/);
      expect(slept).toHaveLength(2);
      expect(slept[0]).toBeLessThan(1000); // the first backoff: full jitter under 1 s
      expect(slept[1]).toBe(7000);
      expect(exchangesOf(proxy, 'GET', /\/manifests\/v1$/).map((e) => e.status)).toEqual([
        503, 429, 401, 200,
      ]);
    });

    it('honours a Retry-After HTTP-date, and caps any wait at a minute', async () => {
      const proxy = await proxied({
        answer: (e, earlier) => {
          if (e.method !== 'HEAD') return undefined;
          const before = earlier.filter((x) => x.method === 'HEAD').length;
          if (before === 0)
            return { status: 503, headers: { 'retry-after': new Date(Date.now() + 30_000).toUTCString() } };
          if (before === 1) return { status: 429, headers: { 'retry-after': '3600' } };
          return undefined;
        },
      });
      const { sleep, slept } = recordingSleep();
      expect(await client(proxy.address, { sleep }).hasBlob('e2e/fixture', sha256(Buffer.from('x')))).toBe(
        false,
      );
      expect(slept[0]).toBeGreaterThan(27_000);
      expect(slept[0]).toBeLessThanOrEqual(30_000);
      expect(slept[1]).toBe(60_000);
    });

    it('retries a dropped connection (ECONNRESET)', async () => {
      const proxy = await proxied({ answer: (_e, earlier) => (earlier.length === 0 ? 'reset' : undefined) });
      const { sleep, slept } = recordingSleep();
      expect(await client(proxy.address, { sleep }).listTags('e2e/fixture')).toEqual(['v1']);
      expect(slept).toHaveLength(1);
    });

    it("gives up after `retries` with the registry's last answer, naming the reference", async () => {
      const proxy = await proxied({
        answer: () => ({ status: 503, body: '{"errors":[{"code":"UNAVAILABLE","message":"down"}]}' }),
      });
      const { sleep, slept } = recordingSleep();
      const failure = await asyncUserErrorOf(
        client(proxy.address, { sleep, retries: 2 }).getManifest('e2e/fixture', 'v1'),
      );
      expect(failure.message).toBe(
        `${proxy.address}/e2e/fixture:v1: the registry failed reading the manifest (HTTP 503 UNAVAILABLE: down) — retry the workflow; if it persists, check the registry`,
      );
      expect(slept).toHaveLength(2);
      expect(proxy.exchanges).toHaveLength(3);
    });

    it('names the registry it cannot reach after retrying a refused connection', async () => {
      const address = `127.0.0.1:${await freePort()}`;
      const { sleep, slept } = recordingSleep();
      const failure = await asyncUserErrorOf(client(address, { sleep, retries: 2 }).checkAccess());
      expect(failure.message).toMatch(new RegExp(`cannot reach http://${address} \\(ECONNREFUSED\\)`));
      expect(slept).toHaveLength(2);
    });

    it('does not retry a 4xx refusal', async () => {
      const proxy = await proxied();
      const { sleep, slept } = recordingSleep();
      await asyncUserErrorOf(
        new RegistryClient(proxy.address, undefined, { sleep }).putManifest(
          'e2e/fixture',
          'x',
          tinyImage('y').manifest,
        ),
      );
      expect(slept).toEqual([]);
    });

    it('restarts a blob upload whose PUT failed with 503: a new session, the blob opened again', async () => {
      const proxy = await proxied({
        answer: (e, earlier) => {
          const firstPut = !earlier.some((x) => x.method === 'PUT' && x.url.includes('digest='));
          return e.method === 'PUT' && e.url.includes('digest=') && firstPut ? { status: 503 } : undefined;
        },
      });
      const { sleep, slept } = recordingSleep();
      const blob = Buffer.from('uploaded on the second try\n');
      const { open, opened } = opener(blob);
      const descriptor: Descriptor = {
        mediaType: 'application/octet-stream',
        digest: sha256(blob),
        size: blob.length,
      };
      await client(proxy.address, { sleep }).uploadBlob('e2e/restart', descriptor, open);
      expect(opened()).toBe(2);
      expect(slept).toHaveLength(1);
      const steps = proxy.exchanges.filter((e) => e.status !== 401).map((e) => `${e.method} ${e.status}`);
      expect(steps).toEqual(['POST 202', 'PUT 503', 'POST 202', 'PUT 201']);
      expect(await client(started().address).hasBlob('e2e/restart', descriptor.digest)).toBe(true);
    });
  });

  describe('chunked uploads', () => {
    it('uploads in PATCHes of at least OCI-Chunk-Min-Length when the registry asks; skopeo reads the blob back', async () => {
      const minimum = 10 * MIB;
      const proxy = await proxied({
        headers: (e, headers) => {
          if (e.method === 'POST' && e.status === 202) headers['oci-chunk-min-length'] = String(minimum);
        },
      });
      const image = bigImage(24);
      const { layer } = image;
      const c = client(proxy.address);
      for (const blob of image.blobs)
        await c.uploadBlob('e2e/chunked', blob.descriptor, async () => streamOf(blob.bytes));
      await c.putManifest('e2e/chunked', 'v1', image.manifest);

      const patches = proxy.exchanges.filter((e) => e.method === 'PATCH');
      const size = layer.descriptor.size;
      const expected = [`0-${minimum - 1}`, `${minimum}-${2 * minimum - 1}`, `${2 * minimum}-${size - 1}`];
      // The config is one small PATCH; the layer three, each at least the minimum but the last.
      const layerPatches = patches.filter((e) => e.requestBytes > image.config.descriptor.size);
      expect(layerPatches.map((e) => e.requestHeaders['content-range'])).toEqual(expected);
      expect(layerPatches.map((e) => e.status)).toEqual([202, 202, 202]);
      expect(layerPatches.map((e) => e.requestBytes)).toEqual([minimum, minimum, size - 2 * minimum]);
      // Each session closed by a bodyless PUT; no PUT carried blob bytes.
      const closing = proxy.exchanges.filter((e) => e.method === 'PUT' && e.url.includes('/blobs/'));
      expect(closing.map((e) => [e.status, e.requestBytes])).toEqual([
        [201, 0],
        [201, 0],
      ]);
      expect((await skopeoBlob('e2e/chunked', 'v1', layer.descriptor.digest)).equals(layer.bytes)).toBe(true);
    });

    it('falls back to chunks of 8 MiB when the registry refuses the upload in one piece (413)', async () => {
      const proxy = await proxied({
        answer: (e) =>
          e.method === 'PUT' && e.url.includes('/blobs/') && e.requestHeaders['content-length'] !== '0'
            ? {
                status: 413,
                body: '{"errors":[{"code":"SIZE_INVALID","message":"too big for one request"}]}',
              }
            : undefined,
      });
      const image = bigImage(20);
      const { config, layer } = image;
      // The config straight to the registry; the layer through the proxy that refuses it in one piece.
      await client(started().address).uploadBlob('e2e/fallback', config.descriptor, async () =>
        streamOf(config.bytes),
      );
      await client(proxy.address).uploadBlob('e2e/fallback', layer.descriptor, async () =>
        streamOf(layer.bytes),
      );
      await client(started().address).putManifest('e2e/fallback', 'v1', image.manifest);
      const steps = proxy.exchanges
        .filter((e) => e.status !== 401)
        .map((e) => `${e.method} ${e.status} ${e.requestHeaders['content-range'] ?? ''}`.trim());
      const size = layer.descriptor.size;
      expect(steps).toEqual([
        'POST 202',
        'PUT 413',
        'POST 202',
        `PATCH 202 0-${8 * MIB - 1}`,
        `PATCH 202 ${8 * MIB}-${16 * MIB - 1}`,
        `PATCH 202 ${16 * MIB}-${size - 1}`,
        'PUT 201',
      ]);
      const closing = proxy.exchanges.at(-1);
      expect(closing?.requestBytes).toBe(0);
      expect(
        (await skopeoBlob('e2e/fallback', 'v1', image.layer.descriptor.digest)).equals(image.layer.bytes),
      ).toBe(true);
    });
  });

  describe('digests', () => {
    it('refuses a blob whose bytes do not match its digest, and never completes its upload', async () => {
      const proxy = await proxied();
      // Several pieces, trickling as from a slow disk: all but the last go out before the check can
      // fail, and the registry gets a PUT broken off short of its Content-Length.
      const blob = randomBytes(300 * 1024);
      const trickle = async (): Promise<Readable> =>
        Readable.from(
          (async function* () {
            for await (const piece of streamOf(blob)) {
              await delay(10);
              yield piece as Buffer;
            }
          })(),
        );
      const claimed = sha256(Buffer.from('what the descriptor promised\n'));
      const descriptor: Descriptor = {
        mediaType: 'application/octet-stream',
        digest: claimed,
        size: blob.length,
      };
      const failure = await asyncUserErrorOf(
        client(proxy.address).uploadBlob('e2e/mismatch', descriptor, trickle),
      );
      expect(failure.message).toMatch(
        `the blob is not what its descriptor says: the content has digest ${sha256(blob)}`,
      );
      const puts = proxy.exchanges.filter((e) => e.method === 'PUT');
      expect(puts).toHaveLength(1);
      // The upload failed for good: its session is cancelled (docker-registry dropped it already when
      // the PUT broke off, and says 404; a registry that kept it deletes it).
      const deletes = proxy.exchanges.filter((e) => e.method === 'DELETE' && e.status !== 401);
      expect(deletes.map((e) => e.url)).toEqual([puts[0]?.url.split('&digest=')[0]]);
      expect([204, 404]).toContain(deletes[0]?.status);
      // The proxy sees the connection close a moment after the client gave up.
      await waitFor(async () => puts[0]?.aborted === true, 'the PUT broken off at the proxy', 5000);
      expect(puts[0]?.status).not.toBe(201);
      expect(puts[0]?.requestBytes).toBeLessThan(blob.length);
      const direct = client(started().address);
      expect(await direct.hasBlob('e2e/mismatch', claimed)).toBe(false);
      expect(await direct.hasBlob('e2e/mismatch', sha256(blob))).toBe(false);
    });

    it('refuses a blob longer than its size, in chunked mode too (no closing PUT)', async () => {
      const proxy = await proxied({
        headers: (e, headers) => {
          if (e.method === 'POST' && e.status === 202) headers['oci-chunk-min-length'] = '4';
        },
      });
      const blob = Buffer.from('longer than it says\n');
      const descriptor: Descriptor = {
        mediaType: 'application/octet-stream',
        digest: sha256(blob),
        size: 10,
      };
      const failure = await asyncUserErrorOf(
        client(proxy.address).uploadBlob('e2e/mismatch', descriptor, async () => streamOf(blob)),
      );
      expect(failure.message).toMatch('the content is longer than its 10 bytes');
      expect(proxy.exchanges.filter((e) => e.method === 'PUT')).toEqual([]);
      // The session it opened is cancelled: the registry forgets it now, not when it purges old uploads.
      const steps = proxy.exchanges.filter((e) => e.status !== 401).map((e) => `${e.method} ${e.status}`);
      expect(steps).toEqual(['POST 202', 'DELETE 204']);
    });

    it('refuses a manifest read by digest whose bytes have another digest', async () => {
      const fake = Buffer.from(
        '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}',
      );
      const proxy = await proxied({
        answer: (e) =>
          e.method === 'GET' && e.url.includes('/manifests/sha256:')
            ? {
                status: 200,
                headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
                body: fake.toString(),
              }
            : undefined,
      });
      const wanted = (await client(started().address).getManifest('e2e/fixture', 'v1'))?.digest ?? '';
      const failure = await asyncUserErrorOf(client(proxy.address).getManifest('e2e/fixture', wanted));
      expect(failure.subject).toBe(`${proxy.address}/e2e/fixture@${wanted}`);
      expect(failure.message).toMatch(
        `the registry served a manifest whose digest is ${sha256(fake)}, not ${wanted}`,
      );
    });

    it('fails a blob stream whose content has another digest, before its last bytes', async () => {
      const proxy = await proxied({
        answer: (e) =>
          e.method === 'GET' && e.url.includes('/blobs/')
            ? { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: 'not it' }
            : undefined,
      });
      const digest = sha256(Buffer.from('it'));
      const stream = await client(proxy.address).openBlob('e2e/fixture', digest);
      await expect(async () => {
        for await (const chunk of stream) void chunk;
      }).rejects.toThrow(
        `the registry served a wrong blob: the content has digest ${sha256(Buffer.from('not it'))}`,
      );
    });

    it("refuses a Docker-Content-Digest that is not the manifest's", async () => {
      const proxy = await proxied({
        headers: (e, headers) => {
          if (e.method === 'PUT' && e.url.includes('/manifests/'))
            headers['docker-content-digest'] = sha256(Buffer.from('other'));
        },
      });
      const image = tinyImage('transfer fixture\n');
      const failure = await asyncUserErrorOf(
        client(proxy.address).putManifest('e2e/fixture', 'v2', image.manifest),
      );
      expect(failure.message).toMatch(
        `the registry stored the manifest as ${sha256(Buffer.from('other'))}, but its bytes have digest ${image.manifest.digest}`,
      );
    });
  });

  it('runs at most uploadConcurrency blob uploads at once', async () => {
    const proxy = await proxied();
    let open = 0;
    let peak = 0;
    /** A blob that trickles out in four pieces, so uploads overlap in time. */
    const slow = (bytes: Buffer) => async (): Promise<Readable> => {
      peak = Math.max(peak, ++open);
      const pieces = [0, 1, 2, 3].map((i) =>
        bytes.subarray((i * bytes.length) / 4, ((i + 1) * bytes.length) / 4),
      );
      const stream = Readable.from(
        (async function* () {
          for (const piece of pieces) {
            await delay(15);
            yield piece;
          }
        })(),
      );
      stream.once('close', () => open--);
      return stream;
    };
    const c = client(proxy.address, { uploadConcurrency: 2 });
    const blobs = [0, 1, 2, 3, 4, 5].map((i) => Buffer.from(`concurrent blob ${i} `.repeat(100)));
    await Promise.all(
      blobs.map((bytes) =>
        c.uploadBlob(
          'e2e/concurrent',
          { mediaType: 'application/octet-stream', digest: sha256(bytes), size: bytes.length },
          slow(bytes),
        ),
      ),
    );
    expect(peak).toBe(2);
    for (const bytes of blobs) expect(await c.hasBlob('e2e/concurrent', sha256(bytes))).toBe(true);
  });

  it('streams a 256 MiB blob up and down without holding it in memory', async () => {
    const piece = randomBytes(MIB);
    const count = 256;
    /** The same random MiB, `count` times: generated as read, never whole. */
    const generate = (): Readable =>
      Readable.from(
        (function* () {
          for (let i = 0; i < count; i++) yield piece;
        })(),
      );
    const hash = (await import('node:crypto')).createHash('sha256');
    for (let i = 0; i < count; i++) hash.update(piece);
    const descriptor: Descriptor = {
      mediaType: 'application/octet-stream',
      digest: `sha256:${hash.digest('hex')}`,
      size: count * MIB,
    };

    const c = client(started().address);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    try {
      await c.uploadBlob('e2e/large', descriptor, async () => generate());
      let read = 0;
      for await (const chunk of await c.openBlob('e2e/large', descriptor.digest))
        read += (chunk as Buffer).length;
      expect(read).toBe(descriptor.size);
    } finally {
      clearInterval(sampler);
    }
    console.log(
      `peak RSS growth for a 256 MiB blob up and down: ${((peak - baseline) / MIB).toFixed(0)} MiB`,
    );
    expect((peak - baseline) / MIB).toBeLessThan(96);
  });
});
