// `mode: revert-latest` end to end: two releases published by the bundled action (registry driver) to a
// real docker-registry behind a counting proxy and to a mirror, then latest moved back to the first.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layeredImage, skopeoRun, writeImageLayout } from './layered-image.js';
import { errorLine, runAction, type ActionRun } from './run-action.js';
import { exchangesOf, startProxy, type CountingProxy } from './services/proxy.js';
import { startRegistry, type Registry } from './services/registry.js';
import { skopeoDigest } from './services/skopeo.js';

let registry: Registry;
let mirror: Registry;
let proxy: CountingProxy;
let workspace: string;
const mirrorUser = { username: 'mirror-user', password: 'mirror-Pw-5r2x-never-shown' };

beforeAll(async () => {
  [registry, mirror] = await Promise.all([startRegistry(), startRegistry({ htpasswd: mirrorUser })]);
  proxy = await startProxy(registry.address);
  workspace = await mkdtemp(join(tmpdir(), 'revert-'));
  // A mirror's login comes from the job's docker client configuration, as a login step writes it.
  const auth = Buffer.from(`${mirrorUser.username}:${mirrorUser.password}`).toString('base64');
  await mkdir(join(workspace, 'docker-config'), { recursive: true });
  await writeFile(
    join(workspace, 'docker-config', 'config.json'),
    JSON.stringify({ auths: { [mirror.address]: { auth } } }),
  );
});
afterAll(async () => {
  await proxy?.stop();
  await Promise.all([registry?.stop(), mirror?.stop()]);
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

/** A build: the falco image and its -slim sibling, as OCI layouts in the workspace. */
async function build(version: string): Promise<string> {
  const lines: string[] = [];
  for (const [name, suffix] of [
    ['falco', ''],
    ['falco-slim', ' suffix=-slim'],
  ] as const) {
    const hand = join(workspace, 'hand', version, name);
    await writeImageLayout(hand, [{ image: layeredImage(`${name} ${version}`, { layers: 2 }), tag: 'b' }]);
    const dir = join(workspace, 'build', version, name);
    await mkdir(join(dir, '..'), { recursive: true });
    await skopeoRun(['copy', `oci:${hand}:b`, `oci:${dir}:b`]);
    lines.push(`oci-layout:build/${version}/${name}:b falcosecurity/falco${suffix}`);
  }
  return lines.join('\n');
}

function run(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    { 'image-driver': 'registry', registry: proxy.address, 'mirror-registries': mirror.address, ...inputs },
    { DOCKER_CONFIG: join(workspace, 'docker-config') },
    workspace,
  );
}

const at = (where: string, tag: string): Promise<string | undefined> =>
  skopeoDigest(
    `${where}/falcosecurity/falco:${tag}`,
    where === mirror.address ? mirrorUser : undefined,
  ).catch(() => undefined);

describe('mode: revert-latest', () => {
  let images039: string;

  it('after 0.39.1 and 0.40.0, moves latest and latest-slim back to 0.39.1 on the registry and the mirror, with manifest PUTs only', async () => {
    images039 = await build('0.39.1');
    expect((await run({ ref: 'refs/tags/0.39.1', images: images039, latest: 'auto' })).exitCode).toBe(0);
    const images040 = await build('0.40.0');
    expect((await run({ ref: 'refs/tags/0.40.0', images: images040, latest: 'auto' })).exitCode).toBe(0);
    expect(await at(registry.address, 'latest')).toBe(await at(registry.address, '0.40.0'));

    const before = proxy.exchanges.length;
    const reverted = await run({
      ref: 'refs/heads/master',
      mode: 'revert-latest',
      version: '0.39.1',
      images: images039,
    });
    expect(reverted.exitCode, reverted.stdout + reverted.stderr).toBe(0);
    for (const where of [registry.address, mirror.address]) {
      expect(await at(where, 'latest')).toBe(await at(where, '0.39.1'));
      expect(await at(where, 'latest-slim')).toBe(await at(where, '0.39.1-slim'));
      expect(await at(where, '0.40.0')).toBeDefined();
    }
    const during = proxy.exchanges.slice(before);
    expect(during.filter((e) => e.method === 'POST' || e.method === 'PATCH')).toEqual([]);
    expect(exchangesOf({ ...proxy, exchanges: during }, 'PUT', /\/manifests\/latest(-slim)?$/)).toHaveLength(
      2,
    );
    expect(reverted.outputs['changed-tags']?.split('\n')).toEqual([
      `${proxy.address}/falcosecurity/falco:latest`,
      `${proxy.address}/falcosecurity/falco:latest-slim`,
      `${mirror.address}/falcosecurity/falco:latest`,
      `${mirror.address}/falcosecurity/falco:latest-slim`,
    ]);
    expect(reverted.summary).toContain('| moved |');
  });

  it('a re-run changes nothing', async () => {
    const again = await run({
      ref: 'refs/heads/master',
      mode: 'revert-latest',
      version: '0.39.1',
      images: images039,
    });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs['changed-tags']).toBe('');
  });

  it('refuses a version never published, before any write', async () => {
    const latest = await at(registry.address, 'latest');
    const refused = await run({
      ref: 'refs/heads/master',
      mode: 'revert-latest',
      version: '0.38.0',
      images: images039,
    });
    expect(refused.exitCode).not.toBe(0);
    expect(errorLine(refused)).toContain('version: ');
    expect(errorLine(refused)).toContain('0.38.0 was never published there');
    expect(await at(registry.address, 'latest')).toBe(latest);
  });

  it('refuses a prerelease, and packages beside it', async () => {
    const prerelease = await run({
      ref: 'refs/heads/master',
      mode: 'revert-latest',
      version: '0.40.0-rc1',
      images: images039,
    });
    expect(errorLine(prerelease)).toContain('is a prerelease');
    const withPackages = await run({
      ref: 'refs/heads/master',
      mode: 'revert-latest',
      version: '0.39.1',
      images: images039,
      packages: 'build/*',
      'package-host': './download',
    });
    expect(errorLine(withPackages)).toMatch(/^packages: /);
  });

  it('a dry run plans the moves and changes nothing', async () => {
    const images040 = await build('0.40.0');
    expect((await run({ ref: 'refs/tags/0.40.0', images: images040, latest: 'true' })).exitCode).toBe(0);
    const latest = await at(registry.address, 'latest');
    const dry = await run({
      ref: 'refs/heads/master',
      mode: 'revert-latest',
      version: '0.39.1',
      images: images039,
      'dry-run': 'true',
    });
    expect(dry.exitCode, dry.stdout).toBe(0);
    const plan = JSON.parse(dry.outputs.plan ?? '[]') as { step: string; target: string }[];
    expect(plan.map((step) => `${step.step} ${step.target}`)).toEqual([
      `move-tag ${proxy.address}/falcosecurity/falco:latest`,
      `move-tag ${proxy.address}/falcosecurity/falco:latest-slim`,
      `move-tag ${mirror.address}/falcosecurity/falco:latest`,
      `move-tag ${mirror.address}/falcosecurity/falco:latest-slim`,
    ]);
    expect(await at(registry.address, 'latest')).toBe(latest);
  });
});
