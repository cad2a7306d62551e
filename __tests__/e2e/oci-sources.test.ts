// The on-disk sources and target of the registry driver against real tools: dockerd builds and saves
// FROM-scratch images, our readers turn them (and skopeo's OCI layouts) into images, OciLayoutTarget
// writes them, and skopeo — which checks every digest it reads — inspects and copies what we wrote.
// Needs root and the Debian packages docker.io and skopeo.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDockerArchive } from '../../src/oci/docker-archive-source.js';
import type { SourceImage } from '../../src/oci/image.js';
import { joinSources } from '../../src/oci/join-sources.js';
import { readOciLayout } from '../../src/oci/layout-source.js';
import { OciLayoutTarget } from '../../src/oci/layout-target.js';
import { MediaTypes } from '../../src/oci/media-types.js';
import { copyIntoLayout } from '../oci/copy-into-layout.js';
import { docker } from './services/docker-images.js';
import { startDockerd, type Dockerd } from './services/dockerd.js';
import { run } from './services/process.js';

/** What `skopeo inspect` prints, as far as these tests look at it. */
interface Inspected {
  Digest: string;
  Architecture: string;
  Os: string;
  Layers: string[];
}

interface IndexJson {
  mediaType: string;
  manifests: { mediaType: string; digest: string; size: number; platform: Record<string, string> }[];
}

/**
 * skopeo with a throw-away HOME and runtime dir, as in services/skopeo.ts, for `oci:` and
 * `docker-archive:` references. --insecure-policy: copies between local files need no signature policy.
 */
async function skopeo(args: string[]): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'skopeo-'));
  try {
    const runtime = join(home, 'run');
    await mkdir(runtime, { mode: 0o700 });
    return await run('skopeo', ['--insecure-policy', ...args], {
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: home,
        TMPDIR: home,
        XDG_RUNTIME_DIR: runtime,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_DATA_HOME: join(home, 'data'),
      },
    });
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

async function inspect(ref: string): Promise<Inspected> {
  return JSON.parse(await skopeo(['inspect', ref])) as Inspected;
}

