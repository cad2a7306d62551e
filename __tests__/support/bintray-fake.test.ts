import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBintrayFake, type BintrayFake } from './bintray-fake.js';

// The Bintray stand-in itself: what it accepts, what it refuses as Bintray did, and the state it keeps.
const USER = 'falco-bot';
const KEY = 'k3y-of-the-fake';
const AUTH = `Basic ${Buffer.from(`${USER}:${KEY}`).toString('base64')}`;

let fake: BintrayFake;
beforeEach(async () => {
  fake = await startBintrayFake({
    subject: 'falcosecurity',
    username: USER,
    apiKey: KEY,
    repositories: { deb: ['falco'], 'rpm-dev': ['falco'], bin: ['falco'] },
  });
});
afterEach(async () => fake.stop());

async function call(
  method: string,
  path: string,
  options: { body?: string | Buffer; auth?: string | null; json?: boolean } = {},
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (options.auth !== null) headers.authorization = options.auth ?? AUTH;
  if (options.json) headers['content-type'] = 'application/json';
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const version = (repo: string, name: string) =>
  call('POST', `/packages/falcosecurity/${repo}/falco/versions`, {
    json: true,
    body: JSON.stringify({
      name,
      desc: `falco ${name}`,
      vcs_tag: name,
      released: '2020-05-01T10:00:00.000Z',
    }),
  });

describe('the Bintray fake', () => {
  it('refuses wrong credentials everywhere and missing ones for writes, as Bintray did', async () => {
    const wrong = `Basic ${Buffer.from(`${USER}:nope`).toString('base64')}`;
    expect((await call('GET', '/repos/falcosecurity', { auth: wrong })).status).toBe(401);
    expect((await call('GET', '/repos/falcosecurity', { auth: null })).status).toBe(200);
    expect(
      await call('POST', '/packages/falcosecurity/deb/falco/versions', {
        auth: null,
        json: true,
        body: '{}',
      }),
    ).toEqual({
      status: 401,
      body: { message: 'This resource requires authentication' },
    });
    expect(fake.versions('deb', 'falco')).toEqual([]);
  });

  it('lists repositories, and answers 404 with the missing part named', async () => {
    expect(await call('GET', '/repos/falcosecurity')).toEqual({
      status: 200,
      body: [
        { name: 'deb', owner: 'falcosecurity' },
        { name: 'rpm-dev', owner: 'falcosecurity' },
        { name: 'bin', owner: 'falcosecurity' },
      ],
    });
    expect(await call('GET', '/packages/falcosecurity/rpm/falco')).toEqual({
      status: 404,
      body: { message: "Repo 'rpm' was not found" },
    });
    expect(await call('GET', '/packages/falcosecurity/deb/sysdig')).toEqual({
      status: 404,
      body: { message: "Package 'sysdig' was not found" },
    });
    expect((await call('HEAD', '/packages/falcosecurity/deb/falco/versions/0.26.0')).status).toBe(404);
    expect((await call('GET', '/repos/someone-else')).status).toBe(404);
  });

  it('makes versions once, lists them newest first, and refuses a body Bintray would not take', async () => {
    expect((await version('deb', '0.26.0')).status).toBe(201);
    expect((await version('deb', '0.26.1')).status).toBe(201);
    expect(await version('deb', '0.26.0')).toEqual({
      status: 409,
      body: { message: "Version '0.26.0' already exists" },
    });
    expect((await call('HEAD', '/packages/falcosecurity/deb/falco/versions/0.26.0')).status).toBe(200);
    expect(await call('GET', '/packages/falcosecurity/deb/falco')).toMatchObject({
      status: 200,
      body: { versions: ['0.26.1', '0.26.0'], latest_version: '0.26.1' },
    });
    expect(fake.version('deb', 'falco', '0.26.0')).toMatchObject({ vcsTag: '0.26.0', desc: 'falco 0.26.0' });
    const bad = await call('POST', '/packages/falcosecurity/deb/falco/versions', {
      json: true,
      body: JSON.stringify({ name: '0.27.0', released: 'yesterday' }),
    });
    expect(bad.status).toBe(400);
    expect(fake.violations).toEqual(["released 'yesterday' is not ISO 8601"]);
  });

  it('takes a .deb only with its three deb_* matrix parameters, and keeps them', async () => {
    await version('deb', '0.26.0');
    const path = '/content/falcosecurity/deb/falco/0.26.0/stable/falco-0.26.0-x86_64.deb';
    const missing = await call('PUT', `${path};publish=1;deb_distribution=stable;deb_component=main`, {
      body: 'deb',
    });
    expect(missing.status).toBe(400);
    const unknown = await call('PUT', `${path};publish=1;deb.distribution=stable`, { body: 'deb' });
    expect(unknown.status).toBe(400);
    const query = await call('PUT', `${path}?publish=1`, { body: 'deb' });
    expect(query.status).toBe(400);
    expect(fake.violations).toHaveLength(3);
    expect(fake.files()).toEqual([]);
    const ok = await call(
      'PUT',
      `${path};publish=1;deb_distribution=stable;deb_component=main;deb_architecture=amd64`,
      {
        body: 'deb',
      },
    );
    expect(ok).toEqual({ status: 201, body: { message: 'success' } });
    expect(fake.files('deb')).toMatchObject([
      {
        path: 'stable/falco-0.26.0-x86_64.deb',
        version: '0.26.0',
        published: true,
        sha256: createHash('sha256').update('deb').digest('hex'),
        deb: { distribution: 'stable', component: 'main', architecture: 'amd64' },
      },
    ]);
  });

  it('refuses a path already taken without override=1, and replaces it with', async () => {
    await version('bin', '0.26.0');
    const path = '/content/falcosecurity/bin/falco/0.26.0/x86_64/falco-0.26.0-x86_64.tar.gz';
    expect((await call('PUT', `${path};publish=1`, { body: 'one' })).status).toBe(201);
    expect(await call('PUT', `${path};publish=1`, { body: 'two' })).toEqual({
      status: 409,
      body: {
        message:
          "Unable to upload files: An artifact with the path 'x86_64/falco-0.26.0-x86_64.tar.gz' already exists",
      },
    });
    expect((await call('PUT', `${path};publish=1;override=1`, { body: 'two' })).status).toBe(201);
    expect(fake.files('bin').map((file) => file.bytes.toString())).toEqual(['two']);
    const deb = await call(
      'PUT',
      `${path};publish=1;deb_distribution=stable;deb_component=main;deb_architecture=amd64`,
      {
        body: 'x',
      },
    );
    expect(deb.status).toBe(400);
  });

  it('lists unpublished files only when asked, publishes a version, and deletes one with its files', async () => {
    await version('rpm-dev', '0.27.0-1+abc');
    await version('rpm-dev', '0.27.0-2+def');
    const encoded = (v: string) => encodeURIComponent(v);
    const put = (v: string) =>
      call('PUT', `/content/falcosecurity/rpm-dev/falco/${encoded(v)}/falco-${encoded(v)}-x86_64.rpm`, {
        body: v,
      });
    expect((await put('0.27.0-1+abc')).status).toBe(201);
    expect((await put('0.27.0-2+def')).status).toBe(201);
    const files = `/packages/falcosecurity/rpm-dev/falco/versions/${encoded('0.27.0-1+abc')}/files`;
    expect((await call('GET', files)).body).toEqual([]);
    expect((await call('GET', `${files}?include_unpublished=1`)).body).toMatchObject([
      { path: 'falco-0.27.0-1+abc-x86_64.rpm', version: '0.27.0-1+abc', size: 12 },
    ]);
    const publish = await call(
      'POST',
      `/content/falcosecurity/rpm-dev/falco/${encoded('0.27.0-1+abc')}/publish`,
    );
    expect(publish).toEqual({ status: 200, body: { files: 1 } });
    expect((await call('GET', '/packages/falcosecurity/rpm-dev/falco/files')).body).toMatchObject([
      { version: '0.27.0-1+abc' },
    ]);
    const gone = await call(
      'DELETE',
      `/packages/falcosecurity/rpm-dev/falco/versions/${encoded('0.27.0-1+abc')}`,
    );
    expect(gone.status).toBe(200);
    expect(fake.versions('rpm-dev', 'falco')).toEqual(['0.27.0-2+def']);
    expect(fake.files('rpm-dev').map((file) => file.version)).toEqual(['0.27.0-2+def']);
    expect(
      (await call('DELETE', `/packages/falcosecurity/rpm-dev/falco/versions/${encoded('0.27.0-1+abc')}`))
        .status,
    ).toBe(404);
  });

  it('reads a raw + in a path as a space, as some servers do: clients must send %2B', async () => {
    await version('rpm-dev', '0.27.0-1+abc');
    expect((await call('HEAD', '/packages/falcosecurity/rpm-dev/falco/versions/0.27.0-1+abc')).status).toBe(
      404,
    );
    expect((await call('HEAD', '/packages/falcosecurity/rpm-dev/falco/versions/0.27.0-1%2Babc')).status).toBe(
      200,
    );
  });

  it('answers the faults a test asks for, before or after handling the request', async () => {
    fake.fail({ status: 503, times: 2, match: (method) => method === 'GET' });
    expect((await call('GET', '/repos/falcosecurity')).status).toBe(503);
    expect((await call('HEAD', '/packages/falcosecurity/deb/falco/versions/x')).status).toBe(404);
    expect((await call('GET', '/repos/falcosecurity')).status).toBe(503);
    expect((await call('GET', '/repos/falcosecurity')).status).toBe(200);
    fake.fail({ status: 500, times: 1, afterHandling: true });
    expect((await version('deb', '0.26.0')).status).toBe(500);
    expect(fake.versions('deb', 'falco')).toEqual(['0.26.0']);
    fake.fail({ status: 403, times: 1, message: 'Forbidden' });
    expect(await call('GET', '/repos/falcosecurity')).toEqual({
      status: 403,
      body: { message: 'Forbidden' },
    });
    expect(fake.requests.map((request) => request.status)).toEqual([503, 404, 503, 200, 500, 403]);
  });

  it('records a call to an endpoint the API does not have', async () => {
    expect((await call('GET', '/falcosecurity/deb/falco')).status).toBe(404);
    expect(fake.violations).toEqual(['GET /falcosecurity/deb/falco: no such endpoint']);
  });

  it('keeps a seeded version with its published files', async () => {
    fake.seed('bin', 'falco', '0.25.0', { 'x86_64/falco-0.25.0-x86_64.tar.gz': 'old' });
    expect((await call('GET', '/packages/falcosecurity/bin/falco/versions/0.25.0/files')).body).toMatchObject(
      [
        {
          path: 'x86_64/falco-0.25.0-x86_64.tar.gz',
          sha256: createHash('sha256').update('old').digest('hex'),
        },
      ],
    );
  });
});
