import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { run } from '../../formats/fixtures/tools.js';
import { rpmbuild } from '../../formats/yum/rpm-tools.js';

/** What a client printed (stdout then stderr) and whether it exited 0. */
export interface ClientResult {
  readonly ok: boolean;
  readonly output: string;
}

/**
 * Asynchronous on purpose: the HTTP server the clients fetch from runs in the calling process, so a
 * synchronous child would block it.
 */
function client(command: string, args: readonly string[], cwd: string): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, LC_ALL: 'C.UTF-8' } },
      (error, stdout, stderr) => {
        // A numeric code is the client's own exit status; anything else means it never ran.
        if (error && typeof error.code !== 'number')
          reject(new Error(`${command} could not run: ${error.message}`));
        else resolve({ ok: !error, output: `${stdout}${stderr}` });
      },
    );
  });
}

export type DebArch = 'amd64' | 'arm64';

/** apt-get and apt-cache with their own sources, lists and cache: the system's are never read or written. */
export interface AptClient {
  readonly home: string;
  run(command: 'apt-get' | 'apt-cache', ...args: string[]): Promise<ClientResult>;
  /**
   * `apt-get download <spec>` (`falco`, `falco=0.26.0`) into a fresh directory: apt checks the file
   * against the Packages entry, whose hash the Release (signed, unless trusted=yes) vouches for.
   * Returns the .deb files it left there, by file name, with their sha256.
   */
  download(spec: string): Promise<ClientResult & { files: Map<string, string> }>;
}

/**
 * A fresh apt client of one architecture for one `sources.list` line, e.g.
 * `deb [signed-by=/tmp/key.gpg] http://127.0.0.1:PORT/deb stable main`.
 */
export function aptClient(home: string, sourcesLine: string, arch: DebArch): AptClient {
  for (const dir of ['lists/partial', 'cache/archives/partial'])
    mkdirSync(join(home, dir), { recursive: true });
  writeFileSync(join(home, 'sources.list'), `${sourcesLine}\n`);
  const options = [
    ['Dir::Etc::SourceList', join(home, 'sources.list')],
    ['Dir::Etc::SourceParts', '/dev/null'],
    ['Dir::State::Lists', join(home, 'lists')],
    ['Dir::Cache', join(home, 'cache')],
    // The architecture a machine of that kind has: arm64 indexes and packages on any host.
    ['APT::Architecture', arch],
    ['APT::Architectures::', arch],
    ['Acquire::Languages', 'none'],
    ['Acquire::http::Timeout', '10'],
    // As root, apt would download as `_apt`, who cannot enter these private directories.
    ['APT::Sandbox::User', 'root'],
  ].flatMap(([name, value]) => ['-o', `${name}=${value}`]);
  return {
    home,
    run: (command, ...args) => client(command, [...options, ...args], home),
    download: async (spec) => {
      const dir = freshDirectory(home, spec);
      const result = await client('apt-get', [...options, 'download', spec], dir);
      return { ...result, files: filesIn(dir, '.deb') };
    },
  };
}

/** The `Candidate:` line of `apt-cache policy falco`, or undefined when apt has none. */
export async function aptCandidate(apt: AptClient): Promise<string | undefined> {
  const policy = await apt.run('apt-cache', 'policy', 'falco');
  return /^\s*Candidate: (\S+)$/m.exec(policy.output)?.[1];
}

/** Every falco version apt knows, as `apt-cache madison` lists them (newest first). */
export async function aptVersions(apt: AptClient): Promise<string[]> {
  const madison = await apt.run('apt-cache', 'madison', 'falco');
  return madison.output
    .split('\n')
    .map((line) => line.split('|').map((field) => field.trim()))
    .filter((fields) => fields[0] === 'falco' && fields[1] !== undefined)
    .map((fields) => fields[1] ?? '');
}

export type RpmArch = 'x86_64' | 'aarch64';

/** dnf with its own repositories, cache and install root, forced to one architecture. */
export interface DnfClient {
  readonly home: string;
  run(...args: string[]): Promise<ClientResult>;
  /** Stops the gpg-agents dnf started for repo_gpgcheck (one per repository keyring in its cache). */
  close(): void;
}

export interface DnfRepository {
  readonly baseurl: string;
  /** The armored public key: gpgcheck and repo_gpgcheck on; absent: both off. */
  readonly publicKey?: string;
}

/**
 * A fresh dnf client for the `falco` repository and, beside it, the local repository of a package that
 * provides /bin/sh (see shellProviderRepository): an empty install root has no shell, and dnf
 * resolves an install, even a download-only one, before it fetches anything.
 */
