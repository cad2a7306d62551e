import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { aptEntry } from '../../../src/formats/apt/apt-entry.js';
import { buildAptIndexes } from '../../../src/formats/apt/apt-indexes.js';
import { loadSigner, type Signer } from '../../../src/formats/openpgp/signer.js';
import { debControlOf, debFileOf, dpkgDebBuild } from '../apt/debian-tools.js';
import { dearmorKeyring } from './gpg-tools.js';
import { serveDirectory, type StaticServer } from './static-server.js';
import { generateTestKey } from './test-keys.js';

const FILENAME = 'stable/falco-0.40.0-x86_64.deb';

/**
 * apt-get and apt-cache with their own sources and state under `home`: the system's are never read or
 * written. Asynchronous, because the HTTP server apt fetches from runs in this same process.
 */
function apt(
  home: string,
  command: 'apt-get' | 'apt-cache',
  ...args: string[]
): Promise<{ ok: boolean; output: string }> {
  const options = [
    ['Dir::Etc::SourceList', join(home, 'sources.list')],
    ['Dir::Etc::SourceParts', '/dev/null'],
    ['Dir::State::Lists', join(home, 'lists')],
    ['Dir::Cache', join(home, 'cache')],
    ['APT::Architecture', 'amd64'],
    ['APT::Architectures::', 'amd64'],
    ['Acquire::Languages', 'none'],
    ['Acquire::http::Timeout', '10'],
    // As root, apt would download as `_apt`, who cannot enter these private directories.
    ['APT::Sandbox::User', 'root'],
  ].flatMap(([name, value]) => ['-o', `${name}=${value}`]);
  return new Promise((resolve, reject) => {
    execFile(
      command,
      [...options, ...args],
      { cwd: home, encoding: 'utf8', timeout: 60_000, env: { ...process.env, LC_ALL: 'C.UTF-8' } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`${command} could not run: ${error.message} (these tests need Debian's apt)`));
        } else {
          resolve({ ok: !error, output: `${stdout}${stderr}` });
        }
      },
    );
  });
}

/** A fresh client: sources.list naming `keyring`, empty lists and cache. */
function aptClient(root: string, name: string, repositoryUrl: string, keyring: string): string {
  const home = join(root, name);
  rmSync(home, { recursive: true, force: true });
  for (const dir of ['lists/partial', 'cache/archives/partial'])
    mkdirSync(join(home, dir), { recursive: true });
  writeFileSync(join(home, 'sources.list'), `deb [signed-by=${keyring}] ${repositoryUrl} stable main\n`);
  return home;
}

describe('apt-get update from a repository we signed', { timeout: 120_000 }, () => {
  let root: string;
  let server: StaticServer;
  let signer: Signer;
  let keyring: string;
  let wrongKeyring: string;
  /** The repository as published: every test starts from it, whatever the one before changed or failed at. */
  let published: { path: string; bytes: string }[];
  /** The apt clients (sources.list, lists, cache) the current test made. */
  const clients: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'apt-signed-'));
    const repository = join(root, 'www', 'deb');
    const deb = join(repository, FILENAME);
    dpkgDebBuild(
      root,
      {
        control:
          'Package: falco\nVersion: 0.40.0\nArchitecture: amd64\nMaintainer: Falco <cncf-falco-dev@lists.cncf.io>\n' +
          'Description: Falco runtime security\n Signed test package.\n',
        files: { 'usr/bin/falco': '#!/bin/sh\necho falco\n' },
      },
      deb,
    );
    // A minute ago: apt refuses a Release dated in the future.
    const date = new Date(Math.floor(Date.now() / 1000 - 60) * 1000);
    signer = await loadSigner((await generateTestKey('rsa', { passphrase: 'pw' })).privateKey, 'pw', {
      date,
    });
    const built = buildAptIndexes({
      packages: new Map([['amd64', [aptEntry(debControlOf(deb), debFileOf(deb, FILENAME))]]]),
      architectures: ['amd64', 'arm64'],
      date,
    });
    const release = Buffer.from(built.release.bytes);
    const files = [
      ...built.indexes,
      built.release,
      { path: 'dists/stable/InRelease', bytes: await signer.clearSign(release.toString('utf8')) },
      { path: 'dists/stable/Release.gpg', bytes: await signer.detachSign(release) },
    ];
    published = files.map((file) => ({
      path: join(repository, file.path),
      bytes: Buffer.from(file.bytes).toString('latin1'),
    }));
    restoreRepository();
    keyring = dearmorKeyring(signer.publicKeyArmored, join(root, 'falco.gpg'));
    const other = await loadSigner((await generateTestKey('rsa')).privateKey, undefined, { date });
    wrongKeyring = dearmorKeyring(other.publicKeyArmored, join(root, 'other.gpg'));
    server = await serveDirectory(join(root, 'www'));
  });

  /** Writes the published indexes back: a test that removed or changed one leaves nothing behind. */
  function restoreRepository(): void {
    for (const file of published) {
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, Buffer.from(file.bytes, 'latin1'));
    }
  }

  afterEach(() => {
    if (published) restoreRepository();
    for (const home of clients.splice(0)) rmSync(home, { recursive: true, force: true });
  });

  afterAll(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** A fresh apt client of the served repository, removed after the test. */
  function client(name: string, trusted: string): string {
    const home = aptClient(root, name, `${server.url}/deb`, trusted);
    clients.push(home);
    return home;
  }

  it('accepts InRelease with signed-by our key, then finds and downloads the package', async () => {
    const home = client('good', keyring);
    const update = await apt(home, 'apt-get', 'update');
    expect(update.ok, update.output).toBe(true);
    expect(update.output).not.toMatch(/^(W|E|Err):/m);
    expect(readdirSync(join(home, 'lists')).some((name) => name.endsWith('_InRelease'))).toBe(true);
    const policy = await apt(home, 'apt-cache', 'policy', 'falco');
    expect(policy.output).toMatch(/Candidate: 0\.40\.0/);
    // The .deb's hash is checked against Packages, whose hash the signed InRelease vouches for.
    const download = await apt(home, 'apt-get', 'download', 'falco');
    expect(download.ok, download.output).toBe(true);
    expect(readdirSync(home)).toContain('falco_0.40.0_amd64.deb');
  });

  it('accepts Release + Release.gpg when there is no InRelease', async () => {
    const home = client('detached', keyring);
    // Removed for this test only: afterEach puts it back, even when an expectation fails.
    rmSync(join(root, 'www', 'deb', 'dists', 'stable', 'InRelease'), { force: true });
    const update = await apt(home, 'apt-get', 'update');
    expect(update.ok, update.output).toBe(true);
    expect(update.output).not.toMatch(/^(W|E|Err):/m);
    expect(readdirSync(join(home, 'lists')).some((name) => name.endsWith('_Release.gpg'))).toBe(true);
  });

  it('fails when signed-by names another key', async () => {
    const home = client('wrong', wrongKeyring);
    const update = await apt(home, 'apt-get', 'update');
    expect(update.ok, update.output).toBe(false);
    expect(update.output).toMatch(/NO_PUBKEY|not signed/);
    expect((await apt(home, 'apt-cache', 'policy', 'falco')).output).not.toMatch(/Candidate: 0\.40\.0/);
  });
});
