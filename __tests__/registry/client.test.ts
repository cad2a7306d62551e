import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Descriptor } from '../../src/oci/descriptor.js';
import { RegistryClient, type RegistryClientOptions } from '../../src/registry/client.js';
import { UserError } from '../../src/util/errors.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { startFakeRegistry, type Answer, type FakeRegistry, type Received } from './fake-registry.js';

const sha256 = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const noWait: RegistryClientOptions = { sleep: async () => undefined, retries: 1 };

let fake: FakeRegistry | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function registry(answer: (request: Received, address: string) => Answer): Promise<FakeRegistry> {
  fake = await startFakeRegistry(answer);
  return fake;
}

const requests = (registry: FakeRegistry): string[] =>
  registry.received.map((r) => `${r.method} ${r.url.split('?')[0] ?? ''}`);

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a failure');
}

describe('RegistryClient.listedTags', () => {
  it('answers from the tag list read for latest: auto, with no request of its own', async () => {
    const r = await registry(() => ({ status: 200, body: '{"name":"falco","tags":["0.25.0","latest"]}' }));
    const client = new RegistryClient(r.address);
    expect(await client.listTags('falco')).toEqual(['0.25.0', 'latest']);
    expect(await client.listedTags('falco')).toEqual(new Set(['0.25.0', 'latest']));
    expect(await client.listedTags('falco')).toEqual(new Set(['0.25.0', 'latest']));
    expect(requests(r)).toEqual(['GET /v2/falco/tags/list']);
  });

  it('lists once per repository when nothing read the list before', async () => {
    const r = await registry((request) => ({
      status: 200,
      body: JSON.stringify({ tags: [request.url.includes('/a/') ? 'a1' : 'b1'] }),
    }));
    const client = new RegistryClient(r.address);
    const [a, again, b] = await Promise.all([
      client.listedTags('x/a'),
      client.listedTags('x/a'),
      client.listedTags('x/b'),
    ]);
    expect([a, again, b]).toEqual([new Set(['a1']), new Set(['a1']), new Set(['b1'])]);
    expect(requests(r).sort()).toEqual(['GET /v2/x/a/tags/list', 'GET /v2/x/b/tags/list']);
  });

  it('is undefined when the registry will not list (while listTags says why), and asks again later', async () => {
    const r = await registry(() => ({
      status: 403,
      body: '{"errors":[{"code":"DENIED","message":"listing not allowed"}]}',
    }));
    const client = new RegistryClient(r.address, undefined, noWait);
    expect(await client.listedTags('falco')).toBeUndefined();
    await expect(client.listTags('falco')).rejects.toThrow('DENIED: listing not allowed');
    expect(await client.listedTags('falco')).toBeUndefined();
    expect(requests(r)).toEqual([
      'GET /v2/falco/tags/list',
      'GET /v2/falco/tags/list',
      'GET /v2/falco/tags/list',
    ]);
  });
});

describe('RegistryClient.uploadBlob, failing for good', () => {
  const bytes = Buffer.from('a blob that never makes it\n');
  const descriptor: Descriptor = {
    mediaType: 'application/octet-stream',
    digest: sha256(bytes),
    size: bytes.length,
  };
  /** Answers the session requests: POST opens session-1, session-2, ...; DELETE cancels. */
  function sessions(): (request: Received) => Answer | undefined {
    let opened = 0;
    return (request) =>
      request.method === 'POST'
        ? { status: 202, headers: { location: `/v2/falco/blobs/uploads/session-${++opened}` } }
        : request.method === 'DELETE'
          ? { status: 204 }
          : undefined;
  }

  it('cancels its upload session when the registry refuses the blob', async () => {
    const session = sessions();
    const r = await registry(
      (request) =>
        session(request) ?? {
          status: 403,
          body: '{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}',
        },
    );
    const client = new RegistryClient(r.address, undefined, noWait);
    const failure = await failureOf(
      client.uploadBlob('falco', descriptor, async () => Readable.from([bytes])),
    );
    expect(failure).toBeInstanceOf(UserError);
    expect(failure.message).toContain('DENIED');
    expect(requests(r)).toEqual([
      'POST /v2/falco/blobs/uploads/',
      'PUT /v2/falco/blobs/uploads/session-1',
      'DELETE /v2/falco/blobs/uploads/session-1',
    ]);
  });

  it('cancels the sessions of every attempt, once the last one failed', async () => {
    const session = sessions();
    let puts = 0;
    const r = await registry(
      (request) =>
        session(request) ??
        (++puts === 1 ? { status: 503 } : { status: 403, body: '{"errors":[{"code":"DENIED"}]}' }),
    );
    const client = new RegistryClient(r.address, undefined, noWait);
    const failure = await failureOf(
      client.uploadBlob('falco', descriptor, async () => Readable.from([bytes])),
    );
    expect(failure.message).toContain('DENIED');
    expect(requests(r)).toEqual([
      'POST /v2/falco/blobs/uploads/',
      'PUT /v2/falco/blobs/uploads/session-1',
      'POST /v2/falco/blobs/uploads/',
      'PUT /v2/falco/blobs/uploads/session-2',
      'DELETE /v2/falco/blobs/uploads/session-1',
      'DELETE /v2/falco/blobs/uploads/session-2',
    ]);
  });

  it('cancels its session when the blob is not what its descriptor says', async () => {
    const session = sessions();
    const r = await registry((request) => session(request) ?? { status: 201 });
    const client = new RegistryClient(r.address, undefined, noWait);
    const wrong = { ...descriptor, digest: sha256(Buffer.from('something else')) };
    const failure = await failureOf(client.uploadBlob('falco', wrong, async () => Readable.from([bytes])));
    expect(failure.message).toContain('the blob is not what its descriptor says');
    expect(requests(r).filter((request) => request.startsWith('DELETE'))).toEqual([
      'DELETE /v2/falco/blobs/uploads/session-1',
    ]);
  });

  it('keeps a refused DELETE out of the error the user sees', async () => {
    const session = sessions();
    const r = await registry((request) =>
      request.method === 'DELETE'
        ? { status: 405, body: '{"errors":[{"code":"UNSUPPORTED","message":"no deletes here"}]}' }
        : (session(request) ?? { status: 400, body: '{"errors":[{"code":"BLOB_UPLOAD_INVALID"}]}' }),
    );
    const client = new RegistryClient(r.address, undefined, noWait);
    const failure = await failureOf(
      client.uploadBlob('falco', descriptor, async () => Readable.from([bytes])),
    );
    expect(failure.message).toContain('BLOB_UPLOAD_INVALID');
    expect(failure.message).not.toContain('UNSUPPORTED');
    // The refused single PUT, then chunks in a second session: both are cancelled.
    expect(requests(r).filter((request) => request.startsWith('DELETE'))).toHaveLength(2);
  });

  it('sends no DELETE to a registry it cannot reach', async () => {
    const session = sessions();
    const r = await registry((request) => session(request) ?? 'reset');
    const client = new RegistryClient(r.address, undefined, { ...noWait, retries: 0 });
    const failure = await failureOf(
      client.uploadBlob('falco', descriptor, async () => Readable.from([bytes])),
    );
    expect(failure.message).toMatch(/cannot reach/);
    expect(requests(r).filter((request) => request.startsWith('DELETE'))).toEqual([]);
  });
});

