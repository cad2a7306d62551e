// RegistryClient authentication and refusals against the real docker-registry: token refresh (by the
// client's own expiry bookkeeping, on an expired token, on insufficient_scope), and the messages of 401,
// 403 and 404 answers — naming the reference and the registry's error code, never a secret.
// Needs the Debian packages docker-registry, skopeo, apache2-utils and openssl.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { startAuthRegistries, type AuthRegistries } from './services/auth-registries.js';
import { isAlive } from './services/process.js';
import { exchangesOf, startProxy, type CountingProxy, type ProxyRules } from './services/proxy.js';
import { startRegistry, type Credentials, type Registry } from './services/registry.js';
import { sha256, streamOf, tinyImage } from './services/tiny-image.js';
import { startTokenServer, type TokenServer } from './services/token-server.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

const user: Credentials = { username: 'auth-user', password: 'auth-Secret-93' };
const wrongPassword: Credentials = { username: user.username, password: 'wrong-Pass-15' };

/** No password, no Basic header, no JWT (they all start with "eyJ") in a message. */
function expectNoSecret(message: string): void {
  for (const credentials of [user, wrongPassword]) {
    expect(message).not.toContain(credentials.password);
    expect(message).not.toContain(
      Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'),
    );
  }
  expect(message).not.toMatch(/eyJ[\w-]+\./);
}

async function withProxy<T>(
  upstream: string,
  fn: (proxy: CountingProxy) => Promise<T>,
  rules: ProxyRules = {},
): Promise<T> {
  const proxy = await startProxy(upstream, rules);
  try {
    return await fn(proxy);
  } finally {
    await proxy.stop();
  }
}

