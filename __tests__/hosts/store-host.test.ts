import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPackageHost } from '../../src/hosts/open-host.js';
import { StoreHost } from '../../src/hosts/store-host.js';
import {
  ConditionalWritesUnsupported,
  PreconditionFailed,
  type ListedObject,
  type ObjectInfo,
  type ObjectStore,
  type PutBody,
  type PutOptions,
} from '../../src/stores/object-store.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

/** A store that records every put and answers conditional writes as told. */
class FakeStore implements ObjectStore {
  readonly description = 's3://fake/packages';
  readonly puts: { key: string; options: PutOptions }[] = [];
  readonly deleted: string[] = [];
  constructor(
    private readonly conditions: 'work' | 'unsupported' | 'ignored',
    readonly conditionalWritesGuaranteed?: boolean,
  ) {}
  async head(): Promise<ObjectInfo | undefined> {
    return undefined;
  }
  async get(): Promise<undefined> {
    return undefined;
  }
  async open(): Promise<Readable | undefined> {
    return undefined;
  }
  async put(key: string, _body: PutBody, options: PutOptions = {}): Promise<string> {
    this.puts.push({ key, options });
    const conditional = options.ifMatch !== undefined || options.ifNoneMatch === true;
    if (conditional && this.conditions === 'unsupported') throw new ConditionalWritesUnsupported(key);
    if (options.ifMatch !== undefined && this.conditions === 'work') throw new PreconditionFailed(key);
    return 'etag';
  }
  async delete(key: string): Promise<void> {
    this.deleted.push(key);
  }
  async list(): Promise<string[]> {
    return [];
  }
  async entries(): Promise<ListedObject[]> {
    return [];
  }
}

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-host-'));
  file = join(dir, 'falco.deb');
  await writeFile(file, 'x');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const PROBE = '.falco-publisher/conditional-write-probe';

describe('StoreHost.check', () => {
  it('does not probe a store whose conditional writes are guaranteed', async () => {
    const store = new FakeStore('unsupported', true);
    const host = new StoreHost(store, false);
    await host.check();
    expect(store.puts).toEqual([]);
    expect(host.repositoryStore()).toEqual({ store, conditional: true });
  });

  it('probes any other store with a conditional write that must be refused', async () => {
    const store = new FakeStore('work');
    const host = new StoreHost(store, false);
    await host.check();
    expect(store.puts.map((put) => put.key)).toEqual([PROBE]);
    expect(host.repositoryStore().conditional).toBe(true);
  });

  it('refuses a store without conditional writes unless publishers are serialized', async () => {
    const error = await asyncUserErrorOf(new StoreHost(new FakeStore('unsupported'), false).check());
    expect(error.message).toContain(
      'package-host: s3://fake/packages does not support conditional writes (If-None-Match / If-Match)',
    );
    const store = new FakeStore('unsupported');
    const host = new StoreHost(store, true);
    await host.check();
    expect(host.repositoryStore().conditional).toBe(false);
    await host.put('deb/stable/falco.deb', file, { sha256: 'a'.repeat(64), replace: false });
    expect(store.puts.at(-1)?.options.ifNoneMatch).toBeUndefined();
  });

  it('a store that ignores conditions is refused too, and the probe it wrote is removed', async () => {
    const store = new FakeStore('ignored');
    await asyncUserErrorOf(new StoreHost(store, false).check());
    expect(store.deleted).toEqual([PROBE]);
  });
});

describe('StoreHost.put', () => {
  it('creates a new package only if absent, with its sha256, content type and cache control', async () => {
    const store = new FakeStore('work');
    await new StoreHost(store, false).put('deb/stable/falco.deb', file, {
      sha256: 'a'.repeat(64),
      replace: false,
    });
    expect(store.puts).toEqual([
      {
        key: 'deb/stable/falco.deb',
        options: {
          ifNoneMatch: true,
          metadata: { sha256: 'a'.repeat(64) },
          cacheControl: 'public, max-age=31536000, immutable',
          contentType: 'application/vnd.debian.binary-package',
        },
      },
    ]);
  });
});

describe('openPackageHost', () => {
  it('opens an S3 host over the S3 store, loaded for an s3:// location only', async () => {
    const host = await openPackageHost(
      { kind: 's3', bucket: 'falco-distribution', prefix: 'packages' },
      { s3Endpoint: 'http://127.0.0.1:9', s3Region: undefined, serialized: false },
    );
    expect(host).toBeInstanceOf(StoreHost);
    expect(host.description).toBe('s3://falco-distribution/packages');
  });
});