function sha256(bytes: string | Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A FROM-scratch image of three COPY layers for `platform` (containers cannot run here, builds can). */
async function buildImage(dockerd: Dockerd, tag: string, platform: string, work: string): Promise<void> {
  const context = await mkdtemp(join(work, 'context-'));
  const files = ['falco.yaml', 'falco_rules.yaml', 'falco'];
  for (const file of files) await writeFile(join(context, file), `${platform} ${file}\n`.repeat(200));
  await writeFile(
    join(context, 'Dockerfile'),
    [
      'FROM scratch',
      ...files.map((file) => `COPY ${file} /etc/falco/${file}`),
      `LABEL e2e.platform="${platform}"`,
      '',
    ].join('\n'),
  );
  // --no-cache: the classic builder would otherwise reuse the other platform's identical steps.
  await docker(dockerd, ['build', '--quiet', '--no-cache', '--platform', platform, '--tag', tag, context]);
}

describe('OCI sources and the OCI layout target, checked by skopeo', () => {
  let dockerd: Dockerd | undefined;
  let work = '';
  /** `docker save` outputs, one image each. */
  const archives = { amd64: '', arm64: '' };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'oci-sources-'));
    dockerd = await startDockerd();
    for (const [arch, platform] of [
      ['amd64', 'linux/amd64'],
      ['arm64', 'linux/arm64/v8'],
    ] as const) {
      await buildImage(dockerd, `e2e/falco:${arch}`, platform, work);
      archives[arch] = join(work, `${arch}.tar`);
      await docker(dockerd, ['save', '--output', archives[arch], `e2e/falco:${arch}`]);
    }
  }, 120_000);

  afterAll(async () => {
    await dockerd?.stop();
    if (work !== '') await rm(work, { recursive: true, force: true });
  }, 60_000);

  it('docker save → readDockerArchive → OciLayoutTarget: skopeo inspects and copies it', async () => {
    const source = await readDockerArchive(archives.amd64);
    const dir = join(work, 'from-archive');
    const tag = 'falcosecurity/falco:0.26.0-x86_64';
    let digest: string;
    try {
      digest = await copyIntoLayout(source, new OciLayoutTarget(dir), tag);
    } finally {
      await source.close();
    }

    const inspected = await inspect(`oci:${dir}:${tag}`);
    expect(inspected.Digest).toBe(digest);
    expect(inspected.Architecture).toBe('amd64');
    expect(inspected.Layers).toEqual(source.root.blobs.slice(1).map((layer) => layer.digest));
    expect(inspected.Layers).toHaveLength(3);
    const raw = JSON.parse(await skopeo(['inspect', '--raw', `oci:${dir}:${tag}`])) as {
      layers: { mediaType: string }[];
    };
    expect(raw.layers.map((layer) => layer.mediaType)).toEqual(Array(3).fill(MediaTypes.ociLayerGzip));

    // skopeo reads every blob back and checks its digest on the way.
    const copy = join(work, 'skopeo-copy');
    await skopeo(['copy', `oci:${dir}:${tag}`, `oci:${copy}:x`]);
    expect((await inspect(`oci:${copy}:x`)).Digest).toBe(digest);
  });

  it("skopeo's layout → readOciLayout → OciLayoutTarget keeps the manifest digest", async () => {
    const skopeoLayout = join(work, 'skopeo-layout');
    await skopeo(['copy', `docker-archive:${archives.amd64}`, `oci:${skopeoLayout}:v1`]);
    const theirs = await inspect(`oci:${skopeoLayout}:v1`);

    const source = await readOciLayout(skopeoLayout, 'v1');
    const dir = join(work, 'relayout');
    const target = new OciLayoutTarget(dir);
    const digest = await copyIntoLayout(source, target, 'copied');

    expect(source.root.digest).toBe(theirs.Digest);
    expect(digest).toBe(theirs.Digest);
    expect(await target.tagDigest('copied')).toBe(theirs.Digest);
    const ours = await inspect(`oci:${dir}:copied`);
    expect(ours.Digest).toBe(theirs.Digest);
    expect(ours.Layers).toEqual(theirs.Layers);
  });

  it('two single-arch layouts → joinSources → one index that skopeo reads and copies with --all', async () => {
    const parts: SourceImage[] = [];
    for (const arch of ['amd64', 'arm64'] as const) {
      const layout = join(work, `single-${arch}`);
      await skopeo(['copy', `docker-archive:${archives[arch]}`, `oci:${layout}:v1`]);
      parts.push(await readOciLayout(layout, 'v1'));
    }
    const joined = await joinSources(parts);
    const dir = join(work, 'multi');
    const digest = await copyIntoLayout(joined, new OciLayoutTarget(dir), 'multi');
    await joined.close();

    const rawText = await skopeo(['inspect', '--raw', `oci:${dir}:multi`]);
    expect(sha256(rawText)).toBe(digest);
    const raw = JSON.parse(rawText) as IndexJson;
    expect(raw.mediaType).toBe(MediaTypes.ociIndex);
    expect(raw.manifests.map((child) => child.platform)).toEqual([
      { architecture: 'amd64', os: 'linux' },
      { architecture: 'arm64', os: 'linux', variant: 'v8' },
    ]);
    expect(raw.manifests.map((child) => child.digest)).toEqual(parts.map((part) => part.root.digest));
    // Without --raw skopeo reports the index's digest and the config of this machine's platform.
    const resolved = await inspect(`oci:${dir}:multi`);
    expect(resolved.Digest).toBe(digest);
    expect(resolved.Architecture).toBe('amd64');

    const copy = join(work, 'multi-copy');
    await skopeo(['copy', '--all', `oci:${dir}:multi`, `oci:${copy}:all`]);
    expect(sha256(await skopeo(['inspect', '--raw', `oci:${copy}:all`]))).toBe(digest);
    const arm = await skopeo(['inspect', '--override-arch', 'arm64', `oci:${copy}:all`]);
    expect((JSON.parse(arm) as Inspected).Architecture).toBe('arm64');
  });

  it('two docker archives joined directly: the index lists both, and closing removes the temp dirs', async () => {
    // A TMPDIR of this test's own (os.tmpdir() reads it on each call): the readers' temp dirs can be counted.
    const temp = join(work, 'tmp');
    await mkdir(temp);
    const savedTmpdir = process.env['TMPDIR'];
    process.env['TMPDIR'] = temp;
    const dir = join(work, 'multi-from-archives');
    try {
      const joined = await joinSources([
        await readDockerArchive(archives.amd64),
        await readDockerArchive(archives.arm64),
      ]);
      expect(await readdir(temp)).toHaveLength(2);
      try {
        await copyIntoLayout(joined, new OciLayoutTarget(dir), 'multi');
      } finally {
        await joined.close();
      }
      expect(await readdir(temp)).toEqual([]);
    } finally {
      if (savedTmpdir === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = savedTmpdir;
    }

    const copy = join(work, 'multi-from-archives-copy');
    await skopeo(['copy', '--all', `oci:${dir}:multi`, `oci:${copy}:all`]);
    const raw = JSON.parse(await skopeo(['inspect', '--raw', `oci:${copy}:all`])) as IndexJson;
    expect(raw.manifests.map((child) => child.platform['architecture'])).toEqual(['amd64', 'arm64']);
  });
});
