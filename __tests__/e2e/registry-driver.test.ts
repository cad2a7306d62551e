// `image-driver: registry` end to end: the bundled action (dist/index.js, run as a runner runs it) publishes
// with no docker daemon against real docker-registry instances — htpasswd, token auth, a mirror, a counting
// proxy in front — and into an OCI image layout; skopeo, which checks every digest it reads, is the judge.
// Needs root and the Debian packages docker-registry, skopeo, apache2-utils, openssl (and docker.io for the
// `docker save` archives of the layout-target scenario).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaTypes } from '../../src/oci/media-types.js';
import { layeredImage, skopeoRun, writeImageLayout, type LayeredImage } from './layered-image.js';
import { runAction, errorLine, type ActionRun } from './run-action.js';
import { startAuthRegistries, type AuthRegistries } from './services/auth-registries.js';
import { startProxy, type CountingProxy, type ProxyExchange } from './services/proxy.js';
import { startRegistry, type Credentials, type Registry } from './services/registry.js';
import { skopeoDigest, skopeoTags } from './services/skopeo.js';
import { skopeoCopy, skopeoRawManifest } from './services/skopeo-cli.js';
import { sha256 } from './services/tiny-image.js';
import { buildReleaseImages, savedImages, startWorld, type World } from './world.js';

const user: Credentials = { username: 'driver-user', password: 'driver-Pw-Hq27-never-shown' };

interface Image {
  ref: string;
  digest: string;
}

interface IndexJson {
  mediaType: string;
  manifests: { mediaType: string; digest: string; platform?: Record<string, string> }[];
}

interface PlanStep {
  step: string;
  source?: string;
  target?: string;
  registry?: string;
}

const AMD64 = { architecture: 'amd64', os: 'linux' } as const;
const ARM64 = { architecture: 'arm64', os: 'linux', variant: 'v8' } as const;

/** Every temp dir the suite made, removed at the end. */
const tempDirs: string[] = [];
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** What a user could read of a run: the log less the runner's `::add-mask::` commands, outputs, summary. */
function visible(run: ActionRun): string {
  const stdout = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return stdout + run.stderr + JSON.stringify(run.outputs) + run.summary;
}

function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
}

/**
 * Runs the bundled action with the registry driver in `workspace`. DOCKER_CONFIG is the workspace's own
 * (empty unless a test writes one), so nothing of this machine's docker login can help or leak.
 * No DOCKER_HOST: there is no daemon to talk to. `secrets` must not be visible in anything it printed.
 */
async function publish(
  workspace: string,
  inputs: Record<string, string>,
  secrets: readonly string[] = [user.password],
): Promise<ActionRun> {
  const dockerConfig = join(workspace, 'docker-config');
  await mkdir(dockerConfig, { recursive: true });
  const run = await runAction(
    { 'image-driver': 'registry', ...inputs },
    { DOCKER_CONFIG: dockerConfig },
    workspace,
  );
  const shown = visible(run);
  const leaked = secrets.filter((secret) => shown.includes(secret));
  if (leaked.length > 0) {
    const masked = leaked.reduce((text, secret) => text.split(secret).join('***'), shown);
    throw new Error(`a password appeared in the output (shown as ***):\n${masked}`);
  }
  return run;
}

const withUser = (credentials: Credentials = user): Record<string, string> => ({
  'registry-username': credentials.username,
  'registry-password': credentials.password,
});

function imagesOf(run: ActionRun): Image[] {
  return JSON.parse(run.outputs.images ?? '[]') as Image[];
}

function planOf(run: ActionRun): PlanStep[] {
  return JSON.parse(run.outputs.plan ?? '[]') as PlanStep[];
}

/** Requests that change something in the registry (blob uploads, manifest PUTs, deletes). */
function writes(exchanges: readonly ProxyExchange[]): ProxyExchange[] {
  return exchanges.filter((e) => e.method !== 'GET' && e.method !== 'HEAD');
}

/** Requests past authentication, as `METHOD path status`: no 401 challenges, no `/v2/` pings (the login check). */
function afterAuth(exchanges: readonly ProxyExchange[]): string[] {
  return exchanges
    .filter((e) => e.status !== 401 && (e.url.split('?')[0] ?? '') !== '/v2/')
    .map((e) => `${request(e)} ${e.status}`);
}

