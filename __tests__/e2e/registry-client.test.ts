// RegistryClient against the real docker-registry (distribution 2.8): one registry behind htpasswd (Basic)
// auth and one behind Docker Hub-style bearer tokens from an in-process token server. dockerd builds and
// pushes the images; skopeo is the independent peer for digests. Needs root and the Debian packages
// docker.io, docker-registry, skopeo, apache2-utils and openssl.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import type { Got } from 'got';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import { http } from '../../src/registry/transport.js';
import type { UserError } from '../../src/util/errors.js';
import { buildScratchImage, docker } from './services/docker-images.js';
import { startDockerd, type Dockerd } from './services/dockerd.js';
import { isAlive } from './services/process.js';
import { startRegistry, type Credentials, type Registry } from './services/registry.js';
import { skopeoDigest } from './services/skopeo.js';
import { startTokenServer, type TokenRequest, type TokenServer } from './services/token-server.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

const user: Credentials = { username: 'e2e-user', password: 'e2e-Secret-42' };
const wrongPassword: Credentials = { username: user.username, password: 'wrong-Pass-77' };

/** A repository with more tags than one page holds at pageSize 2; odd ones point at image A, even at B. */
const PAGED = 'e2e/paged';
const PAGED_TAGS = ['v1', 'v2', 'v3', 'v4', 'v5'];
/** The repository pushed to the token registry. */
const TOKENED = 'e2e/tokened';

/** One response the client got, as the registry or token server sent it. */
interface Exchange {
  method: string;
  url: URL;
  status: number;
  authorization: string | undefined;
}

/** The client's own got instance, extended to record every response (pagination, auth round trips). */
function recordingHttp(): { client: Got; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  const client = http.extend({
    hooks: {
      afterResponse: [
        (response) => {
          const { method, headers } = response.request.options;
          const authorization = headers['authorization'];
          exchanges.push({
            method,
            url: new URL(response.requestUrl),
            status: response.statusCode,
            authorization: typeof authorization === 'string' ? authorization : undefined,
          });
          return response;
        },
      ],
    },
  });
  return { client, exchanges };
}

/** Response headers that belong to one connection or one encoding of the body: not passed on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
]);

/**
 * docker-registry 2.8 (Debian's) ignores `n` and `last` on tags/list and answers every tag at once;
 * distribution 3.x and the OCI spec page it with `Link: </v2/NAME/tags/list?last=X&n=N>; rel="next"`.
 * This pass-through proxy adds that paging (sorted tags after `last`, `n` of them, a Link when more
 * remain) on top of the real registry's answer; everything else — the auth challenges, 401s,
 * manifests — is the registry's own response, byte for byte.
 */