describe('RegistryClient keeps credentials out of errors and logs', () => {
  const credentials = { username: 'pusher', password: 'Pw-5ecret-Never-Shown' };
  const basic = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
  const token = 'tok-Fa1co-Bearer-Secret';
  const secrets = [credentials.password, basic, token];

  /** A registry that echoes whatever Authorization it got into its Warnings and errors: the worst case. */
  function echoing(request: Received): Answer {
    const echo = `you sent ${request.authorization ?? 'nothing'} (password ${credentials.password})`;
    const errors = (code: string): string => JSON.stringify({ errors: [{ code, message: echo }] });
    const headers = { warning: `299 - "${echo}"` };
    if (request.url.startsWith('/v2/falco/manifests/')) {
      return request.method === 'PUT'
        ? { status: 403, headers, body: errors('DENIED') }
        : { status: 503, headers, body: errors('UNAVAILABLE') };
    }
    if (request.url.startsWith('/v2/falco/tags/list'))
      return { status: 400, headers, body: errors('NAME_INVALID') };
    if (request.method === 'POST')
      return { status: 202, headers: { location: '/v2/falco/blobs/uploads/s1' } };
    if (request.method === 'PUT') return { status: 400, headers, body: errors('DIGEST_INVALID') };
    if (request.method === 'PATCH') return { status: 416, headers, body: errors('BLOB_UPLOAD_INVALID') };
    return { status: 200, headers };
  }

  /** Every way the client may speak of a registry: its errors (and their stacks) and its log lines. */
  async function everything(client: RegistryClient, lines: string[]): Promise<string> {
    const bytes = Buffer.from('blob\n');
    const descriptor = { mediaType: 'application/octet-stream', digest: sha256(bytes), size: bytes.length };
    const errors = await Promise.all([
      failureOf(client.getManifest('falco', 'v1')),
      failureOf(
        client.putManifest('falco', 'v1', { bytes, mediaType: 'application/vnd.oci.image.manifest.v1+json' }),
      ),
      failureOf(client.listTags('falco')),
      failureOf(client.uploadBlob('falco', descriptor, async () => Readable.from([bytes]))),
    ]);
    return [...errors.map((error) => `${error.message}\n${error.stack ?? ''}`), ...lines].join('\n');
  }

  it('with Basic credentials', async () => {
    const r = await registry((request) =>
      request.authorization === `Basic ${basic}`
        ? echoing(request)
        : { status: 401, headers: { 'www-authenticate': 'Basic realm="fake"' } },
    );
    const logger = captureLogger();
    const client = new RegistryClient(r.address, credentials, { ...noWait, logger });
    const shown = await everything(client, logger.lines);
    expect(shown).toContain('you sent Basic ***');
    expect(logger.lines.some((line) => line.startsWith('warning: ') && line.includes('***'))).toBe(true);
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });

  it('with Bearer tokens', async () => {
    const r = await registry((request, address) => {
      if (request.url.startsWith('/token')) {
        return request.authorization === `Basic ${basic}`
          ? { status: 200, body: JSON.stringify({ token, expires_in: 300 }) }
          : { status: 401 };
      }
      return request.authorization === `Bearer ${token}`
        ? echoing(request)
        : {
            status: 401,
            headers: { 'www-authenticate': `Bearer realm="http://${address}/token",service="fake"` },
          };
    });
    const logger = captureLogger();
    const client = new RegistryClient(r.address, credentials, { ...noWait, logger });
    const shown = await everything(client, logger.lines);
    expect(shown).toContain('you sent Bearer ***');
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });
});
