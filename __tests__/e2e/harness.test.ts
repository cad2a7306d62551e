// Proves the e2e harness against the real services: dockerd builds and pushes, docker-registry
// stores behind htpasswd auth, skopeo checks from the outside. Needs root and the Debian packages
// docker.io, docker-registry, skopeo and apache2-utils.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScratchImage, docker } from './services/docker-images.js';
import type { Dockerd } from './services/dockerd.js';
import { startDockerd } from './services/dockerd.js';
import { isAlive } from './services/process.js';
import type { Registry } from './services/registry.js';
import { startRegistry } from './services/registry.js';
import { skopeoDigest, skopeoTags } from './services/skopeo.js';

const credentials = { username: 'e2e-user', password: 'e2e-Secret-42' };

/** PIDs of processes whose command line mentions `text` (dockerd and containerd name their dir). */
function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text) && isAlive(Number(entry))) {
        found.push(Number(entry));
      }
    } catch {
      // exited while we looked
    }
  }
  return found;
}

describe('e2e harness', () => {
  let registry: Registry | undefined;
  let dockerd: Dockerd | undefined;
  const images: string[] = [];

  const services = (): { registry: Registry; dockerd: Dockerd } => {
    if (registry === undefined || dockerd === undefined) throw new Error('services did not start');
    return { registry, dockerd };
  };

  beforeAll(async () => {
    // allSettled: when one service fails to start, the other must still be stopped in afterAll.
    const [r, d] = await Promise.allSettled([startRegistry({ htpasswd: credentials }), startDockerd()]);
    if (r.status === 'fulfilled') registry = r.value;
    if (d.status === 'fulfilled') dockerd = d.value;
    for (const result of [r, d]) if (result.status === 'rejected') throw result.reason;
  }, 60000);

  afterAll(async () => {
    const pids = [registry?.pid, dockerd?.pid].filter((pid) => pid !== undefined);
    const dockerdDir = dockerd?.dir;
    await Promise.all([registry?.stop(), dockerd?.stop()]);
    for (const pid of pids) expect(isAlive(pid), `pid ${pid}`).toBe(false);
    // containerd too: it and dockerd name the temp dir in their arguments.
    if (dockerdDir !== undefined) expect(processesMentioning(dockerdDir)).toEqual([]);
  }, 60000);

  it('starts the servers on loopback and private paths', () => {
    const { registry, dockerd } = services();
    expect(registry.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(registry.auth).toEqual(credentials);
    expect(dockerd.host).toBe(`unix://${join(dockerd.dir, 'docker.sock')}`);
    // The PIDs that stop() signals are the servers themselves, not a wrapper.
    expect(readFileSync(`/proc/${registry.pid}/comm`, 'utf8').trim()).toBe('docker-registry');
    expect(readFileSync(`/proc/${dockerd.pid}/comm`, 'utf8').trim()).toBe('dockerd');
  });

  it('builds distinct scratch images', async () => {
    const { dockerd } = services();
    images.push(await buildScratchImage(dockerd, 'e2e/one:latest', 'one\n'));
    images.push(await buildScratchImage(dockerd, 'e2e/two:latest', 'two\n'));
    expect(images[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(images[1]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(images[0]).not.toBe(images[1]);
  });

  it('logs in with --password-stdin and pushes; skopeo sees the digest docker printed', async () => {
    const { registry, dockerd } = services();
    await docker(
      dockerd,
      ['login', '--username', credentials.username, '--password-stdin', registry.address],
      credentials.password,
    );
    // The credentials land in the private DOCKER_CONFIG, never in ~/.docker.
    const config = JSON.parse(
      readFileSync(join(dockerd.env['DOCKER_CONFIG'] ?? '', 'config.json'), 'utf8'),
    ) as {
      auths?: Record<string, unknown>;
    };
    expect(Object.keys(config.auths ?? {})).toContain(registry.address);

    const ref = `${registry.address}/falcosecurity/test:1`;
    await docker(dockerd, ['tag', images[0] ?? '', ref]);
    const output = await docker(dockerd, ['push', ref]);
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(output)?.[1];
    expect(digest, output).toBeDefined();
    expect(await skopeoDigest(ref, credentials)).toBe(digest);
  });

  it('lists the pushed tag, and no tags for a missing repository', async () => {
    const { registry } = services();
    expect(await skopeoTags(`${registry.address}/falcosecurity/test`, credentials)).toEqual(['1']);
    expect(await skopeoTags(`${registry.address}/falcosecurity/missing`, credentials)).toEqual([]);
  });

  it('refuses anonymous reads', async () => {
    const { registry } = services();
    await expect(skopeoDigest(`${registry.address}/falcosecurity/test:1`)).rejects.toThrow(
      /unauthorized|authentication required/,
    );
  });
});
