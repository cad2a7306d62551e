// RegistryClient writes and reads images against the real docker-registry (htpasswd and token auth), with
// skopeo as the independent check: what we push, skopeo inspects and copies out; what skopeo pushed, we read.
// A counting proxy in front of the registry proves that a cross-repository mount moves no blob bytes.
// Needs the Debian packages docker-registry, skopeo, apache2-utils and openssl.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaTypes } from '../../src/oci/media-types.js';
import { RegistryClient } from '../../src/registry/client.js';
import { startAuthRegistries, type AuthRegistries } from './services/auth-registries.js';
import { isAlive } from './services/process.js';
import { exchangesOf, startProxy } from './services/proxy.js';
import type { Credentials, Registry } from './services/registry.js';
import { skopeoConfig, skopeoCopy, skopeoRawManifest } from './services/skopeo-cli.js';
import {
  indexOf,
  readLayoutBlob,
  sha256,
  streamOf,
  tinyImage,
  writeLayout,
  type TestManifest,
  type TinyImage,
} from './services/tiny-image.js';

const user: Credentials = { username: 'push-user', password: 'push-Secret-61' };

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Uploads what the registry lacks (HEAD first), then the manifest under `reference`. */
async function pushImage(
  client: RegistryClient,
  repository: string,
  image: TinyImage,
  reference: string,
): Promise<string> {
  for (const blob of image.blobs) {
    if (!(await client.hasBlob(repository, blob.descriptor.digest))) {
      await client.uploadBlob(repository, blob.descriptor, async () => streamOf(blob.bytes));
    }
  }
  return client.putManifest(repository, reference, image.manifest);
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'oci-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('RegistryClient pushes and reads images, checked by skopeo', () => {
  let registries: AuthRegistries | undefined;
  const started = (): AuthRegistries => {
    if (!registries) throw new Error('registries did not start');
    return registries;
  };

  beforeAll(async () => {
    registries = await startAuthRegistries(user);
  });

  afterAll(async () => {
    const pids = [registries?.basic.pid, registries?.bearer.pid].filter((pid) => pid !== undefined);
    await registries?.stop();
    for (const pid of pids) expect(isAlive(pid), `pid ${pid}`).toBe(false);
  });

  const both: [string, (r: AuthRegistries) => Registry][] = [
    ['htpasswd (Basic)', (r) => r.basic],
    ['token (Bearer)', (r) => r.bearer],
  ];

  it.each(both)(
    '%s: a tiny OCI image we build and push is what skopeo inspects and copies out',
    async (_label, pick) => {
      const registry = pick(started());
      const client = new RegistryClient(registry.address, user);
      const image = tinyImage('hello from the client\n');
      const ref = `${registry.address}/e2e/pushed:v1`;

      for (const blob of image.blobs)
        expect(await client.hasBlob('e2e/pushed', blob.descriptor.digest)).toBe(false);
      expect(await pushImage(client, 'e2e/pushed', image, 'v1')).toBe(image.manifest.digest);
      for (const blob of image.blobs)
        expect(await client.hasBlob('e2e/pushed', blob.descriptor.digest)).toBe(true);
      expect(await client.manifestDigest('e2e/pushed', 'v1')).toBe(image.manifest.digest);

      // The exact bytes, with the config skopeo finds through them.
      expect((await skopeoRawManifest(ref, user)).equals(image.manifest.bytes)).toBe(true);
      expect(await skopeoConfig(ref, user)).toMatchObject({ architecture: 'amd64', os: 'linux' });
      await withTempDir(async (dir) => {
        await skopeoCopy(`docker://${ref}`, `oci:${dir}:v1`, { srcAuth: user });
        const layer = await readLayoutBlob(dir, image.layer.descriptor.digest);
        expect(layer.equals(image.layer.bytes)).toBe(true);
      });
    },
  );

  it('puts all four manifest types with their own media type; skopeo reads them raw and copies the indexes whole', async () => {
    const { basic } = started();
    const client = new RegistryClient(basic.address, user);
    const arm = { architecture: 'arm64', os: 'linux' };
    const ociAmd = tinyImage('oci amd64\n');
    const dockerAmd = tinyImage('docker amd64\n', 'docker');
    const oci = [ociAmd, tinyImage('oci arm64\n', 'oci', arm)];
    const docker = [dockerAmd, tinyImage('docker arm64\n', 'docker', arm)];
    const ociIndex = indexOf(oci, 'oci');
    const dockerList = indexOf(docker, 'docker');
    const repository = 'e2e/types';
    // Children by digest first, then each index under a tag: the order a multi-arch push must keep.
    for (const image of [...oci, ...docker]) {
      expect(await pushImage(client, repository, image, image.manifest.digest)).toBe(image.manifest.digest);
    }
    const tagged: [string, TestManifest][] = [
      ['oci-manifest', ociAmd.manifest],
      ['docker-manifest', dockerAmd.manifest],
      ['oci-index', ociIndex],
      ['docker-list', dockerList],
    ];
    for (const [tag, manifest] of tagged) {
      expect(await client.putManifest(repository, tag, manifest)).toBe(manifest.digest);
      const read = await client.getManifest(repository, tag);
      expect(read).toEqual({ digest: manifest.digest, mediaType: manifest.mediaType, bytes: manifest.bytes });
      const raw = await skopeoRawManifest(`${basic.address}/${repository}:${tag}`, user);
      expect(raw.equals(manifest.bytes), tag).toBe(true);
    }
    expect(tagged.map(([, m]) => m.mediaType)).toEqual([
      MediaTypes.ociManifest,
      MediaTypes.dockerManifest,
      MediaTypes.ociIndex,
      MediaTypes.dockerManifestList,
    ]);

    // skopeo copies each index with all its images and keeps its digest.
    await withTempDir(async (dir) => {
      await skopeoCopy(`docker://${basic.address}/${repository}:oci-index`, `oci:${dir}:all`, {
        srcAuth: user,
        all: true,
      });
      const layout = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as {
        manifests: { digest: string }[];
      };
      expect(layout.manifests.map((m) => m.digest)).toEqual([ociIndex.digest]);
      for (const image of oci)
        expect((await readLayoutBlob(dir, image.layer.descriptor.digest)).equals(image.layer.bytes)).toBe(
          true,
        );
    });
    const copied = `${basic.address}/e2e/types-copy:docker-list`;
    await skopeoCopy(`docker://${basic.address}/${repository}:docker-list`, `docker://${copied}`, {
      srcAuth: user,
      destAuth: user,
      all: true,
    });
    expect(await client.manifestDigest('e2e/types-copy', 'docker-list')).toBe(dockerList.digest);
  });

  it.each(both)(
    '%s: reads an image skopeo pushed, as OCI and converted to Docker schema 2',
    async (_label, pick) => {
      const registry = pick(started());
      const client = new RegistryClient(registry.address, user);
      const image = tinyImage('pushed by skopeo\n');
      const repository = 'e2e/by-skopeo';
      await withTempDir(async (dir) => {
        await writeLayout(dir, image, 'src');
        await skopeoCopy(`oci:${dir}:src`, `docker://${registry.address}/${repository}:oci`, {
          destAuth: user,
        });
        await skopeoCopy(`oci:${dir}:src`, `docker://${registry.address}/${repository}:docker`, {
          destAuth: user,
          format: 'v2s2',
        });
      });
      for (const [tag, mediaType] of [
        ['oci', MediaTypes.ociManifest],
        ['docker', MediaTypes.dockerManifest],
      ] as const) {
        const raw = await skopeoRawManifest(`${registry.address}/${repository}:${tag}`, user);
        const manifest = await client.getManifest(repository, tag);
        expect(manifest?.mediaType).toBe(mediaType);
        expect(manifest?.bytes.equals(raw)).toBe(true);
        expect(manifest?.digest).toBe(sha256(raw));
        expect(await client.manifestDigest(repository, tag)).toBe(manifest?.digest);
        // By digest too (checked against the bytes), and every blob it names streams with its digest.
        expect((await client.getManifest(repository, manifest?.digest ?? ''))?.bytes.equals(raw)).toBe(true);
        const parsed = JSON.parse(raw.toString('utf8')) as {
          config: { digest: string };
          layers: { digest: string }[];
        };
        for (const { digest } of [parsed.config, ...parsed.layers]) {
          expect(sha256(await readAll(await client.openBlob(repository, digest)))).toBe(digest);
        }
      }
      expect(await client.getManifest(repository, 'no-such-tag')).toBeUndefined();
    },
  );

  it('mounts blobs across repositories: 201, and not one blob byte sent (counting proxy)', async () => {
    const { basic } = started();
    const image = tinyImage('mounted, not uploaded\n');
    await pushImage(new RegistryClient(basic.address, user), 'e2e/mount-source', image, 'v1');

    const proxy = await startProxy(basic.address);
    try {
      const client = new RegistryClient(proxy.address, user);
      for (const blob of image.blobs) {
        expect(await client.mountBlob('e2e/mount-target', blob.descriptor.digest, 'e2e/mount-source')).toBe(
          true,
        );
      }
      expect(await client.putManifest('e2e/mount-target', 'v1', image.manifest)).toBe(image.manifest.digest);

      const mounts = exchangesOf(proxy, 'POST', /\/blobs\/uploads\/$/);
      expect(mounts.map((e) => e.status)).toEqual([401, 201, 201]); // one Basic challenge, then the mounts
      expect(mounts.every((e) => e.url.includes(`from=${encodeURIComponent('e2e/mount-source')}`))).toBe(
        true,
      );
      const blobTraffic = proxy.exchanges.filter((e) => e.url.includes('/blobs/'));
      expect(blobTraffic.reduce((sum, e) => sum + e.requestBytes, 0)).toBe(0);
      expect(
        proxy.exchanges.filter(
          (e) => e.method === 'PATCH' || (e.method === 'PUT' && e.url.includes('/blobs/')),
        ),
      ).toEqual([]);
    } finally {
      await proxy.stop();
    }
    await withTempDir(async (dir) => {
      await skopeoCopy(`docker://${basic.address}/e2e/mount-target:v1`, `oci:${dir}:v1`, { srcAuth: user });
      expect((await readLayoutBlob(dir, image.layer.descriptor.digest)).equals(image.layer.bytes)).toBe(true);
    });
  });

  it('a mount the registry cannot do (blob not in the source) gives false and cancels the session it opened', async () => {
    const { basic } = started();
    const proxy = await startProxy(basic.address);
    try {
      const client = new RegistryClient(proxy.address, user);
      const absent = sha256(Buffer.from('in no repository'));
      expect(await client.mountBlob('e2e/mount-target', absent, 'e2e/mount-source')).toBe(false);
      const after = proxy.exchanges.filter((e) => e.status !== 401).map((e) => `${e.method} ${e.status}`);
      expect(after).toEqual(['POST 202', 'DELETE 204']);
      expect(await client.hasBlob('e2e/mount-target', absent)).toBe(false);
    } finally {
      await proxy.stop();
    }
  });

  it('token registry: a mount asks one token for push on the target and pull on the source', async () => {
    const { bearer, tokens } = started();
    const image = tinyImage('mounted with one token\n');
    const client = new RegistryClient(bearer.address, user);
    await pushImage(client, 'e2e/token-source', image, 'v1');
    const before = tokens.requests.length;
    expect(
      await client.mountBlob('e2e/token-target', image.layer.descriptor.digest, 'e2e/token-source'),
    ).toBe(true);
    const asked = tokens.requests.slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.scope?.split(' ').sort()).toEqual([
      'repository:e2e/token-source:pull',
      'repository:e2e/token-target:pull,push',
    ]);
    expect(await client.hasBlob('e2e/token-target', image.layer.descriptor.digest)).toBe(true);
    // The token of the mount serves the rest of the push: no new token request.
    await client.mountBlob('e2e/token-target', image.config.descriptor.digest, 'e2e/token-source');
    await client.putManifest('e2e/token-target', 'v1', image.manifest);
    expect(tokens.requests.slice(before)).toHaveLength(1);
    expect(await skopeoRawManifest(`${bearer.address}/e2e/token-target:v1`, user)).toEqual(
      image.manifest.bytes,
    );
  });
});
