import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Bytes of incompressible payload in each package, so copying the pool costs what copying packages
 * costs: 1 MiB, still far below Falco's real packages (tens of MiB), so the copy the old way makes is
 * understated, not inflated.
 */
export const PAYLOAD_BYTES = 1024 * 1024;

/**
 * `count` versions of falco as a .deb (amd64) and an .rpm (x86_64), built by dpkg-deb and rpmbuild into
 * `dir/pool`, once: later runs reuse them. Versions are `0.<n>.0`, so each one sorts after the last.
 */
export async function buildVersions(dir: string, count: number): Promise<string[]> {
  const pool = join(dir, 'pool');
  const done = join(dir, `.built-${count}`);
  const files = Array.from({ length: count }, (_, i) => [
    join(pool, `falco-${version(i)}-x86_64.deb`),
    join(pool, `falco-${version(i)}-x86_64.rpm`),
  ]).flat();
  if (existsSync(done)) return files;
  await mkdir(pool, { recursive: true });
  const indexes = Array.from({ length: count }, (_, i) => i);
  // rpmbuild waits more than it computes: several at once fill the CPUs.
  const workers = Array.from({ length: 8 }, async () => {
    for (let i = indexes.shift(); i !== undefined; i = indexes.shift()) await buildOne(dir, pool, version(i));
  });
  await Promise.all(workers);
  await writeFile(done, '');
  return files;
}

export const version = (i: number): string => `0.${i + 1}.0`;

export async function buildOne(dir: string, pool: string, v: string): Promise<string[]> {
  const work = join(dir, 'work', v);
  await rm(work, { recursive: true, force: true });
  await mkdir(join(work, 'deb', 'DEBIAN'), { recursive: true });
  await mkdir(join(work, 'deb', 'usr', 'share', 'falco'), { recursive: true });
  const payload = randomBytes(PAYLOAD_BYTES);
  await writeFile(join(work, 'payload'), payload);
  await writeFile(join(work, 'deb', 'usr', 'share', 'falco', 'payload'), payload);
  await writeFile(
    join(work, 'deb', 'DEBIAN', 'control'),
    `Package: falco\nVersion: ${v}\nArchitecture: amd64\nMaintainer: Falco <cncf-falco-dev@lists.cncf.io>\nDescription: Falco\n Runtime security.\n`,
  );
  const deb = join(pool, `falco-${v}-x86_64.deb`);
  // The payload is random: compressing it is wasted time (-Znone), as for the rpm below.
  await run('dpkg-deb', ['--root-owner-group', '-Znone', '--build', join(work, 'deb'), deb]);
  const spec = join(work, 'falco.spec');
  await writeFile(
    spec,
    [
      'Name: falco',
      `Version: ${v}`,
      'Release: 1',
      'Summary: Falco',
      'License: Apache-2.0',
      '%description',
      'Runtime security.',
      '%install',
      'mkdir -p %{buildroot}/usr/share/falco',
      `cp ${join(work, 'payload')} %{buildroot}/usr/share/falco/payload`,
      '%files',
      '/usr/share/falco/payload',
      '',
    ].join('\n'),
  );
  const top = join(work, 'rpmbuild');
  await run('rpmbuild', [
    '--define',
    `_topdir ${top}`,
    '--define',
    'debug_package %{nil}',
    '--define',
    '_build_id_links none',
    // The payload is random: compressing it again is wasted time.
    '--define',
    '_binary_payload w0.gzdio',
    '--target',
    'x86_64',
    '-bb',
    spec,
  ]);
  const rpm = join(pool, `falco-${v}-x86_64.rpm`);
  await rename(join(top, 'RPMS', 'x86_64', `falco-${v}-1.x86_64.rpm`), rpm);
  await rm(work, { recursive: true, force: true });
  return [deb, rpm];
}