export function dnfClient(
  home: string,
  repository: DnfRepository,
  arch: RpmArch,
  shellRepository: string,
): DnfClient {
  mkdirSync(join(home, 'repos'), { recursive: true });
  const signed = repository.publicKey !== undefined;
  if (repository.publicKey !== undefined) writeFileSync(join(home, 'key.asc'), repository.publicKey);
  writeFileSync(
    join(home, 'repos', 'falco.repo'),
    [
      '[falco]',
      'name=Falco',
      `baseurl=${repository.baseurl}`,
      'enabled=1',
      `gpgcheck=${signed ? 1 : 0}`,
      `repo_gpgcheck=${signed ? 1 : 0}`,
      ...(signed ? [`gpgkey=file://${join(home, 'key.asc')}`] : []),
      '',
      '[shell]',
      'name=Shell',
      `baseurl=file://${shellRepository}`,
      'enabled=1',
      'gpgcheck=0',
      '',
    ].join('\n'),
  );
  const options = [
    `--setopt=reposdir=${join(home, 'repos')}`,
    `--installroot=${join(home, 'root')}`,
    '--releasever=1',
    `--setopt=cachedir=${join(home, 'cache')}`,
    '--assumeyes',
    // The machine this client stands for: aarch64 packages resolve and download on any host.
    `--forcearch=${arch}`,
    // Otherwise dnf ignores a repository whose metadata fails to verify, and exits 0.
    '--setopt=skip_if_unavailable=False',
  ];
  return {
    home,
    run: (...args) => client('dnf', [...options, ...args], home),
    close: () => {
      const cache = join(home, 'cache');
      if (!existsSync(cache)) return;
      for (const name of readdirSync(cache)) {
        const keyring = join(cache, name, 'pubring');
        if (existsSync(keyring)) stopGpgAgent(keyring);
      }
    },
  };
}

/** `name-version-release.arch` of every falco package dnf knows for its architecture, sorted. */
export async function dnfVersions(
  dnf: DnfClient,
  arch: RpmArch,
): Promise<ClientResult & { nevras: string[] }> {
  const query = await dnf.run(
    'repoquery',
    '--refresh',
    '--available',
    `--arch=${arch}`,
    '--queryformat=%{name}-%{version}-%{release}.%{arch}\\n',
    'falco',
  );
  const nevras = query.output
    .split('\n')
    .filter((line) => /^falco-\S+\.(x86_64|aarch64)$/.test(line))
    .sort();
  return { ...query, nevras };
}

/**
 * `dnf install --downloadonly` of one spec (`falco`, `falco-0.26.0`) into a fresh directory: dnf picks
 * the package as it would install it, checks its checksum against the repodata and, with gpgcheck,
 * its signature. Returns the falco packages it left there, by file name, with their sha256.
 */
export async function dnfDownload(
  dnf: DnfClient,
  spec: string,
): Promise<ClientResult & { files: Map<string, string> }> {
  const dir = freshDirectory(dnf.home, spec);
  const result = await dnf.run('install', '--downloadonly', `--downloaddir=${dir}`, spec);
  // The shell provider comes along as a dependency: only falco's files count.
  const files = new Map([...filesIn(dir, '.rpm')].filter(([name]) => name.startsWith('falco-')));
  return { ...result, files };
}

/** A local YUM repository of one noarch package that provides /bin/sh, made with createrepo_c. */
export function shellProviderRepository(dir: string): string {
  const repository = join(dir, 'shell-repository');
  mkdirSync(repository, { recursive: true });
  const built = rpmbuild(
    join(dir, 'shell-rpmbuild'),
    'shell-provider',
    [
      'Name: shell-provider',
      'Version: 1',
      'Release: 1',
      'Summary: Stands for the shell of a real system',
      'License: Apache-2.0',
      'Provides: /bin/sh',
      '%description',
      'Stands for the shell of a real system.',
      '%files',
      '',
    ].join('\n'),
    'noarch',
  );
  writeFileSync(join(repository, 'shell-provider-1-1.noarch.rpm'), readFileSync(built));
  run('createrepo_c', ['--quiet', repository]);
  return repository;
}

/**
 * Signs .rpm files in place with rpmsign, the way a build signs its packages before they are published:
 * dnf's gpgcheck checks the signature inside the package, which no repository signature replaces.
 */
export function rpmSign(files: readonly string[], armoredPrivateKey: string, dir: string): void {
  // A home of its own per call: a new gpg in a home whose agent is still shutting down may reach it.
  const home = mkdtempSync(join(dir, 'rpmsign-gnupg-'));
  try {
    execFileSync('gpg', ['--homedir', home, '--batch', '--import'], {
      input: armoredPrivateKey,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    for (const file of files) {
      run('rpmsign', [
        '--define',
        // Debian's rpm names gpg2, which Debian does not ship under that name.
        '__gpg /usr/bin/gpg',
        '--define',
        `_gpg_path ${home}`,
        '--define',
        '_gpg_name test@falco.invalid',
        '--addsign',
        file,
      ]);
    }
  } finally {
    stopGpgAgent(home);
    rmSync(home, { recursive: true, force: true });
  }
}

/** gpg starts an agent per home for secret keys, and dnf one per repository keyring: stop ours. */
export function stopGpgAgent(home: string): void {
  execFileSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent'], { stdio: 'ignore' });
}

function freshDirectory(home: string, spec: string): string {
  const dir = join(home, `download-${spec.replace(/[^A-Za-z0-9.+-]/g, '_')}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

function filesIn(dir: string, extension: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith(extension))
      .map((name) => [name, sha256Of(join(dir, name))]),
  );
}

export function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
