import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { falcoPackage } from '../indexes/falco-packages.js';
import { errorLine, runAction, type ActionRun } from './run-action.js';
import { startNginx, type Nginx } from './services/nginx.js';
import {
  aptCandidate,
  aptClient,
  dnfClient,
  dnfVersions,
  shellProviderRepository,
  type DnfClient,
} from './services/package-clients.js';
import { exchangesOf, startProxy, type CountingProxy, type ProxyRules } from './services/proxy.js';

// `package-host: http://…` through the bundled action, against real nginx (WebDAV PUT, Basic auth for
// writes, PROPFIND from the dav-ext module) on loopback, with fault-injecting proxies in front of it.
// nginx takes If-Match / If-None-Match on PUT and ignores them (its dav module checks no condition), so
// it cannot keep indexes for concurrent publishers: these runs are `serialized: true`, as a workflow
// with a `concurrency:` group is.

const USER = { username: 'deployer', password: 'pkg-host-pw-4Rt9-never-logged' };
const BASIC = Buffer.from(`${USER.username}:${USER.password}`).toString('base64');
let nginx: Nginx;
let workspace: string;
let shellRepository: string;
const proxies: CountingProxy[] = [];
const dnfClients: DnfClient[] = [];

beforeAll(async () => {
  nginx = await startNginx({ user: USER, listing: 'propfind' });
  workspace = await mkdtemp(join(tmpdir(), 'http-host-'));
  shellRepository = shellProviderRepository(workspace);
});
afterAll(async () => {
  for (const dnf of dnfClients) dnf.close();
  for (const proxy of proxies) await proxy.stop();
  await nginx?.stop();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

const RELEASE = ['falco-0.26.0-x86_64.deb', 'falco-0.26.0-x86_64.rpm', 'falco-0.26.0-x86_64.tar.gz'];

/** Real packages in `<workspace>/<dir>`; the marker makes builds of one name differ. */
function packages(dir: string, names: readonly string[], marker: string): string {
  for (const name of names) falcoPackage(join(workspace, dir), name, marker);
  return `${dir}/*`;
}

async function proxy(rules: ProxyRules = {}): Promise<CountingProxy> {
  const started = await startProxy(nginx.origin.slice('http://'.length), rules);
  proxies.push(started);
  return started;
}

function publish(inputs: Record<string, string>, origin = nginx.origin): Promise<ActionRun> {
  return runAction(
    {
      'package-host-username': USER.username,
      'package-host-password': USER.password,
      serialized: 'true',
      ...inputs,
      'package-host': `${origin}/${inputs['package-host'] ?? ''}`,
    },
    {},
    workspace,
  );
}

/** What the log shows of the run, as a runner displays it: the mask commands are consumed. */
function shown(run: ActionRun): string {
  const log = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return log + run.stderr + JSON.stringify(run.outputs) + run.summary;
}

/** Every file under a folder of nginx's document root, relative to it. */
function filesUnder(folder: string): string[] {
  const root = join(nginx.root, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(root, path)).isFile())
    .sort();
}

const PACKAGE_FILE = /\.(deb|rpm|tar\.gz)$/;
const publishSteps = (run: ActionRun): (string | undefined)[] =>
  (JSON.parse(run.outputs.plan ?? '[]') as { step: string; action?: string }[])
    .filter((step) => step.step === 'publish-package')
    .map((step) => step.action);

describe('package-host: an http(s):// server (nginx with WebDAV)', () => {
  it('refuses a server that ignores conditional writes unless serialized, before writing anything', async () => {
    const run = await publish({
      ref: 'refs/tags/0.26.0',
      packages: packages('refused', RELEASE, 'a'),
      serialized: 'false',
      'package-host': 'refused',
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain('does not support conditional writes');
    expect(errorLine(run)).toContain('serialized: true');
    expect(filesUnder('refused')).toEqual([]);
  });

  it('publishes in the download-server layout, with APT and YUM repositories apt-get and dnf read', async () => {
    const run = await publish({
      ref: 'refs/tags/0.26.0',
      packages: packages('release', RELEASE, 'release build'),
      'package-host': 'packages',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const files = filesUnder('packages');
    expect(files.filter((path) => PACKAGE_FILE.test(path))).toEqual([
      'bin/x86_64/falco-0.26.0-x86_64.tar.gz',
      'deb/stable/falco-0.26.0-x86_64.deb',
      'rpm/falco-0.26.0-x86_64.rpm',
    ]);
    expect(files).toContain('deb/dists/stable/Release');
    expect(files).toContain('rpm/repodata/repomd.xml');
    for (const name of RELEASE) {
      const path = files.find((file) => file.endsWith(name)) ?? name;
      expect(readFileSync(join(nginx.root, 'packages', path)), name).toEqual(
        readFileSync(join(workspace, 'release', name)),
      );
    }
    // The probes of the check leave nothing a client would see.
    expect(files.filter((path) => path.startsWith('.'))).toEqual([]);
    expect(run.outputs['package-host']).toBe(`${nginx.origin}/packages/`);

    const apt = aptClient(
      join(workspace, 'clients', 'apt'),
      `deb [trusted=yes] ${nginx.origin}/packages/deb stable main`,
      'amd64',
    );
    const update = await apt.run('apt-get', 'update');
    expect(update.ok, update.output).toBe(true);
    expect(await aptCandidate(apt)).toBe('0.26.0');
    const dnf = dnfClient(
      join(workspace, 'clients', 'dnf'),
      { baseurl: `${nginx.origin}/packages/rpm` },
      'x86_64',
      shellRepository,
    );
    dnfClients.push(dnf);
    const query = await dnfVersions(dnf, 'x86_64');
    expect(query.nevras.length, query.output).toBe(1);
    expect(query.nevras[0]).toContain('falco-0.26.0');

    // The password is masked for the runner, in both its forms, and shows nowhere.
    expect(run.stdout).toContain(`::add-mask::${USER.password}`);
    expect(run.stdout).toContain(`::add-mask::${BASIC}`);
    expect(shown(run)).not.toContain(USER.password);
    expect(shown(run)).not.toContain(BASIC);
  });

  it('a re-run uploads nothing, reading each package back only because its size agrees', async () => {
    const counted = await proxy();
    const run = await publish(
      { ref: 'refs/tags/0.26.0', packages: 'release/*', 'package-host': 'packages' },
      `http://${counted.address}`,
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(publishSteps(run)).toEqual(['skip', 'skip', 'skip']);
    expect(run.stdout).toContain('deb: indexes already current');
    expect(run.stdout).toContain('rpm: indexes already current');
    // Only the check's probes write, under the host's own dot folder.
    const writes = counted.exchanges.filter((e) => e.method === 'PUT' || e.method === 'DELETE');
    expect(writes.filter((e) => !e.url.includes('/.falco-publisher/'))).toEqual([]);
    // nginx keeps no sha256: each package is read once to be hashed (its size being the local file's).
    expect(exchangesOf(counted, 'GET', PACKAGE_FILE)).toHaveLength(3);
  });

  it('refuses a different build under a published name without downloading it when the sizes differ', async () => {
    const counted = await proxy();
    const run = await publish(
      {
        ref: 'refs/tags/0.26.0',
        packages: packages('other', ['falco-0.26.0-x86_64.tar.gz'], 'another build, of another size'),
        'package-host': 'packages',
      },
      `http://${counted.address}`,
    );
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain('already published with different content');
    expect(exchangesOf(counted, 'HEAD', /x86_64\.tar\.gz$/)).toHaveLength(1);
    expect(exchangesOf(counted, 'GET', /x86_64\.tar\.gz$/)).toEqual([]);
  });

  it('a wrong password fails the check with one error naming the inputs, before any upload', async () => {
    const counted = await proxy();
    const run = await publish(
      {
        ref: 'refs/tags/0.26.1',
        packages: packages('wrong-password', ['falco-0.26.1-x86_64.deb'], 'x'),
        'package-host': 'packages',
        'package-host-password': 'wrong-pw-0Kd2-not-it',
      },
      `http://${counted.address}`,
    );
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain('refused the credentials (401');
    expect(errorLine(run)).toContain('package-host-username / package-host-password');
    // One request was enough: the check's first write.
    expect(counted.exchanges.map((e) => `${e.method} ${e.status}`)).toEqual(['PUT 401']);
    expect(filesUnder('packages').filter((path) => path.includes('0.26.1'))).toEqual([]);
  });

  it('a location that refuses writes (403) fails the check, naming the credential inputs', async () => {
    const run = await publish({
      ref: 'refs/tags/0.26.1',
      packages: 'wrong-password/*',
      'package-host': 'readonly/packages',
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toMatch(/denied PUT \S+ \(403\)/);
    expect(errorLine(run)).toContain('package-host-username / package-host-password');
  });

  it('a burst of 503s is retried; a server that keeps failing is one error naming the URL', async () => {
    const burst = await proxy({
      // The first two uploads of the .deb are answered 503, as a restarting server behind a gateway does.
      answer: (exchange, earlier) =>
        exchange.method === 'PUT' &&
        exchange.url.endsWith('.deb') &&
        earlier.filter((e) => e.method === 'PUT' && e.url.endsWith('.deb')).length < 2
          ? { status: 503 }
          : undefined,
    });
    const run = await publish(
      {
        ref: 'refs/tags/0.26.2',
        packages: packages('burst', ['falco-0.26.2-x86_64.deb'], 'b'),
        'package-host': 'packages',
      },
      `http://${burst.address}`,
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(exchangesOf(burst, 'PUT', /\.deb$/).map((e) => e.status)).toEqual([503, 503, 201]);
    expect(readFileSync(join(nginx.root, 'packages/deb/stable/falco-0.26.2-x86_64.deb'))).toEqual(
      readFileSync(join(workspace, 'burst/falco-0.26.2-x86_64.deb')),
    );

    const down = await proxy({
      answer: (exchange) =>
        exchange.method === 'PUT' && exchange.url.endsWith('.rpm') ? { status: 503 } : undefined,
    });
    const failed = await publish(
      {
        ref: 'refs/tags/0.26.3',
        packages: packages('down', ['falco-0.26.3-x86_64.rpm'], 'c'),
        'package-host': 'packages',
      },
      `http://${down.address}`,
    );
    expect(failed.exitCode).toBe(1);
    expect(errorLine(failed)).toBe(
      `package-host: PUT http://${down.address}/packages/rpm/falco-0.26.3-x86_64.rpm failed: the server answered 503, 5 times — check the server is healthy, then run again`,
    );
    expect(exchangesOf(down, 'PUT', /\.rpm$/)).toHaveLength(5);
    expect(shown(failed)).not.toContain(USER.password);
  });

  it('deploys by checksum where the server knows it: no package body is sent for bytes it holds', async () => {
    // A stand-in for Artifactory's deploy-by-checksum in front of nginx: a bodiless PUT with
    // X-Checksum-Deploy places a file the server already holds (anywhere) at the new path, 201;
    // an unknown checksum is 404, and the body follows.
    const deploy = await proxy({
      answer: (exchange) => {
        if (exchange.method !== 'PUT' || exchange.requestHeaders['x-checksum-deploy'] !== 'true')
          return undefined;
        const wanted = exchange.requestHeaders['x-checksum-sha256'];
        const held = filesUnder('').find(
          (path) =>
            createHash('sha256')
              .update(readFileSync(join(nginx.root, path)))
              .digest('hex') === wanted,
        );
        if (held === undefined) return { status: 404, body: '{"errors":[{"status":404}]}' };
        const target = join(nginx.root, decodeURIComponent(exchange.url.split('?')[0] ?? ''));
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(join(nginx.root, held), target);
        return { status: 201, body: '{}' };
      },
    });
    const run = await publish(
      { ref: 'refs/tags/0.26.0', packages: 'release/*', 'package-host': 'mirror' },
      `http://${deploy.address}`,
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const packagePuts = exchangesOf(deploy, 'PUT', PACKAGE_FILE);
    expect(packagePuts).toHaveLength(3);
    for (const put of packagePuts) {
      expect(put.requestHeaders['x-checksum-deploy'], put.url).toBe('true');
      expect(put.status, put.url).toBe(201);
      expect(put.requestBytes, put.url).toBe(0);
    }
    for (const name of RELEASE) {
      const path = filesUnder('mirror').find((file) => file.endsWith(name)) ?? name;
      expect(readFileSync(join(nginx.root, 'mirror', path))).toEqual(
        readFileSync(join(workspace, 'release', name)),
      );
    }
    // Indexes are new bytes: they go with their body, and the server is asked about the header once per run.
    expect(
      exchangesOf(deploy, 'PUT', /\/\.falco-publisher\/checksum-deploy-probe$/).map((e) => e.status),
    ).toEqual([404]);
  });
});

describe('package-host on nginx without WebDAV listing (its JSON autoindex instead)', () => {
  let plain: Nginx;
  beforeAll(async () => {
    plain = await startNginx({ user: USER, listing: 'autoindex' });
  });
  afterAll(async () => {
    await plain?.stop();
  });

  it('publishes a dev version, its + percent-encoded, and keeps its APT repository', async () => {
    const dev = ['falco-0.27.0-12+abc1234-x86_64.deb', 'falco-0.27.0-12+abc1234-x86_64.rpm'];
    const run = await publish(
      { ref: 'refs/heads/master', packages: packages('dev', dev, 'dev build'), 'package-host': 'packages' },
      plain.origin,
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(readFileSync(join(plain.root, 'packages/deb-dev/stable', dev[0] ?? ''))).toEqual(
      readFileSync(join(workspace, 'dev', dev[0] ?? '')),
    );
    const apt = aptClient(
      join(workspace, 'clients', 'apt-dev'),
      `deb [trusted=yes] ${plain.origin}/packages/deb-dev stable main`,
      'amd64',
    );
    expect((await apt.run('apt-get', 'update')).ok).toBe(true);
    expect(await aptCandidate(apt)).toBe('0.27.0-12+abc1234');
    const again = await publish(
      { ref: 'refs/heads/master', packages: 'dev/*', 'package-host': 'packages' },
      plain.origin,
    );
    expect(again.exitCode, again.stdout).toBe(0);
    expect(publishSteps(again)).toEqual(['skip', 'skip']);
  });
});
