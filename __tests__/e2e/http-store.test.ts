import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationOf } from '../../src/hosts/host-credentials.js';
import { HttpHost } from '../../src/hosts/http-host.js';
import { HttpStore } from '../../src/stores/http-store.js';
import { UserError } from '../../src/util/errors.js';
import { startNginx, type Nginx, type NginxListing } from './services/nginx.js';

// The HTTP object store against real nginx (WebDAV PUT/DELETE, Basic auth), once with PROPFIND from the
// dav-ext module and once with nginx's own JSON autoindex as the listing.

const USER = { username: 'deployer', password: 'nginx-pw-7Hq2-never-logged' };
const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

function storeOn(nginx: Nginx, path: string, password = USER.password): HttpStore {
  return new HttpStore({
    baseUrl: `${nginx.origin}/${path}/`,
    authorization: authorizationOf({ kind: 'basic', username: USER.username, password }),
    credentialInputs: 'package-host-username / package-host-password',
    retry: { limit: 2, baseMs: 10, maxMs: 50 },
  });
}

describe.each<NginxListing>(['propfind', 'autoindex'])('HttpStore on nginx (%s listing)', (listing) => {
  let nginx: Nginx;
  let scratch: string;
  beforeAll(async () => {
    nginx = await startNginx({ user: USER, listing });
    scratch = await mkdtemp(join(tmpdir(), 'http-store-'));
  });
  afterAll(async () => {
    await nginx?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('writes, reads, lists and deletes files under the base URL, a dev version’s + included', async () => {
    const store = storeOn(nginx, 'packages');
    const file = join(scratch, 'pkg.deb');
    await writeFile(file, 'a package body');
    const key = 'deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb';
    await store.put(key, { file, size: 14 }, { metadata: { sha256: sha256('a package body') } });
    await store.put('deb-dev/dists/stable/Release', Buffer.from('Origin: Falco\n'));
    expect(await readFile(join(nginx.root, 'packages', key), 'utf8')).toBe('a package body');

    const info = await store.head(key);
    expect(info?.size).toBe(14);
    expect(info?.etag).toMatch(/^"[0-9a-f]+-e"$/); // nginx's ETag: mtime and size in hex
    expect((await store.get('deb-dev/dists/stable/Release'))?.bytes.toString()).toBe('Origin: Falco\n');
    expect(await store.head('deb-dev/stable/missing.deb')).toBeUndefined();

    expect(await store.list('deb-dev/')).toEqual(['deb-dev/dists/stable/Release', key]);
    expect(await store.list('deb-dev/stable/falco-0.27')).toEqual([key]);
    expect(await store.list('rpm/')).toEqual([]);
    const [entry] = await store.entries('deb-dev/stable/');
    expect(Math.abs((entry?.lastModified.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);

    await store.delete(key);
    await store.delete(key); // already gone: no failure
    expect(existsSync(join(nginx.root, 'packages', key))).toBe(false);
  });

  it('learns once that nginx knows no deploy-by-checksum, leaving no probe file behind', async () => {
    const store = storeOn(nginx, 'probe');
    expect(await store.checksumDeploy()).toBe(false);
    expect(existsSync(join(nginx.root, 'probe', '.falco-publisher', 'checksum-deploy-probe'))).toBe(false);
  });

  it('takes If-Match and If-None-Match without honouring them, which the host finds out', async () => {
    const refused = new HttpHost(storeOn(nginx, 'conditional'), false);
    await expect(refused.check()).rejects.toThrow(/does not support conditional writes.*serialized: true/);
    const serialized = new HttpHost(storeOn(nginx, 'conditional'), true);
    await serialized.check();
    expect(serialized.repositoryStore().conditional).toBe(false);
  });

  it('a wrong password is one UserError naming the credential inputs, without the password', async () => {
    const host = new HttpHost(storeOn(nginx, 'packages', 'wrong-pw-Zt81'), true);
    const error = await host.check().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain('refused the credentials (401');
    expect(String(error)).toContain('package-host-username / package-host-password');
    expect(String(error)).not.toContain('wrong-pw-Zt81');
  });

  it('a location that refuses writes is a 403 naming the credential inputs', async () => {
    const host = new HttpHost(storeOn(nginx, 'readonly/packages'), true);
    await expect(host.check()).rejects.toThrow(/denied PUT .*\(403\).*package-host-username/);
  });
});