async function startPagingProxy(upstream: string): Promise<{ address: string; stop(): Promise<void> }> {
  const forward = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', `http://${upstream}`);
    const n = Number(url.searchParams.get('n'));
    const last = url.searchParams.get('last');
    const paged = request.method === 'GET' && url.pathname.endsWith('/tags/list') && n > 0;
    url.searchParams.delete('n');
    url.searchParams.delete('last');
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (name !== 'host' && !HOP_BY_HOP.has(name) && value !== undefined)
        headers.set(name, [value].flat().join(', '));
    }
    const answer = await fetch(url, { method: request.method ?? 'GET', headers, redirect: 'manual' });
    let body = Buffer.from(await answer.arrayBuffer());
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name)) out[name] = value;
    });
    if (paged && answer.status === 200) {
      const list = JSON.parse(body.toString('utf8')) as { name: string; tags: string[] | null };
      const after = (list.tags ?? []).sort().filter((tag) => last === null || tag > last);
      const page = after.slice(0, n);
      if (after.length > n) {
        const next = `/v2/${list.name}/tags/list?last=${encodeURIComponent(page.at(-1) ?? '')}&n=${n}`;
        out['link'] = `<${next}>; rel="next"`;
      }
      body = Buffer.from(JSON.stringify({ name: list.name, tags: page }));
    }
    response.writeHead(answer.status, out);
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  const server = createServer((request, response) => {
    forward(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** What a message must never contain: the password, plain or inside a Basic header. */
function expectNoSecret(message: string, credentials: Credentials): void {
  expect(message).not.toContain(credentials.password);
  expect(message).not.toContain(
    Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'),
  );
}

describe('RegistryClient against docker-registry', () => {
  let dockerd: Dockerd | undefined;
  let basic: Registry | undefined;
  let tokens: TokenServer | undefined;
  let bearer: Registry | undefined;
  let pagingProxy: { address: string; stop(): Promise<void> } | undefined;
  /** Manifest digests of the seeded tags, from `docker push`. */
  const pushed = new Map<string, string>();

  const services = (): { dockerd: Dockerd; basic: Registry; tokens: TokenServer; bearer: Registry } => {
    if (!dockerd || !basic || !tokens || !bearer) throw new Error('services did not start');
    return { dockerd, basic, tokens, bearer };
  };

  /** Token requests made while `action` ran. */
  const tokenRequestsDuring = async (action: () => Promise<unknown>): Promise<TokenRequest[]> => {
    const { tokens } = services();
    const before = tokens.requests.length;
    await action();
    return tokens.requests.slice(before);
  };

  /** Tags the image and pushes all tags of the repository; records each tag's digest. */
  const push = async (registry: Registry, repository: string, tags: [string, string][]): Promise<void> => {
    const { dockerd } = services();
    await docker(
      dockerd,
      ['login', '--username', user.username, '--password-stdin', registry.address],
      user.password,
    );
    for (const [tag, image] of tags)
      await docker(dockerd, ['tag', image, `${registry.address}/${repository}:${tag}`]);
    const output = await docker(dockerd, ['push', '--all-tags', `${registry.address}/${repository}`]);
    for (const [, tag, digest] of output.matchAll(/^(\S+): digest: (sha256:[0-9a-f]{64})/gm)) {
      pushed.set(`${registry.address}/${repository}:${tag}`, digest ?? '');
    }
  };

  beforeAll(async () => {
    // allSettled: whatever started must be stopped in afterAll even when something else failed.
    const [d, b, t] = await Promise.allSettled([
      startDockerd(),
      startRegistry({ htpasswd: user }),
      startTokenServer({ users: { [user.username]: user.password } }),
    ]);
    if (d.status === 'fulfilled') dockerd = d.value;
    if (b.status === 'fulfilled') basic = b.value;
    if (t.status === 'fulfilled') tokens = t.value;
    for (const result of [d, b, t]) if (result.status === 'rejected') throw result.reason;
    if (!tokens) throw new Error('token server did not start');
    const { url: realm, service, issuer, certificatePem } = tokens;
    bearer = await startRegistry({ token: { realm, service, issuer, certificatePem } });
    if (!basic) throw new Error('registry did not start');
    pagingProxy = await startPagingProxy(basic.address);

    const running = services();
    const imageA = await buildScratchImage(running.dockerd, 'e2e/client:a', 'image A\n');
    const imageB = await buildScratchImage(running.dockerd, 'e2e/client:b', 'image B\n');
    await push(
      running.basic,
      PAGED,
      PAGED_TAGS.map((tag, i) => [tag, i % 2 === 0 ? imageA : imageB]),
    );
    // docker itself logs in and pushes through the token server: the peer check of its tokens.
    await push(running.bearer, TOKENED, [
      ['1', imageA],
      ['2', imageB],
    ]);
  }, 120_000);

  afterAll(async () => {
    const pids = [dockerd?.pid, basic?.pid, bearer?.pid].filter((pid) => pid !== undefined);
    await Promise.all([dockerd?.stop(), basic?.stop(), bearer?.stop(), tokens?.stop(), pagingProxy?.stop()]);
    for (const pid of pids) expect(isAlive(pid), `pid ${pid}`).toBe(false);
  }, 60_000);

  it('seeded both registries (docker push reported a digest per tag)', () => {
    const { basic, bearer } = services();
    for (const tag of PAGED_TAGS) expect(pushed.get(`${basic.address}/${PAGED}:${tag}`)).toMatch(/^sha256:/);
    for (const tag of ['1', '2'])
      expect(pushed.get(`${bearer.address}/${TOKENED}:${tag}`)).toMatch(/^sha256:/);
  });

  describe('htpasswd (Basic auth) registry', () => {
    it('lists every tag when docker-registry 2.8 ignores pageSize and answers them all at once', async () => {
      const { basic } = services();
      const { client, exchanges } = recordingHttp();
      const tags = await new RegistryClient(basic.address, user, { http: client, pageSize: 2 }).listTags(
        PAGED,
      );
      expect([...tags].sort()).toEqual(PAGED_TAGS);
      const served = exchanges.filter((e) => e.url.pathname.endsWith('/tags/list') && e.status === 200);
      expect(served.map((e) => e.url.search)).toEqual(['?n=2']);
    });

    it('follows Link pagination across pages of pageSize 2 (paging proxy in front of the registry)', async () => {
      if (!pagingProxy) throw new Error('paging proxy did not start');
      const { client, exchanges } = recordingHttp();
      const tags = await new RegistryClient(pagingProxy.address, user, {
        http: client,
        pageSize: 2,
      }).listTags(PAGED);
      expect([...tags].sort()).toEqual(PAGED_TAGS);
      const pages = exchanges.filter((e) => e.method === 'GET' && e.url.pathname.endsWith('/tags/list'));
      const served = pages.filter((e) => e.status === 200);
      // 5 tags at 2 per page: 3 pages, the later ones asked for with the registry's `last` marker.
      expect(served.map((e) => e.url.searchParams.get('n'))).toEqual(['2', '2', '2']);
      expect(served.map((e) => e.url.searchParams.get('last'))).toEqual([null, 'v2', 'v4']);
      // One 401 challenge, then Basic credentials reused for every page.
      expect(pages.filter((e) => e.status === 401)).toHaveLength(1);
      expect(served.every((e) => e.authorization?.startsWith('Basic '))).toBe(true);
    });

    it('lists no tags for a missing repository', async () => {
      const { basic } = services();
      expect(await new RegistryClient(basic.address, user).listTags('e2e/missing')).toEqual([]);
    });

    it("reads each tag's manifest digest as skopeo sees it; undefined for a missing tag", async () => {
      const { basic } = services();
      const client = new RegistryClient(basic.address, user);
      const v1 = await client.manifestDigest(PAGED, 'v1');
      const v2 = await client.manifestDigest(PAGED, 'v2');
      expect(v1).toBe(await skopeoDigest(`${basic.address}/${PAGED}:v1`, user));
      expect(v2).toBe(await skopeoDigest(`${basic.address}/${PAGED}:v2`, user));
      expect(v1).toBe(pushed.get(`${basic.address}/${PAGED}:v1`));
      expect(v1).not.toBe(v2); // distinct images: the digest is the tag's, not any manifest's
      expect(await client.manifestDigest(PAGED, 'no-such-tag')).toBeUndefined();
      expect(await client.manifestDigest('e2e/missing', 'v1')).toBeUndefined();
    });

    it('rejects a wrong password with a UserError that names the refusal and hides the password', async () => {
      const { basic } = services();
      const client = new RegistryClient(basic.address, wrongPassword);
      const listing = await asyncUserErrorOf(client.listTags(PAGED));
      expect(listing.subject).toBe(`${basic.address}/${PAGED}`);
      expect(listing.message).toMatch(/the registry refused listing tags \(HTTP 401 UNAUTHORIZED/);
      expect(listing.remedy).toMatch(/registry-password/);
      expectNoSecret(listing.message, wrongPassword);
      const reading = await asyncUserErrorOf(client.manifestDigest(PAGED, 'v1'));
      expect(reading.message).toMatch(/the registry refused reading the manifest \(HTTP 401/);
      expectNoSecret(reading.message, wrongPassword);
    });

    it('checkAccess passes with the right credentials and fails with wrong or none', async () => {
      const { basic } = services();
      await expect(new RegistryClient(basic.address, user).checkAccess()).resolves.toBeUndefined();
      const wrong = await asyncUserErrorOf(new RegistryClient(basic.address, wrongPassword).checkAccess());
      expect(wrong.message).toMatch(/the registry refused logging in \(HTTP 401/);
      expectNoSecret(wrong.message, wrongPassword);
      const anonymous = await asyncUserErrorOf(new RegistryClient(basic.address).checkAccess());
      expect(anonymous.remedy).toBe('set registry-username and registry-password');
    });

    it('reaches a loopback registry over plain http (127.0.0.1 and localhost)', async () => {
      const { basic } = services();
      const port = basic.address.split(':')[1] ?? '';
      for (const host of [basic.address, `localhost:${port}`]) {
        const { client, exchanges } = recordingHttp();
        await new RegistryClient(host, user, { http: client }).checkAccess();
        expect(exchanges.map((e) => `${e.url.protocol}//${e.url.host} ${e.status}`)).toEqual([
          `http://${host} 401`,
          `http://${host} 200`,
        ]);
      }
    });
  });

  describe('token (Bearer) registry', () => {
    it('lets an anonymous client list tags through a pull-only token', async () => {
      const { bearer } = services();
      const { client, exchanges } = recordingHttp();
      const registry = new RegistryClient(bearer.address, undefined, { http: client });
      let tags: string[] = [];
      const asked = await tokenRequestsDuring(async () => {
        tags = await registry.listTags(TOKENED);
      });
      expect(tags.sort()).toEqual(['1', '2']);
      expect(asked).toEqual([{ scope: `repository:${TOKENED}:pull`, user: null, status: 200 }]);
      const listed = exchanges.filter((e) => e.url.host === bearer.address);
      expect(listed.map((e) => e.status)).toEqual([401, 200]);
      expect(listed[1]?.authorization).toMatch(/^Bearer /);
      // A missing repository is [] for an anonymous client too (the token is granted, the name unknown).
      expect(await registry.listTags('e2e/missing')).toEqual([]);
    });

    it("asks the token server with the user's Basic credentials and the repository's pull scope", async () => {
      const { bearer, tokens } = services();
      const registry = new RegistryClient(bearer.address, user);
      let tags: string[] = [];
      const asked = await tokenRequestsDuring(async () => {
        tags = await registry.listTags(TOKENED);
      });
      expect(tags.sort()).toEqual(['1', '2']);
      expect(asked).toEqual([{ scope: `repository:${TOKENED}:pull`, user: user.username, status: 200 }]);
      // The token the client got names the user and the scope (the registry checked its signature).
      const { client, exchanges } = recordingHttp();
      await new RegistryClient(bearer.address, user, { http: client }).listTags(TOKENED);
      const tokenAnswer = exchanges.find((e) => e.url.href.startsWith(tokens.url));
      expect(tokenAnswer?.url.searchParams.get('service')).toBe(tokens.service);
      const bearerToken = exchanges.at(-1)?.authorization?.replace(/^Bearer /, '') ?? '';
      expect(decodeJwt(bearerToken)).toMatchObject({
        iss: tokens.issuer,
        sub: user.username,
        aud: tokens.service,
        access: [{ type: 'repository', name: TOKENED, actions: ['pull'] }],
      });
    });

    it("reads manifest digests as skopeo sees them, reusing the listing's token", async () => {
      const { bearer } = services();
      const registry = new RegistryClient(bearer.address, user);
      let digests: (string | undefined)[] = [];
      const asked = await tokenRequestsDuring(async () => {
        await registry.listTags(TOKENED);
        digests = [
          await registry.manifestDigest(TOKENED, '1'),
          await registry.manifestDigest(TOKENED, 'nope'),
        ];
      });
      expect(asked).toHaveLength(1);
      expect(digests).toEqual([await skopeoDigest(`${bearer.address}/${TOKENED}:1`, user), undefined]);
      expect(digests[0]).toBe(pushed.get(`${bearer.address}/${TOKENED}:1`));
    });

    it('checkAccess gets a scope-less token with good credentials and a UserError with bad ones', async () => {
      const { bearer } = services();
      const good = await tokenRequestsDuring(() => new RegistryClient(bearer.address, user).checkAccess());
      expect(good).toEqual([{ scope: null, user: user.username, status: 200 }]);

      let failure: UserError | undefined;
      const bad = await tokenRequestsDuring(async () => {
        failure = await asyncUserErrorOf(new RegistryClient(bearer.address, wrongPassword).checkAccess());
      });
      expect(bad).toEqual([{ scope: null, user: user.username, status: 401 }]);
      expect(failure?.subject).toBe(bearer.address);
      expect(failure?.message).toMatch(/the token service refused the credentials \(HTTP 401\)/);
      expectNoSecret(failure?.message ?? '', wrongPassword);
      // Listing with bad credentials fails the same way, never as an anonymous fallback.
      const listing = await asyncUserErrorOf(
        new RegistryClient(bearer.address, wrongPassword).listTags(TOKENED),
      );
      expect(listing.message).toMatch(/the token service refused the credentials/);
    });

    it('reuses a token: the second listing of a repository does not ask the token server', async () => {
      const { bearer } = services();
      const { client, exchanges } = recordingHttp();
      const registry = new RegistryClient(bearer.address, user, { http: client });
      const first = await tokenRequestsDuring(() => registry.listTags(TOKENED));
      const sentBefore = exchanges.length;
      const second = await tokenRequestsDuring(() => registry.listTags(TOKENED));
      expect(first).toHaveLength(1);
      expect(second).toEqual([]);
      // Straight to the registry with the cached Bearer token: no 401 round trip either.
      const again = exchanges.slice(sentBefore);
      expect(again.map((e) => e.status)).toEqual([200]);
      expect(again[0]?.authorization).toMatch(/^Bearer /);
    });

    it('reads a digest anonymously on a fresh client (HEAD answers the Bearer challenge too)', async () => {
      const { bearer } = services();
      const registry = new RegistryClient(bearer.address);
      let digest: string | undefined;
      const asked = await tokenRequestsDuring(async () => {
        digest = await registry.manifestDigest(TOKENED, '2');
      });
      expect(asked).toEqual([{ scope: `repository:${TOKENED}:pull`, user: null, status: 200 }]);
      expect(digest).toBe(pushed.get(`${bearer.address}/${TOKENED}:2`));
    });

    it('turns a token the registry does not trust (another signing key) into a UserError', async () => {
      const { tokens } = services();
      // A registry that trusts the main token server's certificate but sends clients to a second server.
      const impostor = await startTokenServer({ users: { [user.username]: user.password } });
      let registry: Registry | undefined;
      try {
        registry = await startRegistry({
          token: {
            realm: impostor.url,
            service: tokens.service,
            issuer: tokens.issuer,
            certificatePem: tokens.certificatePem,
          },
        });
        const failure = await asyncUserErrorOf(new RegistryClient(registry.address, user).listTags(TOKENED));
        expect(impostor.requests).toEqual([
          { scope: `repository:${TOKENED}:pull`, user: user.username, status: 200 },
        ]);
        expect(failure.message).toMatch(/the registry refused listing tags \(HTTP 401 UNAUTHORIZED/);
        expectNoSecret(failure.message, user);
      } finally {
        await Promise.all([registry?.stop(), impostor.stop()]);
      }
    });

    it('the token server grants anonymous requests pull only and refuses bad credentials', async () => {
      const { tokens } = services();
      const scope = `repository:${TOKENED}:pull,push`;
      const anonymous = await fetch(`${tokens.url}?service=${tokens.service}&scope=${scope}`);
      const body = (await anonymous.json()) as { token: string; access_token: string; expires_in: number };
      expect(body.access_token).toBe(body.token);
      expect(body.expires_in).toBeGreaterThan(0);
      expect(decodeJwt(body.token)['access']).toEqual([
        { type: 'repository', name: TOKENED, actions: ['pull'] },
      ]);
      const basicHeader = `Basic ${Buffer.from(`${user.username}:nope`).toString('base64')}`;
      const refused = await fetch(`${tokens.url}?scope=${scope}`, {
        headers: { authorization: basicHeader },
      });
      expect(refused.status).toBe(401);
    });
  });
});
