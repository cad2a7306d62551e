import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubFake, digestOf } from './github-fake.js';

// The fake stands in for GitHub in the release host's tests: it must refuse what GitHub's description
// does not allow, or those tests would pass against requests GitHub refuses.

const TOKEN = 'ghs_fake-token-for-the-fake-itself';
let fake: GitHubFake;

beforeAll(async () => {
  fake = await GitHubFake.start();
  fake.grant(TOKEN);
  fake.repository('falcosecurity/falco');
});
afterAll(() => fake.stop());

function call(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method,
    headers: {
      authorization: `token ${TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function createRelease(tag: string): Promise<{ id: number; upload_url: string }> {
  const response = await call('POST', `${fake.apiUrl}/repos/falcosecurity/falco/releases`, { tag_name: tag });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: number; upload_url: string };
}

describe('the GitHub fake', () => {
  it('answers 404 for a route GitHub does not have', async () => {
    const response = await call('GET', `${fake.apiUrl}/repos/falcosecurity/falco/releasez`);
    expect(response.status).toBe(404);
    expect(fake.requests.at(-1)?.operationId).toBeUndefined();
  });

  it('answers 401 without a token it knows', async () => {
    const response = await fetch(`${fake.apiUrl}/repos/falcosecurity/falco`, {
      headers: { authorization: 'token nope' },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { message: string }).message).toBe('Bad credentials');
  });

  it('refuses a body property the description does not have, or of the wrong type', async () => {
    const url = `${fake.apiUrl}/repos/falcosecurity/falco/releases`;
    const unknown = await call('POST', url, { tag_name: '0.1.0', prerelase: true });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('prerelase');
    const wrongType = await call('POST', url, { tag_name: '0.1.0', draft: 'no' });
    expect(wrongType.status).toBe(422);
    const missing = await call('POST', url, { name: 'no tag' });
    expect(missing.status).toBe(422);
    expect(fake.state.release('falcosecurity/falco', '0.1.0')).toBeUndefined();
  });

  it('refuses a query parameter the operation does not take, and a path parameter of the wrong type', async () => {
    const release = await createRelease('0.2.0');
    const extra = await call(
      'GET',
      `${fake.apiUrl}/repos/falcosecurity/falco/releases/${release.id}/assets?perpage=100`,
    );
    expect(extra.status).toBe(422);
    const wrongType = await call(
      'GET',
      `${fake.apiUrl}/repos/falcosecurity/falco/releases/latest-one/assets`,
    );
    expect(wrongType.status).toBe(422);
  });

  it('takes uploads on the uploads server only, with the Content-Length of the bytes', async () => {
    const release = await createRelease('0.3.0');
    const bytes = Buffer.from('a package');
    const path = `/repos/falcosecurity/falco/releases/${release.id}/assets?name=falco-0.3.0-x86_64.tar.gz`;
    const headers = { 'content-type': 'application/gzip', 'content-length': String(bytes.length) };
    const onApi = await fetch(`${fake.apiUrl}${path}`, {
      method: 'POST',
      body: bytes,
      headers: { ...headers, authorization: `token ${TOKEN}` },
    });
    expect(onApi.status).toBe(404);
    expect(release.upload_url.startsWith(`${fake.uploadsUrl}/`)).toBe(true);
    const noType = await fetch(`${fake.uploadsUrl}${path}`, {
      method: 'POST',
      body: bytes,
      headers: { authorization: `token ${TOKEN}` },
    });
    expect(noType.status).toBe(422);
    const uploaded = await fetch(`${fake.uploadsUrl}${path}`, {
      method: 'POST',
      body: bytes,
      headers: { ...headers, authorization: `token ${TOKEN}` },
    });
    expect(uploaded.status).toBe(201);
    const asset = (await uploaded.json()) as { name: string; digest: string; browser_download_url: string };
    expect(asset.digest).toBe(digestOf(bytes));
    expect(Buffer.from(await (await fetch(asset.browser_download_url)).arrayBuffer())).toEqual(bytes);
    const again = await fetch(`${fake.uploadsUrl}${path}`, {
      method: 'POST',
      body: bytes,
      headers: { ...headers, authorization: `token ${TOKEN}` },
    });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('already_exists');
  });

  it('renames an asset as GitHub does: an unencoded + arrives as a space and becomes a dot', async () => {
    const release = await createRelease('0.4.0');
    const bytes = Buffer.from('dev');
    const headers = {
      authorization: `token ${TOKEN}`,
      'content-type': 'application/gzip',
      'content-length': '3',
    };
    const base = `${fake.uploadsUrl}/repos/falcosecurity/falco/releases/${release.id}/assets?name=`;
    const raw = await fetch(`${base}falco-0.4.0-1+abc-x86_64.tar.gz`, {
      method: 'POST',
      body: bytes,
      headers,
    });
    expect(((await raw.json()) as { name: string }).name).toBe('falco-0.4.0-1.abc-x86_64.tar.gz');
    const encoded = await fetch(`${base}${encodeURIComponent('falco-0.4.0-1+abc-x86_64.tar.gz')}`, {
      method: 'POST',
      body: bytes,
      headers,
    });
    expect(((await encoded.json()) as { name: string }).name).toBe('falco-0.4.0-1+abc-x86_64.tar.gz');
  });

  it('answers a secondary rate limit and a 5xx when a test asks, then as usual', async () => {
    fake.inject({ status: 'secondary-limit', times: 1, retryAfter: 7 });
    fake.inject({ status: 503, times: 1 });
    const limited = await call('GET', `${fake.apiUrl}/repos/falcosecurity/falco`);
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.text()).toContain('secondary rate limit');
    expect((await call('GET', `${fake.apiUrl}/repos/falcosecurity/falco`)).status).toBe(503);
    expect((await call('GET', `${fake.apiUrl}/repos/falcosecurity/falco`)).status).toBe(200);
  });
});
