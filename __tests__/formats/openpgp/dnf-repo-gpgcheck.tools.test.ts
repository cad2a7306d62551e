import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readRpm } from '../../../src/formats/rpm/read-rpm.js';
import { buildRepodata } from '../../../src/formats/yum/repodata.js';
import { repodataEntry } from '../../../src/formats/yum/repodata-entry.js';
import { loadSigner } from '../../../src/formats/openpgp/signer.js';
import { rpmbuild } from '../yum/rpm-tools.js';
import { serveDirectory, type StaticServer } from './static-server.js';
import { generateTestKey } from './test-keys.js';

const SPEC = `Name: falco
Version: 0.40.0
Release: 1
Summary: Falco runtime security
License: Apache-2.0
%description
Signed test package.
%install
mkdir -p %{buildroot}/usr/bin
echo falco > %{buildroot}/usr/bin/falco
%files
/usr/bin/falco
`;

/** dnf with its own repos, cache and root under `home` (asynchronous: the server runs in this process). */
function dnf(home: string, ...args: string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      'dnf',
      [
        `--setopt=reposdir=${join(home, 'repos')}`,
        `--installroot=${join(home, 'root')}`,
        '--releasever=1',
        `--setopt=cachedir=${join(home, 'cache')}`,
        '--assumeyes',
        // Otherwise dnf ignores a repository whose metadata fails to verify, and exits 0.
        '--setopt=skip_if_unavailable=False',
        ...args,
      ],
      { encoding: 'utf8', timeout: 90_000, env: { ...process.env, LC_ALL: 'C.UTF-8' } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(
            new Error(`dnf could not run: ${error.message} (apt-get install -y --no-install-recommends dnf)`),
          );
        } else {
          resolve({ ok: !error, output: `${stdout}${stderr}` });
        }
      },
    );
  });
}

function dnfClient(root: string, name: string, baseurl: string, publicKey: string): string {
  const home = join(root, name);
  mkdirSync(join(home, 'repos'), { recursive: true });
  writeFileSync(join(home, 'key.asc'), publicKey);
  writeFileSync(
    join(home, 'repos', 'falco.repo'),
    `[falco]\nname=Falco\nbaseurl=${baseurl}\nenabled=1\ngpgcheck=0\nrepo_gpgcheck=1\n` +
      `gpgkey=file://${join(home, 'key.asc')}\n`,
  );
  return home;
}

describe('dnf repo_gpgcheck of a repomd.xml.asc we signed', { timeout: 180_000 }, () => {
  let root: string;
  let server: StaticServer;
  let publicKey: string;
  let otherPublicKey: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'dnf-signed-'));
    const repository = join(root, 'www', 'rpm');
    const built = rpmbuild(join(root, 'rpmbuild'), 'falco', SPEC, 'x86_64');
    const bytes = readFileSync(built);
    const location = 'falco-0.40.0-1.x86_64.rpm';
    mkdirSync(repository, { recursive: true });
    writeFileSync(join(repository, location), bytes);
    const pkg = await readRpm(built);
    const date = new Date(Math.floor(Date.now() / 1000 - 60) * 1000);
    const repodata = buildRepodata(
      [
        repodataEntry({
          pkg,
          location,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          size: bytes.byteLength,
          time: date.getTime() / 1000,
        }),
      ],
      { revision: String(date.getTime() / 1000), timestamp: date.getTime() / 1000 },
    );
    const signer = await loadSigner((await generateTestKey('rsa')).privateKey, undefined, { date });
    publicKey = signer.publicKeyArmored;
    otherPublicKey = (await loadSigner((await generateTestKey('rsa')).privateKey, undefined, { date }))
      .publicKeyArmored;
    const files = [
      ...repodata.documents,
      repodata.repomd,
      { path: 'repodata/repomd.xml.asc', bytes: await signer.detachSign(Buffer.from(repodata.repomd.bytes)) },
    ];
    for (const file of files) {
      mkdirSync(dirname(join(repository, file.path)), { recursive: true });
      writeFileSync(join(repository, file.path), file.bytes);
    }
    server = await serveDirectory(join(root, 'www'));
  });

  afterAll(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('verifies repomd.xml.asc with our public key and lists the package', async () => {
    const home = dnfClient(root, 'good', `${server.url}/rpm`, publicKey);
    const query = await dnf(home, 'repoquery', '--available', 'falco');
    expect(query.ok, query.output).toBe(true);
    expect(query.output).toContain('falco-0:0.40.0-1.x86_64');
    // dnf imported our key to check repomd.xml.asc: the signature was verified, not skipped.
    expect(query.output).toContain('Importing GPG key');
  });

  it('refuses the repository under another key', async () => {
    const home = dnfClient(root, 'wrong', `${server.url}/rpm`, otherPublicKey);
    const query = await dnf(home, 'repoquery', '--available', 'falco');
    expect(query.ok).toBe(false);
    expect(query.output).toContain('repomd.xml GPG signature verification error');
    expect(query.output).not.toContain('falco-0:0.40.0-1.x86_64');
  });
});