/** `METHOD path`, an upload session's id written as <session>. */
function request(e: ProxyExchange): string {
  const path = (e.url.split('?')[0] ?? '').replace(/\/blobs\/uploads\/[^/]+$/, '/blobs/uploads/<session>');
  return `${e.method} ${path}`;
}

/** The push check every run with credentials makes before any write: an upload opened and cancelled, empty. */
const PUSH_CHECK = [
  'POST /v2/falcosecurity/falco/blobs/uploads/ 202',
  'DELETE /v2/falcosecurity/falco/blobs/uploads/<session> 204',
];

/** Writes `image` as an OCI layout under the workspace, the way skopeo writes one (`skopeo copy ... oci:`). */
async function layoutOf(workspace: string, path: string, image: LayeredImage, ref?: string): Promise<void> {
  const hand = await tempDir('hand-layout-');
  await writeImageLayout(hand, [{ image, tag: 'build' }]);
  const target = join(workspace, path);
  await mkdir(join(target, '..'), { recursive: true });
  await skopeoRun([
    'copy',
    `oci:${hand}:build`,
    ref === undefined ? `oci:${target}` : `oci:${target}:${ref}`,
  ]);
}

describe('image-driver: registry, end to end through the bundled action', () => {
  describe('promotion of a staging tag through a counting proxy', () => {
    let registry: Registry;
    let proxy: CountingProxy;
    let workspace = '';

    beforeAll(async () => {
      registry = await startRegistry({ htpasswd: user });
      proxy = await startProxy(registry.address);
      workspace = await tempDir('promotion-');
    });
    afterAll(async () => {
      await proxy?.stop();
      await registry?.stop();
    });

    it('publishes staging as 0.26.0 and latest with no blob request, and a re-run writes nothing', async () => {
      // A 4-layer image (1 MiB of layers) pushed by skopeo as Docker schema 2, as the build job's push would.
      const image = layeredImage('falco staging', { layers: 4, layerBytes: 256 * 1024 });
      const hand = await tempDir('staging-layout-');
      await writeImageLayout(hand, [{ image, tag: 'staging' }]);
      const staging = `${registry.address}/falcosecurity/falco:staging`;
      await skopeoCopy(`oci:${hand}:staging`, `docker://${staging}`, { destAuth: user, format: 'v2s2' });
      const stagingRaw = await skopeoRawManifest(staging, user);
      const stagingDigest = sha256(stagingRaw);
      expect(await skopeoDigest(staging, user)).toBe(stagingDigest);
      expect((JSON.parse(stagingRaw.toString('utf8')) as { mediaType: string }).mediaType).toBe(
        MediaTypes.dockerManifest,
      );

      const inputs = {
        ref: 'refs/tags/0.26.0',
        registry: proxy.address,
        images: `docker://${proxy.address}/falcosecurity/falco:staging falcosecurity/falco`,
        latest: 'true',
        ...withUser(),
      };
      const start = proxy.exchanges.length;
      const run = await publish(workspace, inputs);
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs).toMatchObject({ version: '0.26.0', latest: 'true' });
      expect(imagesOf(run)).toEqual([
        { ref: `${proxy.address}/falcosecurity/falco:0.26.0`, digest: stagingDigest },
        { ref: `${proxy.address}/falcosecurity/falco:latest`, digest: stagingDigest },
      ]);

      const exchanges = proxy.exchanges.slice(start);
      // After auth, 2 + N requests for N tags (and the push check once the source is found): the staging
      // manifest and the target's tag list, together (the list is read once, in place of a HEAD per tag:
      // a tag it does not list needs no look), then a PUT per tag.
      const sequence = afterAuth(exchanges);
      expect(sequence.slice(0, 2).sort()).toEqual([
        'GET /v2/falcosecurity/falco/manifests/staging 200',
        'GET /v2/falcosecurity/falco/tags/list 200',
      ]);
      expect(sequence.slice(2)).toEqual([
        ...PUSH_CHECK,
        'PUT /v2/falcosecurity/falco/manifests/0.26.0 201',
        'PUT /v2/falcosecurity/falco/manifests/latest 201',
      ]);
      // No blob request of any kind (HEAD, GET, upload, mount) but the empty push check: zero blob bytes moved.
      const blobRequests = exchanges.filter((e) => e.url.includes('/blobs/'));
      expect(blobRequests.map((e) => `${request(e)} ${e.status}`)).toEqual(PUSH_CHECK);
      expect(blobRequests.map((e) => e.requestBytes + e.responseBytes)).toEqual([0, 0]);
      // The only writes are the two manifest PUTs, each carrying exactly the staging manifest's bytes.
      const accepted = writes(exchanges).filter((e) => e.status === 201);
      expect(accepted.map((e) => `${e.method} ${e.url}`)).toEqual([
        'PUT /v2/falcosecurity/falco/manifests/0.26.0',
        'PUT /v2/falcosecurity/falco/manifests/latest',
      ]);
      for (const put of accepted) expect(put.requestBytes).toBe(stagingRaw.length);
      const otherBodies = exchanges.filter((e) => e.method !== 'PUT' && e.requestBytes > 0);
      expect(otherBodies.map((e) => `${e.method} ${e.url}`)).toEqual([]);

      // skopeo, straight at the registry: both tags serve the staging bytes (Docker schema 2 kept).
      for (const tag of ['0.26.0', 'latest']) {
        const ref = `${registry.address}/falcosecurity/falco:${tag}`;
        expect(await skopeoDigest(ref, user), ref).toBe(stagingDigest);
        expect((await skopeoRawManifest(ref, user)).equals(stagingRaw), ref).toBe(true);
      }
      expect((await skopeoTags(`${registry.address}/falcosecurity/falco`, user)).sort()).toEqual([
        '0.26.0',
        'latest',
        'staging',
      ]);

      // The same release again: every tag already has the digest, so nothing at all is written.
      const again = proxy.exchanges.length;
      const rerun = await publish(workspace, inputs);
      expect(rerun.exitCode, rerun.stdout).toBe(0);
      expect(imagesOf(rerun)).toEqual(imagesOf(run));
      const rerunExchanges = proxy.exchanges.slice(again);
      // The tag list now holds both tags: each is looked at (HEAD), found at the digest, and left alone.
      const rerunSequence = afterAuth(rerunExchanges);
      expect(rerunSequence.slice(0, 2).sort()).toEqual([
        'GET /v2/falcosecurity/falco/manifests/staging 200',
        'GET /v2/falcosecurity/falco/tags/list 200',
      ]);
      expect(rerunSequence.slice(2)).toEqual([
        ...PUSH_CHECK,
        'HEAD /v2/falcosecurity/falco/manifests/0.26.0 200',
        'HEAD /v2/falcosecurity/falco/manifests/latest 200',
      ]);
      expect(writes(rerunExchanges).map((e) => `${request(e)} ${e.status}`)).toEqual(PUSH_CHECK);
    });

    it('with latest: auto, promotes with the one tag list that decided latest', async () => {
      // The first test left 0.26.0 and latest at the staging digest.
      const stagingDigest = await skopeoDigest(`${registry.address}/falcosecurity/falco:staging`, user);
      const start = proxy.exchanges.length;
      const run = await publish(workspace, {
        ref: 'refs/tags/0.27.0',
        registry: proxy.address,
        images: `docker://${proxy.address}/falcosecurity/falco:staging falcosecurity/falco`,
        latest: 'auto',
        ...withUser(),
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.latest).toBe('true');
      expect(imagesOf(run)).toEqual([
        { ref: `${proxy.address}/falcosecurity/falco:0.27.0`, digest: stagingDigest },
        { ref: `${proxy.address}/falcosecurity/falco:latest`, digest: stagingDigest },
      ]);
      // One listing, made for latest: auto and used again by the push: 0.27.0 is not in it (a PUT, no
      // HEAD); latest is, and already has the digest (a HEAD, no PUT). A second listing right before
      // latest moves: no higher version appeared meanwhile.
      expect(afterAuth(proxy.exchanges.slice(start)).sort()).toEqual(
        [
          ...PUSH_CHECK,
          'GET /v2/falcosecurity/falco/manifests/staging 200',
          'GET /v2/falcosecurity/falco/tags/list 200',
          'GET /v2/falcosecurity/falco/tags/list 200',
          'PUT /v2/falcosecurity/falco/manifests/0.27.0 201',
          'HEAD /v2/falcosecurity/falco/manifests/latest 200',
        ].sort(),
      );
      expect(await skopeoDigest(`${registry.address}/falcosecurity/falco:0.27.0`, user)).toBe(stagingDigest);
    });
  });

  describe('multi-arch: two single-arch layouts joined into one index', () => {
    let registry: Registry;
    let proxy: CountingProxy;
    let workspace = '';
    const amd = layeredImage('falco', { platform: AMD64 });
    const arm = layeredImage('falco', { platform: ARM64 });
    let indexDigest = '';

    beforeAll(async () => {
      registry = await startRegistry({ htpasswd: user });
      proxy = await startProxy(registry.address);
      workspace = await tempDir('multi-arch-');
      // One layout without a ref name (its only image), one with: both forms of the source.
      await layoutOf(workspace, 'out/falco-x86_64', amd);
      await layoutOf(workspace, 'out/falco-aarch64', arm, 'v1');
    });
    afterAll(async () => {
      await proxy?.stop();
      await registry?.stop();
    });

    it('publishes amd64+arm64 as one OCI index that skopeo reads and copies with --all', async () => {
      const run = await publish(workspace, {
        ref: 'refs/tags/0.26.0',
        registry: registry.address,
        images: 'oci-layout:out/falco-x86_64+oci-layout:out/falco-aarch64:v1 falcosecurity/falco',
        ...withUser(),
      });
      expect(run.exitCode, run.stdout).toBe(0);
      const images = imagesOf(run);
      expect(images.map((i) => i.ref)).toEqual([
        `${registry.address}/falcosecurity/falco:0.26.0`,
        `${registry.address}/falcosecurity/falco:latest`,
      ]);
      indexDigest = images[0]?.digest ?? '';
      expect(images[1]?.digest).toBe(indexDigest);

      const ref = `${registry.address}/falcosecurity/falco:0.26.0`;
      const raw = await skopeoRawManifest(ref, user);
      expect(sha256(raw)).toBe(indexDigest);
      const index = JSON.parse(raw.toString('utf8')) as IndexJson;
      expect(index.mediaType).toBe(MediaTypes.ociIndex);
      expect(index.manifests.map((m) => m.platform)).toEqual([AMD64, ARM64]);
      expect(index.manifests.map((m) => m.digest)).toEqual([amd.manifest.digest, arm.manifest.digest]);

      // skopeo copies every image of the index (checking every blob) and keeps the index's digest.
      const copy = await tempDir('multi-copy-');
      await skopeoCopy(`docker://${ref}`, `oci:${copy}:all`, { srcAuth: user, all: true });
      expect(sha256(Buffer.from(await skopeoRun(['inspect', '--raw', `oci:${copy}:all`])))).toBe(indexDigest);
      for (const [arch, image] of [
        ['amd64', amd],
        ['arm64', arm],
      ] as const) {
        const inspected = JSON.parse(
          await skopeoRun(['inspect', '--override-arch', arch, `oci:${copy}:all`]),
        ) as { Architecture: string; Layers: string[] };
        expect(inspected.Architecture).toBe(arch);
        expect(inspected.Layers).toEqual(image.layers.map((l) => l.descriptor.digest));
      }
    });

    it('publishes a source that already is an index to another repository with its digest, mounting every blob', async () => {
      expect(indexDigest).not.toBe('');
      const start = proxy.exchanges.length;
      const run = await publish(workspace, {
        ref: 'refs/tags/0.26.0',
        registry: proxy.address,
        images: `docker://${proxy.address}/falcosecurity/falco:0.26.0 falcosecurity/falco-copy`,
        latest: 'false',
        ...withUser(),
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(imagesOf(run)).toEqual([
        { ref: `${proxy.address}/falcosecurity/falco-copy:0.26.0`, digest: indexDigest },
      ]);
      const ref = `${registry.address}/falcosecurity/falco-copy:0.26.0`;
      expect(await skopeoDigest(ref, user)).toBe(indexDigest);
      expect(sha256(await skopeoRawManifest(ref, user))).toBe(indexDigest);
      // Same registry: the blobs are mounted from falcosecurity/falco, no blob byte is uploaded.
      const blobBodies = proxy.exchanges
        .slice(start)
        .filter((e) => e.url.includes('/blobs/') && e.requestBytes > 0);
      expect(blobBodies.map((e) => `${e.method} ${e.url} ${e.requestBytes}`)).toEqual([]);
      const copy = await tempDir('index-copy-');
      await skopeoCopy(`docker://${ref}`, `oci:${copy}:all`, { srcAuth: user, all: true });
      expect(sha256(Buffer.from(await skopeoRun(['inspect', '--raw', `oci:${copy}:all`])))).toBe(indexDigest);
    });

    it('publishes a Docker manifest list pushed by skopeo with its own media type and digest', async () => {
      expect(indexDigest).not.toBe('');
      const list = `${registry.address}/falcosecurity/falco-list:staging`;
      await skopeoCopy(`docker://${registry.address}/falcosecurity/falco:0.26.0`, `docker://${list}`, {
        srcAuth: user,
        destAuth: user,
        all: true,
        format: 'v2s2',
      });
      const listRaw = await skopeoRawManifest(list, user);
      const listIndex = JSON.parse(listRaw.toString('utf8')) as IndexJson;
      expect(listIndex.mediaType).toBe(MediaTypes.dockerManifestList);

      const run = await publish(workspace, {
        ref: 'refs/tags/0.26.1',
        registry: registry.address,
        images: `docker://${list} falcosecurity/falco-from-list`,
        latest: 'false',
        ...withUser(),
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(imagesOf(run)).toEqual([
        { ref: `${registry.address}/falcosecurity/falco-from-list:0.26.1`, digest: sha256(listRaw) },
      ]);
      const published = await skopeoRawManifest(
        `${registry.address}/falcosecurity/falco-from-list:0.26.1`,
        user,
      );
      expect(published.equals(listRaw)).toBe(true);
    });
  });

  describe('OCI layout target, from docker save archives', () => {
    let world: World;
    let layout = '';

    beforeAll(async () => {
      world = await startWorld();
      tempDirs.push(world.workspace);
      layout = join(world.workspace, 'release-layout');
    });
    afterAll(async () => {
      await world?.stop();
    });

    const release = async (ref: string): Promise<ActionRun> =>
      // No credentials, no daemon: the layout is a directory.
      publish(world.workspace, {
        ref,
        registry: 'oci-layout:release-layout',
        images: await savedImages(world),
      });
    const inLayout = (repository: string, tag: string): string => `oci-layout:${layout}:${repository}:${tag}`;
    const skopeoLayoutDigest = async (ref: string): Promise<string> =>
      (
        await skopeoRun(['inspect', '--format', '{{.Digest}}', `oci:${ref.slice('oci-layout:'.length)}`])
      ).trim();
    const layoutNames = async (): Promise<string[]> => {
      const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8')) as {
        manifests: { annotations?: Record<string, string> }[];
      };
      return index.manifests.map((m) => m.annotations?.['org.opencontainers.image.ref.name'] ?? '').sort();
    };

    let first: Image[] = [];

    it('writes the seed image set into the layout; skopeo reads every tag with the digests the action output', async () => {
      await buildReleaseImages(world, '0.26.0 layout');
      const run = await release('refs/tags/0.26.0');
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs).toMatchObject({ version: '0.26.0', latest: 'true' });
      first = imagesOf(run);
      expect(first.map((i) => i.ref)).toEqual([
        inLayout('falcosecurity/falco', '0.26.0'),
        inLayout('falcosecurity/falco', '0.26.0-slim'),
        inLayout('falcosecurity/falco-no-driver', '0.26.0'),
        inLayout('falcosecurity/falco-driver-loader', '0.26.0'),
        inLayout('falcosecurity/falco', 'latest'),
        inLayout('falcosecurity/falco', 'latest-slim'),
        inLayout('falcosecurity/falco-no-driver', 'latest'),
        inLayout('falcosecurity/falco-driver-loader', 'latest'),
      ]);
      for (const image of first) expect(await skopeoLayoutDigest(image.ref), image.ref).toBe(image.digest);
      const digest = (repository: string, tag: string): string | undefined =>
        first.find((i) => i.ref === inLayout(repository, tag))?.digest;
      expect(digest('falcosecurity/falco', 'latest-slim')).toBe(
        digest('falcosecurity/falco-no-driver', '0.26.0'),
      );
      expect(digest('falcosecurity/falco', '0.26.0-slim')).not.toBe(digest('falcosecurity/falco', '0.26.0'));
      expect(new Set(first.map((i) => i.digest)).size).toBe(3);

      // skopeo reads every blob of an image back (checking each digest) and sees the layer docker built.
      const copy = await tempDir('layout-copy-');
      await skopeoRun(['copy', `oci:${layout}:falcosecurity/falco:0.26.0`, `oci:${copy}:x`]);
      expect((await skopeoRun(['inspect', '--format', '{{.Digest}}', `oci:${copy}:x`])).trim()).toBe(
        digest('falcosecurity/falco', '0.26.0'),
      );
      const config = JSON.parse(
        await skopeoRun(['inspect', '--config', `oci:${layout}:falcosecurity/falco:latest`]),
      ) as { config?: { Labels?: Record<string, string> } };
      expect(Object.keys(config.config?.Labels ?? {})).toContain('e2e.content.sha256');
      expect(await layoutNames()).toEqual(
        first.map((i) => i.ref.slice(`oci-layout:${layout}:`.length)).sort(),
      );
    });

    it('latest: auto reads the layout: a backport gets its tags and leaves latest at 0.26.0', async () => {
      expect(first).toHaveLength(8);
      await buildReleaseImages(world, '0.25.1 layout');
      const run = await release('refs/tags/0.25.1');
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs).toMatchObject({ version: '0.25.1', latest: 'false' });
      expect(run.stdout).toContain('older than the published 0.26.0');
      const images = imagesOf(run);
      expect(images.map((i) => i.ref)).toEqual([
        inLayout('falcosecurity/falco', '0.25.1'),
        inLayout('falcosecurity/falco', '0.25.1-slim'),
        inLayout('falcosecurity/falco-no-driver', '0.25.1'),
        inLayout('falcosecurity/falco-driver-loader', '0.25.1'),
      ]);
      for (const image of images) expect(await skopeoLayoutDigest(image.ref), image.ref).toBe(image.digest);
      // Every tag of the first release still serves what it did, latest included.
      for (const image of first) expect(await skopeoLayoutDigest(image.ref), image.ref).toBe(image.digest);
      expect(images[0]?.digest).not.toBe(first[0]?.digest);
      expect(await layoutNames()).toEqual(
        [...first, ...images].map((i) => i.ref.slice(`oci-layout:${layout}:`.length)).sort(),
      );
    });
  });

  describe('mirror-registries, with the mirror credentials from the docker client config', () => {
    const mirrorUser: Credentials = { username: 'mirror-pusher', password: 'mirror-Pw-Zk71-only-in-config' };
    let primary: Registry;
    let mirror: Registry;
    let workspace = '';

    beforeAll(async () => {
      primary = await startRegistry({ htpasswd: user });
      mirror = await startRegistry({ htpasswd: mirrorUser });
      workspace = await tempDir('mirrors-');
      await layoutOf(workspace, 'out/falco-x86_64', layeredImage('falco mirrored', { platform: AMD64 }));
      await layoutOf(workspace, 'out/falco-aarch64', layeredImage('falco mirrored', { platform: ARM64 }));
      await layoutOf(
        workspace,
        'out/no-driver',
        layeredImage('falco-no-driver mirrored', { layers: 2 }),
        'v1',
      );
      const config = join(workspace, 'docker-config');
      await mkdir(config, { recursive: true });
      const auth = Buffer.from(`${mirrorUser.username}:${mirrorUser.password}`).toString('base64');
      await writeFile(join(config, 'config.json'), JSON.stringify({ auths: { [mirror.address]: { auth } } }));
    });
    afterAll(async () => {
      await mirror?.stop();
      await primary?.stop();
    });

    it('pushes every tag to both registries with the same digest; the mirror password stays hidden', async () => {
      const run = await publish(
        workspace,
        {
          ref: 'refs/tags/0.26.0',
          registry: primary.address,
          'mirror-registries': mirror.address,
          images: [
            'oci-layout:out/falco-x86_64+oci-layout:out/falco-aarch64 falcosecurity/falco',
            'oci-layout:out/no-driver:v1 falcosecurity/falco suffix=-slim',
            'oci-layout:out/no-driver:v1 falcosecurity/falco-no-driver',
          ].join('\n'),
          ...withUser(),
        },
        [
          user.password,
          mirrorUser.password,
          Buffer.from(`${mirrorUser.username}:${mirrorUser.password}`).toString('base64'),
        ],
      );
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.latest).toBe('true');
      // falco-no-driver is the -slim image again, pushed beside it: on each registry every blob of it is
      // uploaded once, into one of the two repositories, and mounted into the other, never sent twice.
      for (const host of [primary.address, mirror.address]) {
        const counts = ['falco:0.26.0-slim', 'falco-no-driver:0.26.0'].map((tag) => {
          const line = run.stdout.split('\n').find((l) => l.startsWith(`${host}/falcosecurity/${tag}: `));
          const match = /: copied \((\d+) blobs uploaded, (\d+) mounted\)$/.exec(line ?? '');
          expect(match, `${host} ${tag}: ${line ?? 'no line'}`).not.toBeNull();
          return { uploaded: Number(match?.[1]), mounted: Number(match?.[2]) };
        });
        const uploaded = counts.reduce((sum, count) => sum + count.uploaded, 0);
        const mounted = counts.reduce((sum, count) => sum + count.mounted, 0);
        expect(uploaded, host).toBeGreaterThan(0);
        expect(mounted, host).toBe(uploaded);
      }
      // The runner is told to mask the mirror's password too, should anything ever print it.
      expect(run.stdout.split('\n')).toContain(`::add-mask::${mirrorUser.password}`);

      const tags = [
        'falcosecurity/falco:0.26.0',
        'falcosecurity/falco:0.26.0-slim',
        'falcosecurity/falco-no-driver:0.26.0',
        'falcosecurity/falco:latest',
        'falcosecurity/falco:latest-slim',
        'falcosecurity/falco-no-driver:latest',
      ];
      const images = imagesOf(run);
      expect(images.map((i) => i.ref).sort()).toEqual(
        [primary.address, mirror.address].flatMap((host) => tags.map((tag) => `${host}/${tag}`)).sort(),
      );
      for (const tag of tags) {
        const onPrimary = await skopeoDigest(`${primary.address}/${tag}`, user);
        const onMirror = await skopeoDigest(`${mirror.address}/${tag}`, mirrorUser);
        expect(onMirror, tag).toBe(onPrimary);
        expect(images.find((i) => i.ref === `${primary.address}/${tag}`)?.digest, tag).toBe(onPrimary);
        expect(images.find((i) => i.ref === `${mirror.address}/${tag}`)?.digest, tag).toBe(onPrimary);
      }
      // The multi-arch index arrived whole on the mirror.
      const mirrored = JSON.parse(
        (await skopeoRawManifest(`${mirror.address}/falcosecurity/falco:0.26.0`, mirrorUser)).toString(
          'utf8',
        ),
      ) as IndexJson;
      expect(mirrored.manifests.map((m) => m.platform?.['architecture'])).toEqual(['amd64', 'arm64']);
      // The mirror refuses anonymous reads: the credentials from the config file are what let the action in.
      await expect(skopeoDigest(`${mirror.address}/falcosecurity/falco:0.26.0`)).rejects.toThrow();

      // Mirrors copy from the tags just pushed, and every floating tag moves after every fixed one.
      const plan = planOf(run).filter((s) => s.step === 'push' || s.step === 'move-tag');
      const lastPush = plan.map((s) => s.step).lastIndexOf('push');
      const firstMove = plan.map((s) => s.step).indexOf('move-tag');
      expect(lastPush).toBeLessThan(firstMove);
      for (const step of plan.filter((s) => s.registry === mirror.address)) {
        expect(step.source?.startsWith(`docker://${primary.address}/`), step.source).toBe(true);
      }
    });
  });

  describe('token auth (Docker Hub style): anonymous pull, push for a user', () => {
    const tokenUser: Credentials = { username: 'token-pusher', password: 'token-Pw-Rv55-not-printed' };
    let services: AuthRegistries;
    let proxy: CountingProxy;
    let workspace = '';

    beforeAll(async () => {
      services = await startAuthRegistries(tokenUser);
      proxy = await startProxy(services.bearer.address);
      workspace = await tempDir('token-');
      await layoutOf(workspace, 'out/falco', layeredImage('falco token'), 'v1');
    });
    afterAll(async () => {
      await proxy?.stop();
      await services?.stop();
    });

    it('publishes with registry-username/password exchanged for bearer tokens', async () => {
      const registry = services.bearer.address;
      const start = services.tokens.requests.length;
      const run = await publish(
        workspace,
        {
          ref: 'refs/tags/0.26.0',
          registry,
          images: 'oci-layout:out/falco:v1 falcosecurity/falco',
          ...withUser(tokenUser),
        },
        [tokenUser.password],
      );
      expect(run.exitCode, run.stdout).toBe(0);
      const images = imagesOf(run);
      expect(images.map((i) => i.ref)).toEqual([
        `${registry}/falcosecurity/falco:0.26.0`,
        `${registry}/falcosecurity/falco:latest`,
      ]);
      for (const image of images) {
        expect(await skopeoDigest(image.ref), image.ref).toBe(image.digest);
        expect(await skopeoDigest(image.ref, tokenUser), image.ref).toBe(image.digest);
      }
      const pushTokens = services.tokens.requests
        .slice(start)
        .filter(
          (r) =>
            r.status === 200 &&
            r.user === tokenUser.username &&
            /repository:falcosecurity\/falco:[a-z,]*push/.test(r.scope ?? ''),
        );
      expect(pushTokens.length).toBeGreaterThan(0);
    });

    it('a wrong password fails with one clear error before anything is written', async () => {
      const start = proxy.exchanges.length;
      const tokensStart = services.tokens.requests.length;
      const wrong = 'token-Pw-WRONG-91';
      const run = await publish(
        workspace,
        {
          ref: 'refs/tags/0.27.0',
          registry: proxy.address,
          images: 'oci-layout:out/falco:v1 falcosecurity/falco-denied',
          ...withUser({ username: tokenUser.username, password: wrong }),
        },
        [wrong],
      );
      expect(run.exitCode).not.toBe(0);
      expect(errorLines(run), run.stdout).toHaveLength(1);
      const error = errorLine(run);
      expect(error).toContain(proxy.address);
      expect(error).toMatch(/401|unauthorized|username or password|credentials|denied/i);
      expect(writes(proxy.exchanges.slice(start)).map((e) => `${e.method} ${e.url}`)).toEqual([]);
      const asked = services.tokens.requests.slice(tokensStart);
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.filter((r) => r.status === 200 && r.user !== null)).toEqual([]);
      expect(await skopeoTags(`${services.bearer.address}/falcosecurity/falco-denied`)).toEqual([]);
      expect(run.outputs.images ?? '').toBe('');
    });
  });

  describe('bad sources: one error naming the source, nothing pushed', () => {
    let registry: Registry;
    let proxy: CountingProxy;
    let workspace = '';

    beforeAll(async () => {
      registry = await startRegistry({ htpasswd: user });
      proxy = await startProxy(registry.address);
      workspace = await tempDir('bad-sources-');
      await layoutOf(workspace, 'good', layeredImage('falco good'), 'build');
    });
    afterAll(async () => {
      await proxy?.stop();
      await registry?.stop();
    });

    // What the one error must name: the kind of source and the part the user wrote (relative paths may
    // show resolved against the workspace).
    const cases = [
      {
        label: 'a docker-archive that does not exist',
        source: () => 'docker-archive:missing.tar',
        named: () => ['docker-archive:', '/missing.tar'],
      },
      {
        label: 'an OCI layout without the ref',
        source: () => 'oci-layout:good:unknown-ref',
        named: () => ['oci-layout:', '/good:unknown-ref'],
      },
      {
        label: 'a remote repository that does not exist',
        source: () => `docker://${proxy.address}/falcosecurity/none:x`,
        named: () => [`docker://${proxy.address}/falcosecurity/none:x`],
      },
    ];

    it.each(cases.map((c, i) => ({ ...c, n: i + 1 })))('$label', async ({ source, named, n }) => {
      const start = proxy.exchanges.length;
      const repositories = [`bad${n}/falco`, `bad${n}/falco-no-driver`];
      const run = await publish(workspace, {
        ref: 'refs/tags/0.26.0',
        registry: proxy.address,
        // A good line first: a publisher that pushed as it went would have written it before failing.
        images: `oci-layout:good:build ${repositories[0]}\n${source()} ${repositories[1]}`,
        ...withUser(),
      });
      expect(run.exitCode).not.toBe(0);
      expect(errorLines(run), run.stdout).toHaveLength(1);
      for (const part of named()) expect(errorLine(run)).toContain(part);
      expect(writes(proxy.exchanges.slice(start)).map((e) => `${e.method} ${e.url}`)).toEqual([]);
      for (const repository of repositories) {
        expect(await skopeoTags(`${registry.address}/${repository}`, user), repository).toEqual([]);
      }
    });
  });
});
