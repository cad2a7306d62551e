import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Daemon } from './process.js';
import { run, spawnDaemon, waitForDaemon } from './process.js';
import { freePorts } from './ports.js';

/** A single-node Ceph (one monitor, one OSD on memstore) with radosgw's S3 API on loopback. */
export interface Radosgw {
  /** http://127.0.0.1:PORT, radosgw's beast frontend. */
  endpoint: string;
  accessKeyId: 'e2e-access-key';
  secretAccessKey: 'e2e-secret-key';
  region: 'us-east-1';
  stop(): Promise<void>;
}

const ACCESS_KEY = 'e2e-access-key';
const SECRET_KEY = 'e2e-secret-key';
const MON_ID = 'a';
const RGW_NAME = 'client.rgw.a';

// Every path Ceph would otherwise take from /var/lib/ceph, /var/run/ceph or /var/log/ceph points into
// `dir`. A mon writes its cluster log to /var/log/ceph unless told otherwise (mon cluster log file).
// Auth is off: no keyrings to hand around, and the cluster is only reachable from loopback.
function cephConf(dir: string, fsid: string, ports: { v2: number; v1: number; rgw: number }): string {
  return `[global]
fsid = ${fsid}
mon initial members = ${MON_ID}
mon host = [v2:127.0.0.1:${ports.v2},v1:127.0.0.1:${ports.v1}]
public addr = 127.0.0.1
# Without it the OSD's cluster messenger binds every address.
cluster addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
run dir = ${dir}/run
pid file = ${dir}/run/$name.pid
admin socket = ${dir}/run/$cluster-$name.asok
log file = ${dir}/log/$cluster-$name.log
mon cluster log file = default=${dir}/log/$cluster.$channel.log
crash dir = ${dir}/crash
keyring = ${dir}/keyring
rgw luarocks location = ${dir}/luarocks
# One OSD: pools of one replica, placed on that OSD alone.
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon allow pool size one = true
osd crush chooseleaf type = 0
# No mgr to autoscale with; the warning that says so is noise.
osd pool default pg autoscale mode = off
# A single monitor has no one to wait for: commit map changes at once. radosgw creates its pools one by
# one on first start, each a map change; with the default 1 s batching that alone takes ~9 s, here ~1 s.
paxos propose interval = 0.05
paxos min wait = 0.01

[mon]
mon data = ${dir}/mon/$cluster-$id

[osd]
osd data = ${dir}/osd/$cluster-$id
osd objectstore = memstore
memstore device bytes = 2147483648

[client]
# With auth none, radosgw's monitor session in the default secure mode fails with error -13, in a loop.
ms mon client mode = crc

[${RGW_NAME}]
# Without tcp_nodelay every response waits ~48 ms for a delayed ACK.
rgw frontends = beast endpoint=127.0.0.1:${ports.rgw} tcp_nodelay=1
rgw data = ${dir}/rgw
# The lifecycle thread sleeps in 5 s steps and radosgw's shutdown waits for it; tests set no lifecycle rules.
rgw enable lc threads = false
# Left alone when its cluster is gone (the test process died, every daemon got SIGTERM at once), radosgw
# waits 120 s before it gives up on a clean shutdown.
rgw exit timeout secs = 5
`;
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function answers(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/`);
  await response.body?.cancel();
  return response.ok;
}

/**
 * Creates and starts the monitor, the OSD and radosgw, each by PID with every file (conf, maps, data,
 * pid files, admin sockets, logs) in one temp dir, creates the S3 user and waits for the S3 port.
 * The daemons run in the foreground (-f): forked daemons would leave our process tree, and with it the
 * parent-death signal that spawnDaemon relies on.
 */
export async function startRadosgw(): Promise<Radosgw> {
  const dir = await mkdtemp(join(tmpdir(), 'radosgw-'));
  // CEPH_CONF instead of -c: the same conf reaches every tool, and none reads /etc/ceph/ceph.conf.
  const env = { ...process.env, CEPH_CONF: join(dir, 'ceph.conf') };
  const ceph = (command: string, args: string[]): Promise<string> =>
    run(command, args, { env, cwd: dir, timeoutMs: 60000 });
  const daemons: Daemon[] = [];
  const stop = async (): Promise<void> => {
    // Last started, first stopped, one at a time: radosgw stops in ~0.2 s while its OSD is up (and hangs
    // without it), the OSD tells the monitor it is going and waits up to 5 s for the reply.
    for (const daemon of [...daemons].reverse()) await daemon.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const [v2 = 0, v1 = 0, gateway = 0] = await freePorts(3);
    const ports = { v2, v1, rgw: gateway };
    const fsid = randomUUID();
    for (const sub of ['run', 'log', 'crash', 'mon', 'rgw']) await mkdir(join(dir, sub), { recursive: true });
    await writeFile(join(dir, 'ceph.conf'), cephConf(dir, fsid, ports));

    const keyring = join(dir, 'keyring');
    const monmap = join(dir, 'monmap');
    await ceph('ceph-authtool', [
      '--create-keyring',
      keyring,
      '--gen-key',
      '-n',
      'mon.',
      '--cap',
      'mon',
      'allow *',
    ]);
    await ceph('monmaptool', [
      '--create',
      '--fsid',
      fsid,
      '--addv',
      MON_ID,
      `[v2:127.0.0.1:${ports.v2},v1:127.0.0.1:${ports.v1}]`,
      monmap,
    ]);
    await ceph('ceph-mon', ['--mkfs', '-i', MON_ID, '--monmap', monmap, '--keyring', keyring]);
    const mon = await spawnDaemon('ceph-mon', ['-f', '-i', MON_ID], { dir, name: 'ceph-mon', env });
    daemons.push(mon);
    await waitForDaemon(mon, () => listening(ports.v1), `ceph-mon on port ${ports.v1}`, { port: ports.v1 });

    // The monitor hands out the OSD's id; `ceph` waits for it to finish its (single-member) election.
    const osdUuid = randomUUID();
    const osdId = (await ceph('ceph', ['--connect-timeout', '30', 'osd', 'new', osdUuid])).trim();
    if (!/^\d+$/.test(osdId)) throw new Error(`ceph osd new answered ${JSON.stringify(osdId)}`);
    // memstore's mkfs writes into the data dir but does not create it (it asserts instead).
    await mkdir(join(dir, 'osd', `ceph-${osdId}`), { recursive: true });
    await ceph('ceph-osd', ['-i', osdId, '--mkfs', '--osd-uuid', osdUuid]);
    const osd = await spawnDaemon('ceph-osd', ['-f', '-i', osdId], { dir, name: 'ceph-osd', env });
    daemons.push(osd);

    // The first radosgw-admin creates the default zone and radosgw's pools (waiting for the OSD to come
    // up), so radosgw then starts on a finished setup instead of creating the same zone alongside it.
    try {
      await ceph('radosgw-admin', [
        'user',
        'create',
        '--uid=e2e',
        '--display-name=e2e',
        `--access-key=${ACCESS_KEY}`,
        `--secret-key=${SECRET_KEY}`,
      ]);
    } catch (error) {
      // A failure here is most often the OSD's: say whether it still runs and what it logged.
      const why = error instanceof Error ? error.message : String(error);
      const state = osd.running() ? 'running' : 'exited';
      throw new Error(`${why}\nceph-osd (${state}), last lines of ${osd.logFile}:\n${osd.logTail()}`, {
        cause: error,
      });
    }
    const rgw = await spawnDaemon('radosgw', ['-f', '-n', RGW_NAME], { dir, name: 'radosgw', env });
    daemons.push(rgw);
    await waitForDaemon(rgw, () => answers(ports.rgw), `radosgw on port ${ports.rgw}`, {
      port: ports.rgw,
      timeoutMs: 60000,
    });

    let stopping: Promise<void> | undefined;
    return {
      endpoint: `http://127.0.0.1:${ports.rgw}`,
      accessKeyId: ACCESS_KEY,
      secretAccessKey: SECRET_KEY,
      region: 'us-east-1',
      stop: () => (stopping ??= stop()),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