describe('RegistryClient authentication and refusals', () => {
  let registries: AuthRegistries | undefined;
  /** A second token server whose tokens live 2 s, and a registry that trusts it. */
  let shortTokens: TokenServer | undefined;
  let shortLived: Registry | undefined;
  const started = (): AuthRegistries & { shortTokens: TokenServer; shortLived: Registry } => {
    if (!registries || !shortTokens || !shortLived) throw new Error('registries did not start');
    return { ...registries, stop: registries.stop, shortTokens, shortLived };
  };

  beforeAll(async () => {
    registries = await startAuthRegistries(user);
    shortTokens = await startTokenServer({ users: { [user.username]: user.password }, expiresInSeconds: 2 });
    const { url: realm, service, issuer, certificatePem } = shortTokens;
    shortLived = await startRegistry({ token: { realm, service, issuer, certificatePem } });
    const image = tinyImage('auth fixture\n');
    const client = new RegistryClient(registries.bearer.address, user);
    for (const blob of image.blobs)
      await client.uploadBlob('e2e/auth', blob.descriptor, async () => streamOf(blob.bytes));
    await client.putManifest('e2e/auth', 'v1', image.manifest);
    const basic = new RegistryClient(registries.basic.address, user);
    for (const blob of image.blobs)
      await basic.uploadBlob('e2e/auth', blob.descriptor, async () => streamOf(blob.bytes));
    await basic.putManifest('e2e/auth', 'v1', image.manifest);
  });

  afterAll(async () => {
    const pids = [registries?.basic.pid, registries?.bearer.pid, shortLived?.pid].filter(
      (pid) => pid !== undefined,
    );
    await Promise.all([registries?.stop(), shortLived?.stop(), shortTokens?.stop()]);
    for (const pid of pids) expect(isAlive(pid), `pid ${pid}`).toBe(false);
  });

  describe('token refresh', () => {
    it('asks for a new token when its own clock says the last one expired (2 s tokens, fake clock)', async () => {
      const { shortLived, shortTokens } = started();
      let now = Date.now();
      await withProxy(shortLived.address, async (proxy) => {
        const client = new RegistryClient(proxy.address, user, { now: () => now });
        const before = shortTokens.requests.length;
        await client.listTags('e2e/refresh');
        now += 1700; // 1.7 s of 2: still good
        await client.listTags('e2e/refresh');
        expect(shortTokens.requests.length - before).toBe(1);
        now += 100; // 1.8 s: a tenth of the lifetime left, renewed before it can expire in flight
        await client.listTags('e2e/refresh');
        expect(shortTokens.requests.slice(before)).toEqual([
          { scope: 'repository:e2e/refresh:pull', user: user.username, status: 200 },
          { scope: 'repository:e2e/refresh:pull', user: user.username, status: 200 },
        ]);
        // The renewal went ahead of the request: the registry never had to refuse an expired token.
        const listings = exchangesOf(proxy, 'GET', /\/tags\/list$/).map((e) => e.status);
        expect(listings).toEqual([401, 404, 404, 404]);
      });
    });

    it('asks for a new token when the registry refuses one as expired (invalid_token), then succeeds', async () => {
      const { bearer, tokens } = started();
      await withProxy(bearer.address, async (proxy) => {
        const client = new RegistryClient(proxy.address, user);
        await client.checkAccess(); // learns that the registry wants tokens
        tokens.spoilNext('expired');
        const before = tokens.requests.length;
        expect(await client.manifestDigest('e2e/auth', 'v1')).toMatch(/^sha256:/);
        expect(tokens.requests.slice(before)).toEqual([
          { scope: 'repository:e2e/auth:pull', user: user.username, status: 200, spoiled: 'expired' },
          { scope: 'repository:e2e/auth:pull', user: user.username, status: 200 },
        ]);
        const heads = exchangesOf(proxy, 'HEAD', /\/manifests\/v1$/);
        expect(heads.map((e) => e.status)).toEqual([401, 200]);
        expect(String(heads[0]?.responseHeaders['www-authenticate'])).toMatch(/error="invalid_token"/);
      });
    });

    it('asks for a new token on insufficient_scope (a token granted pull only for a push), then pushes', async () => {
      const { bearer, tokens } = started();
      await withProxy(bearer.address, async (proxy) => {
        const client = new RegistryClient(proxy.address, user);
        await client.checkAccess();
        tokens.spoilNext('pull-only');
        const before = tokens.requests.length;
        const blob = Buffer.from('needs push\n');
        const descriptor = { mediaType: 'application/octet-stream', digest: sha256(blob), size: blob.length };
        await client.uploadBlob('e2e/scoped', descriptor, async () => streamOf(blob));
        expect(tokens.requests.slice(before)).toEqual([
          {
            scope: 'repository:e2e/scoped:pull,push',
            user: user.username,
            status: 200,
            spoiled: 'pull-only',
          },
          { scope: 'repository:e2e/scoped:pull,push', user: user.username, status: 200 },
        ]);
        const posts = exchangesOf(proxy, 'POST', /\/blobs\/uploads\/$/);
        expect(posts.map((e) => e.status)).toEqual([401, 202]);
        expect(String(posts[0]?.responseHeaders['www-authenticate'])).toMatch(/error="insufficient_scope"/);
        expect(await client.hasBlob('e2e/scoped', descriptor.digest)).toBe(true);
      });
    });

    it("retries the token service's own 503 (with its Retry-After)", async () => {
      const { tokens } = started();
      const tokenProxy = await startProxy(new URL(tokens.url).host, {
        answer: (_e, earlier) =>
          earlier.length === 0 ? { status: 503, headers: { 'retry-after': '2' } } : undefined,
      });
      let registry: Registry | undefined;
      try {
        const { service, issuer, certificatePem } = tokens;
        registry = await startRegistry({
          token: { realm: `http://${tokenProxy.address}/token`, service, issuer, certificatePem },
        });
        const slept: number[] = [];
        const client = new RegistryClient(registry.address, user, {
          sleep: async (ms) => void slept.push(ms),
        });
        expect(await client.listTags('e2e/nothing')).toEqual([]);
        expect(slept).toEqual([2000]);
        expect(tokenProxy.exchanges.map((e) => e.status)).toEqual([503, 200]);
      } finally {
        await Promise.all([registry?.stop(), tokenProxy.stop()]);
      }
    });

    it('an anonymous push to the token registry is refused with a clear 401, after one new token', async () => {
      const { bearer, tokens } = started();
      const client = new RegistryClient(bearer.address);
      const image = tinyImage('anonymous\n');
      const before = tokens.requests.length;
      const failure = await asyncUserErrorOf(client.putManifest('e2e/auth', 'anon', image.manifest));
      expect(failure.subject).toBe(`${bearer.address}/e2e/auth:anon`);
      expect(failure.message).toMatch(
        /the registry refused storing the manifest \(HTTP 401 UNAUTHORIZED: authentication required/,
      );
      expect(failure.remedy).toBe('set registry-username and registry-password');
      expect(tokens.requests.slice(before)).toEqual([
        { scope: 'repository:e2e/auth:pull,push', user: null, status: 200 },
      ]);
      expectNoSecret(failure.message);
    });
  });

  describe('refusals name the reference and what the registry said', () => {
    it('401 for a wrong password (Basic): the reference, UNAUTHORIZED, no password', async () => {
      const { basic } = started();
      const client = new RegistryClient(basic.address, wrongPassword);
      const image = tinyImage('never stored\n');
      const put = await asyncUserErrorOf(client.putManifest('e2e/auth', 'v2', image.manifest));
      expect(put.subject).toBe(`${basic.address}/e2e/auth:v2`);
      expect(put.message).toMatch(/refused storing the manifest \(HTTP 401 UNAUTHORIZED/);
      expect(put.remedy).toMatch(/registry-password/);
      expectNoSecret(put.message);
      const upload = await asyncUserErrorOf(
        client.uploadBlob('e2e/auth', image.layer.descriptor, async () => streamOf(image.layer.bytes)),
      );
      expect(upload.subject).toBe(`${basic.address}/e2e/auth@${image.layer.descriptor.digest}`);
      expect(upload.message).toMatch(/refused starting the upload of the blob \(HTTP 401 UNAUTHORIZED/);
      expectNoSecret(upload.message);
    });

    it('401 from the token service for a wrong password names the registry, not the password', async () => {
      const { bearer } = started();
      const failure = await asyncUserErrorOf(
        new RegistryClient(bearer.address, wrongPassword).getManifest('e2e/auth', 'v1'),
      );
      expect(failure.message).toBe(
        `${bearer.address}: the token service refused the credentials (HTTP 401) — check registry-username, registry-password and their permissions`,
      );
    });

    it('403 DENIED (as Docker Hub and ghcr answer a push without permission)', async () => {
      const { bearer } = started();
      const denied = JSON.stringify({
        errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }],
      });
      await withProxy(
        bearer.address,
        async (proxy) => {
          const failure = await asyncUserErrorOf(
            new RegistryClient(proxy.address, user).putManifest('e2e/auth', 'v3', tinyImage('x').manifest),
          );
          expect(failure.subject).toBe(`${proxy.address}/e2e/auth:v3`);
          expect(failure.message).toMatch(
            /the registry refused storing the manifest \(HTTP 403 DENIED: requested access to the resource is denied\)/,
          );
          expect(failure.remedy).toBe('check registry-username, registry-password and their permissions');
          expectNoSecret(failure.message);
        },
        {
          answer: (e) => (e.method === 'PUT' ? { status: 403, body: denied } : undefined),
        },
      );
    });

    it('404 of a blob or repository: BLOB_UNKNOWN / NAME_UNKNOWN with the reference', async () => {
      const { bearer } = started();
      const client = new RegistryClient(bearer.address, user);
      const absent = sha256(Buffer.from('no such blob'));
      const blob = await asyncUserErrorOf(client.openBlob('e2e/auth', absent));
      expect(blob.subject).toBe(`${bearer.address}/e2e/auth@${absent}`);
      expect(blob.message).toMatch(
        /reading the blob failed \(HTTP 404 BLOB_UNKNOWN: blob unknown to registry/,
      );
      expect(blob.remedy).toBe('check the repository name and the reference');
      // A missing manifest or tag list is an answer, not an error.
      expect(await client.getManifest('e2e/auth', 'missing')).toBeUndefined();
      expect(await client.listTags('e2e/nowhere')).toEqual([]);
    });

    it('400 MANIFEST_BLOB_UNKNOWN: a manifest whose blobs were never pushed', async () => {
      const { basic } = started();
      const image = tinyImage('blobs missing\n');
      const failure = await asyncUserErrorOf(
        new RegistryClient(basic.address, user).putManifest('e2e/auth', 'v4', image.manifest),
      );
      expect(failure.message).toMatch(
        /the registry rejected storing the manifest \(HTTP 400 MANIFEST_BLOB_UNKNOWN/,
      );
    });
  });

  it("shows each of the registry's Warning headers once", async () => {
    const { basic } = started();
    const logger = captureLogger();
    await withProxy(
      basic.address,
      async (proxy) => {
        const client = new RegistryClient(proxy.address, user, { logger });
        await client.listTags('e2e/auth');
        await client.manifestDigest('e2e/auth', 'v1');
        expect(logger.lines.filter((l) => l.startsWith('warning:'))).toEqual([
          `warning: ${proxy.address}: this registry will be read-only from 2026-06-01`,
        ]);
      },
      {
        headers: (_e, headers) => {
          headers['warning'] = '299 - "this registry will be read-only from 2026-06-01"';
        },
      },
    );
  });
});
