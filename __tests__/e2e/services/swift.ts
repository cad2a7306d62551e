import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Daemon } from './process.js';
import { PortNotBound, run, spawnDaemon, waitForDaemon } from './process.js';
import { freePorts } from './ports.js';

/** A single-node OpenStack Swift with its S3 API (s3api + tempauth) on loopback. */
export interface Swift {
  /** http://127.0.0.1:PORT, the proxy that speaks S3. */
  endpoint: string;
  accessKeyId: 'test:tester';
  secretAccessKey: 'testing';
  region: 'us-east-1';
  stop(): Promise<void>;
}

// Debian's python has the swift modules; another python3 may come first in PATH.
const PYTHON = '/usr/bin/python3';
const KINDS = ['account', 'container', 'object'] as const;
type Kind = (typeof KINDS)[number];

// The ring builder run inside one python process: three `swift-ring-builder` runs take ~5 s, this 0.3 s.
// Partition power 8, one replica, one device per ring.
const BUILD_RINGS = `
import sys
from swift.common.ring import RingBuilder
swift_dir = sys.argv[1]
for kind, port in zip(('account', 'container', 'object'), sys.argv[2:]):
    builder = RingBuilder(8, 1, 1)
    builder.add_dev({'id': 0, 'region': 1, 'zone': 1, 'ip': '127.0.0.1', 'port': int(port), 'device': 'd1', 'weight': 1})
    builder.rebalance()
    builder.get_ring().save('%s/%s.ring.gz' % (swift_dir, kind))
`;

// Swift reads swift.conf from a fixed /etc/swift/swift.conf (rings follow `swift_dir`). To keep every
// file in the temp dir, point the module constant at ours before the server script imports the rest,
// then run the packaged script unchanged.
const RUN_SERVER = `
import runpy, sys
import swift.common.utils
swift.common.utils.SWIFT_CONF_FILE = sys.argv[1]
sys.argv = sys.argv[2:]
runpy.run_path(sys.argv[0], run_name='__main__')
`;

const SWIFT_CONF = `[swift-hash]
swift_hash_path_prefix = e2e
swift_hash_path_suffix = e2e

[storage-policy:0]
name = default
default = yes
`;

function common(dir: string, port: number): string {
  return `[DEFAULT]
bind_ip = 127.0.0.1
bind_port = ${port}
workers = 0
mount_check = false
devices = ${join(dir, 'devices')}
swift_dir = ${dir}
user = ${userInfo().username}
`;
}

function storageConf(dir: string, kind: Kind, port: number): string {
  return `${common(dir, port)}
[pipeline:main]
pipeline = healthcheck ${kind}-server

[app:${kind}-server]
use = egg:swift#${kind}

[filter:healthcheck]
use = egg:swift#healthcheck
`;
}

function proxyConf(dir: string, port: number, memcachedPort: number): string {
  const filters = [
    'catch_errors',
    'gatekeeper',
    'healthcheck',
    'proxy-logging',
    'listing_formats',
    'copy',
    'slo',
    'dlo',
  ];
  return `${common(dir, port)}
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:${memcachedPort}

[filter:s3api]
use = egg:swift#s3api
location = us-east-1

[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin

${filters.map((name) => `[filter:${name}]\nuse = egg:swift#${name.replace('-', '_')}\n`).join('\n')}`;
}

async function healthy(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/healthcheck`);
  await response.body?.cancel();
  return response.ok;
}

// Another process may take a port between freePorts() and a server's bind: start again on others then.
const START_ATTEMPTS = 3;

/**
 * Starts memcached and the account, container, object and proxy servers, each by PID with its files
 * (configs, rings, devices, logs) in one temp dir, and waits until each listens on its own port and
 * answers its /healthcheck.
 */
export async function startSwift(): Promise<Swift> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startSwiftOnce();
    } catch (error) {
      if (!(error instanceof PortNotBound) || attempt >= START_ATTEMPTS) throw error;
    }
  }
}

async function startSwiftOnce(): Promise<Swift> {
  const dir = await mkdtemp(join(tmpdir(), 'swift-'));
  const daemons: Daemon[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(daemons.map((daemon) => daemon.stop()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const [account = 0, container = 0, object = 0, proxy = 0, memcached = 0] = await freePorts(5);
    const ports = { account, container, object, proxy, memcached };
    // The object server keeps data and metadata (user xattrs) under devices/d1.
    await mkdir(join(dir, 'devices', 'd1'), { recursive: true });
    const swiftConf = join(dir, 'swift.conf');
    await writeFile(swiftConf, SWIFT_CONF);
    for (const kind of KINDS)
      await writeFile(join(dir, `${kind}-server.conf`), storageConf(dir, kind, ports[kind]));
    await writeFile(join(dir, 'proxy-server.conf'), proxyConf(dir, ports.proxy, ports.memcached));
    await run(PYTHON, [
      '-c',
      BUILD_RINGS,
      dir,
      String(ports.account),
      String(ports.container),
      String(ports.object),
    ]);

    // Without green DNS eventlet imports far less: start-up takes half as long.
    const env = { ...process.env, EVENTLET_NO_GREENDNS: 'yes' };
    const memcachedArgs = ['-l', '127.0.0.1', '-p', String(ports.memcached), '-U', '0'];
    // memcached refuses to run as root unless told which user to stay.
    if (process.getuid?.() === 0) memcachedArgs.push('-u', 'root');
    const cache = await spawnDaemon('memcached', memcachedArgs, { dir, name: 'memcached' });
    daemons.push(cache);
    const servers: { kind: Kind | 'proxy'; daemon: Daemon }[] = [];
    for (const kind of [...KINDS, 'proxy'] as const) {
      const args = [
        '-c',
        RUN_SERVER,
        swiftConf,
        `/usr/bin/swift-${kind}-server`,
        join(dir, `${kind}-server.conf`),
        '-v',
      ];
      const daemon = await spawnDaemon(PYTHON, args, { dir, name: `${kind}-server`, env });
      daemons.push(daemon);
      servers.push({ kind, daemon });
    }
    await Promise.all([
      waitForDaemon(cache, () => Promise.resolve(true), `memcached on port ${ports.memcached}`, {
        port: ports.memcached,
      }),
      ...servers.map(({ kind, daemon }) =>
        waitForDaemon(daemon, () => healthy(ports[kind]), `swift ${kind} server on port ${ports[kind]}`, {
          port: ports[kind],
        }),
      ),
    ]);
    let stopping: Promise<void> | undefined;
    return {
      endpoint: `http://127.0.0.1:${ports.proxy}`,
      accessKeyId: 'test:tester',
      secretAccessKey: 'testing',
      region: 'us-east-1',
      stop: () => (stopping ??= stop()),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
