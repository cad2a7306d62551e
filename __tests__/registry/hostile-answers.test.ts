// A registry that asks for more than anyone can hold: huge chunks, endless or looping tag lists,
// answers of many megabytes where a few KiB are due. Each is refused with an error that names it.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Descriptor } from '../../src/oci/descriptor.js';
import { RegistryClient, type RegistryClientOptions } from '../../src/registry/client.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';
import { startFakeRegistry, type Answer, type FakeRegistry, type Received } from './fake-registry.js';

const sha256 = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const noWait: RegistryClientOptions = { sleep: async () => undefined, retries: 1 };
const MIB = 1024 * 1024;

let fake: FakeRegistry | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function client(answer: (request: Received, address: string) => Answer): Promise<RegistryClient> {
  fake = await startFakeRegistry(answer);
  return new RegistryClient(fake.address, undefined, noWait);
}

const methods = (): string[] => (fake?.received ?? []).map((r) => r.method);

describe('OCI-Chunk-Min-Length', () => {
  const HUGE = String(100 * 1024 * MIB);
  const session = (request: Received, stored: string): Answer =>
    request.method === 'POST'
      ? { status: 202, headers: { location: '/v2/falco/blobs/uploads/s1', 'oci-chunk-min-length': HUGE } }
      : request.method === 'PATCH'
        ? { status: 202, headers: { location: '/v2/falco/blobs/uploads/s1' } }
        : request.method === 'PUT'
          ? { status: 201, headers: { 'docker-content-digest': stored } }
          : { status: 204 };

  it('sends a blob smaller than the chunk asked for as one chunk of its own size', async () => {
    const bytes = Buffer.from('a small layer\n');
    const descriptor: Descriptor = {
      mediaType: 'application/octet-stream',
      digest: sha256(bytes),
      size: bytes.length,
    };
    const registry = await client((request) => session(request, descriptor.digest));
    await registry.uploadBlob('falco', descriptor, async () => Readable.from([bytes]));
    expect(fake?.received.map((r) => [r.method, r.bodyBytes])).toEqual([
      ['POST', 0],
      ['PATCH', bytes.length],
      ['PUT', 0],
    ]);
  });

  it('refuses a chunk size no one can hold, before reading the blob or sending a byte', async () => {
    const descriptor: Descriptor = {
      mediaType: 'application/octet-stream',
      digest: sha256(Buffer.from('x')),
      size: 300 * MIB,
    };
    let opened = 0;
    const registry = await client((request) => session(request, descriptor.digest));
    const error = await asyncUserErrorOf(
      registry.uploadBlob('falco', descriptor, async () => {
        opened++;
        return Readable.from([]);
      }),
    );
    expect(error.message).toContain(`chunks of at least ${HUGE} bytes`);
    expect(opened).toBe(0);
    expect(methods()).toEqual(['POST', 'DELETE']);
  });
});

describe('tag lists', () => {
  const page = (tags: string[], next?: string): Answer => ({
    status: 200,
    headers: next ? { link: `<${next}>; rel="next"` } : {},
    body: JSON.stringify({ tags }),
  });

  it('refuses pages that link back to one already read', async () => {
    const registry = await client((request) =>
      request.url.includes('last=a')
        ? page(['b'], '/v2/falco/tags/list?n=1000')
        : page(['a'], '/v2/falco/tags/list?last=a'),
    );
    const error = await asyncUserErrorOf(registry.listTags('falco'));
    expect(error.message).toContain('link back to one already read');
    expect(methods()).toEqual(['GET', 'GET']);
  });

  it('stops after 1000 pages', async () => {
    let served = 0;
    const registry = await client(() => page([`t${++served}`], `/v2/falco/tags/list?last=t${served}`));
    const error = await asyncUserErrorOf(registry.listTags('falco'));
    expect(error.message).toContain('more than 1000 pages');
    expect(served).toBe(1000);
  });

  it('refuses a page of more than 8 MiB', async () => {
    const registry = await client(() => page(['x'.repeat(9 * MIB)]));
    const error = await asyncUserErrorOf(registry.listTags('falco'));
    expect(error.message).toContain('127.0.0.1');
    expect(error.message).toContain('a page is longer than');
  });
});

describe('answers read into memory', () => {
  it('refuses a manifest over 4 MiB, naming the reference', async () => {
    const body = JSON.stringify({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      pad: 'x'.repeat(5 * MIB),
    });
    const registry = await client(() => ({ status: 200, body }));
    const error = await asyncUserErrorOf(registry.getManifest('falco', 'big'));
    expect(error.message).toContain('/falco:big');
    expect(error.message).toContain(`longer than ${4 * MIB} bytes`);
  });

  it('refuses a token answer over 1 MiB', async () => {
    const registry = await client((request, address) =>
      request.url.startsWith('/token')
        ? { status: 200, body: JSON.stringify({ token: 'x'.repeat(2 * MIB) }) }
        : {
            status: 401,
            headers: { 'www-authenticate': `Bearer realm="http://${address}/token",service="fake"` },
          },
    );
    const error = await asyncUserErrorOf(registry.listTags('falco'));
    expect(error.message).toContain(`token service answered with more than ${MIB} bytes`);
  });

  it('refuses any other answer over 4 MiB', async () => {
    const registry = await client(() => ({ status: 401, body: 'x'.repeat(5 * MIB) }));
    const error = await asyncUserErrorOf(registry.checkAccess());
    expect(error.message).toContain(`more than ${4 * MIB} bytes`);
  });
});

describe('answers with a large Content-Length and no body', () => {
  it('reads a HEAD of a large blob as its answer, not as a body too long', async () => {
    const registry = await client(() => ({
      status: 200,
      headers: { 'content-length': String(5 * 1024 * MIB) },
    }));
    expect(await registry.hasBlob('falco', `sha256:${'c'.repeat(64)}`)).toBe(true);
  });
});
