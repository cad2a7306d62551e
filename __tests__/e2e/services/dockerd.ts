import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Daemon, Started } from './process.js';
import { descendants, isAlive, run, spawnDaemon, stopProcess, waitForDaemon } from './process.js';

export interface Dockerd extends Started {
  dir: string;
  /** unix://<dir>/docker.sock */
  host: string;
  /** DOCKER_HOST and DOCKER_CONFIG (an empty client config dir inside `dir`). */
  env: Record<string, string>;
}

/**
 * Debian's client (docker.io), the same version as the daemon. A newer client may come first in
 * PATH on developer machines; pinning this one keeps CI and local runs alike.
 */
export const DOCKER_CLI = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';

// A unix socket path must fit in sun_path (108 bytes); libnetwork's sockets go deepest.
const LONGEST_SOCKET = 'exec/libnetwork/0123456789ab.sock';
const MAX_SOCKET_PATH = 100;

// dockerd 20.10 always creates this plugin dir (hard-coded, no flag moves it): we remove it again.
const PLUGIN_RUN_DIR = '/run/docker';

/** The caller's environment less DOCKER_* (DOCKER_HOST, DOCKER_CONTEXT, DOCKER_TMPDIR...): they point elsewhere. */
function withoutDockerVars(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('DOCKER_')) env[key] = value;
  return env;
}

/** Environment for the docker CLI: talks to `dockerd` only, with its private client config. */
export function dockerEnv(dockerd: Dockerd): NodeJS.ProcessEnv {
  return { ...withoutDockerVars(), ...dockerd.env };
}

/**
 * Our own containerd rather than the one dockerd would start: dockerd's generated config leaves
 * containerd's "opt" plugin at its default, which creates /opt/containerd. Here every path is in `dir`.
 */
async function startContainerd(dir: string): Promise<{ daemon: Daemon; socket: string }> {
  const socket = join(dir, 'containerd.sock');
  const config = join(dir, 'containerd.toml');
  await writeFile(
    config,
    [
      'version = 2',
      `root = ${JSON.stringify(join(dir, 'containerd', 'root'))}`,
      `state = ${JSON.stringify(join(dir, 'containerd', 'state'))}`,
      'disabled_plugins = ["io.containerd.grpc.v1.cri"]',
      '[grpc]',
      `  address = ${JSON.stringify(socket)}`,
      '[plugins."io.containerd.internal.v1.opt"]',
      `  path = ${JSON.stringify(join(dir, 'containerd', 'opt'))}`,
      '',
    ].join('\n'),
  );
  const daemon = await spawnDaemon('containerd', ['--config', config], { dir, name: 'containerd' });
  try {
    await waitForDaemon(
      daemon,
      async () => {
        await run('ctr', ['--address', socket, 'version'], { timeoutMs: 5000 });
        return true;
      },
      `containerd on ${socket}`,
    );
  } catch (error) {
    await daemon.stop();
    throw error;
  }
  return { daemon, socket };
}

/**
 * dockerd bind-mounts its data-root onto itself and undoes that when it stops cleanly. After a
 * SIGKILL the mount stays (and makes the temp dir undeletable): unmount whatever is left under `dir`.
 */
async function unmountUnder(dir: string): Promise<void> {
  const mountPoints = (await readFile('/proc/self/mountinfo', 'utf8'))
    .split('\n')
    .map((line) => line.split(' ')[4] ?? '')
    // mountinfo escapes spaces and the like as octal (\040).
    .map((field) =>
      field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))),
    )
    .filter((point) => point === dir || point.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length); // deepest first
  for (const point of mountPoints) await run('umount', [point]);
}

/** Stops a daemon by PID, then anything it started (containerd shims...) by PID too. */
async function stopTree(daemon: Daemon): Promise<void> {
  const below = descendants(daemon.pid);
  await daemon.stop();
  await Promise.all(below.map((ref) => stopProcess(ref, 5000)));
  const left = below.filter((ref) => isAlive(ref));
  if (left.length > 0) throw new Error(`processes left: ${left.map((ref) => ref.pid).join(', ')}`);
}

function dockerdArgs(dir: string, host: string, containerd: string, daemonJson: string): string[] {
  return [
    `--containerd=${containerd}`,
    `--config-file=${daemonJson}`,
    `--data-root=${join(dir, 'root')}`,
    `--exec-root=${join(dir, 'exec')}`,
    `--host=${host}`,
    `--pidfile=${join(dir, 'docker.pid')}`,
    // No overlay mounts, no iptables or bridge: none of it works or is allowed here, and images
    // are only built from scratch and pushed. --ip-forward=false: leave the sysctl alone.
    '--storage-driver=vfs',
    '--iptables=false',
    '--ip6tables=false',
    '--ip-forward=false',
    '--bridge=none',
  ];
}

export async function startDockerd(): Promise<Dockerd> {
  // A short prefix keeps the socket paths short.
  const dir = await mkdtemp(join(tmpdir(), 'dk-'));
  if (join(dir, LONGEST_SOCKET).length >= MAX_SOCKET_PATH) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`temp dir ${dir} is too long for unix sockets; set TMPDIR to a short path`);
  }
  const host = `unix://${join(dir, 'docker.sock')}`;
  const env = { DOCKER_HOST: host, DOCKER_CONFIG: join(dir, 'client-config') };
  await mkdir(env.DOCKER_CONFIG);
  // Our own daemon.json: /etc/docker/daemon.json must not apply, and dockerd would otherwise
  // create its trust key as /etc/docker/key.json.
  const daemonJson = join(dir, 'daemon.json');
  await writeFile(daemonJson, JSON.stringify({ 'deprecated-key-path': join(dir, 'key.json') }));
  const pluginDirExisted = existsSync(PLUGIN_RUN_DIR);

  let containerd: Daemon | undefined;
  let dockerdDaemon: Daemon | undefined;
  const stop = async (): Promise<void> => {
    // dockerd first: it still talks to containerd while it shuts down.
    if (dockerdDaemon !== undefined) await stopTree(dockerdDaemon);
    if (containerd !== undefined) await stopTree(containerd);
    if (!pluginDirExisted) {
      // rmdir only removes empty dirs: one that another daemon put something in stays.
      await rmdir(join(PLUGIN_RUN_DIR, 'plugins')).catch(() => undefined);
      await rmdir(PLUGIN_RUN_DIR).catch(() => undefined);
    }
    await unmountUnder(dir);
    await rm(dir, { recursive: true, force: true });
  };
  let stopping: Promise<void> | undefined;
  const stopOnce = (): Promise<void> => (stopping ??= stop());

  try {
    const started = await startContainerd(dir);
    containerd = started.daemon;
    const args = dockerdArgs(dir, host, started.socket, daemonJson);
    dockerdDaemon = await spawnDaemon('dockerd', args, { dir, name: 'dockerd', env: withoutDockerVars() });
    const dockerd: Dockerd = { pid: dockerdDaemon.pid, dir, host, env, stop: stopOnce };
    await waitForDaemon(
      dockerdDaemon,
      async () => {
        await run(DOCKER_CLI, ['version', '--format', '{{.Server.Version}}'], {
          env: dockerEnv(dockerd),
          timeoutMs: 5000,
        });
        return true;
      },
      `dockerd on ${host}`,
      { timeoutMs: 30000 },
    );
    return dockerd;
  } catch (error) {
    await stopOnce();
    throw error;
  }
}
