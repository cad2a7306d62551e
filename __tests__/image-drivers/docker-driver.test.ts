import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, vi } from 'vitest';
import type { DockerResult, DockerRunner } from '../../src/image-drivers/docker-cli.js';
import { DockerDriver } from '../../src/image-drivers/docker-driver.js';
import { UserError } from '../../src/util/errors.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { asyncUserErrorOf, errorOf } from '../fixtures/errors.js';

const DIGEST = 'sha256:9b2a28eb47540823042a2ba401386845089bb7b62a9637d55816132c4c3c36eb';
const PASSWORD = 'dckr_pat_Xq9-Secret-Value';

/** What `docker push` prints (stdout) on a real daemon; the last line carries the manifest digest. */
const PUSH_OUTPUT = [
  'The push refers to repository [127.0.0.1:5000/falcosecurity/falco]',
  '5f70bf18a086: Preparing',
  'e2eb06d8af82: Preparing',
  'e2eb06d8af82: Layer already exists',
  '5f70bf18a086: Pushed',
  `0.26.0: digest: ${DIGEST} size: 739`,
  '',
].join('\n');

interface Call {
  readonly args: readonly string[];
  readonly stdin: string | undefined;
}

const ok = (stdout = ''): DockerResult => ({ exitCode: 0, stdout, stderr: '' });
const fail = (stderr: string, exitCode = 1): DockerResult => ({ exitCode, stdout: '', stderr });

/** A fake DockerRunner: answers by the docker subcommand and records every call. */
function fakeDocker(answer: (args: readonly string[]) => DockerResult): { run: DockerRunner; calls: Call[] } {
  const calls: Call[] = [];
  const run: DockerRunner = async (args, stdin) => {
    calls.push({ args: [...args], stdin });
    return answer(args);
  };
  return { run, calls };
}

describe('DockerDriver.login', () => {
  it('passes the password on stdin only, never in the arguments or the log', async () => {
    const docker = fakeDocker(() => ok('Login Succeeded\n'));
    const logger = captureLogger();
    const driver = new DockerDriver(logger, docker.run);
    await driver.login('127.0.0.1:5000', {
      username: 'falcoci',
      password: PASSWORD,
    });
    expect(docker.calls).toEqual([
      {
        args: [
          '--config',
          expect.stringContaining('falco-publish-docker-'),
          'login',
          '127.0.0.1:5000',
          '--username',
          'falcoci',
          '--password-stdin',
        ],
        stdin: PASSWORD,
      },
    ]);
    for (const call of docker.calls) expect(call.args.join(' ')).not.toContain(PASSWORD);
    expect(logger.lines).toContain('logged in to 127.0.0.1:5000 as falcoci');
    for (const line of logger.lines) expect(line).not.toContain(PASSWORD);
    await driver.close();
  });

  it("starts its client config from the job's own, so logins for mirrors still work, and leaves that one alone", async () => {
    const own = mkdtempSync(join(tmpdir(), 'docker-config-'));
    const config = JSON.stringify({ auths: { 'public.ecr.aws': { auth: 'bWlycm9yOnNlY3JldA==' } } });
    writeFileSync(join(own, 'config.json'), config);
    vi.stubEnv('DOCKER_CONFIG', own);
    try {
      const docker = fakeDocker(() => ok('Login Succeeded\n'));
      const driver = new DockerDriver(captureLogger(), docker.run);
      await driver.login('docker.io', { username: 'falcoci', password: PASSWORD });
      const privateDir = docker.calls[0]?.args[1] ?? '';
      expect(privateDir).not.toBe(own);
      expect(readFileSync(join(privateDir, 'config.json'), 'utf8')).toBe(config);
      await driver.close();
      expect(readFileSync(join(own, 'config.json'), 'utf8')).toBe(config);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('logs in with no credential helper in its config, so the password stays in the file close removes', async () => {
    const own = mkdtempSync(join(tmpdir(), 'docker-config-'));
    const auths = { 'public.ecr.aws': { auth: 'bWlycm9yOnNlY3JldA==' } };
    const config = { auths, credsStore: 'desktop', credHelpers: { 'docker.io': 'secretservice' } };
    writeFileSync(join(own, 'config.json'), JSON.stringify(config));
    vi.stubEnv('DOCKER_CONFIG', own);
    try {
      let seenAtLogin: unknown;
      const docker = fakeDocker((args) => {
        if (args[2] === 'login')
          seenAtLogin = JSON.parse(readFileSync(join(args[1] ?? '', 'config.json'), 'utf8'));
        return ok('Login Succeeded\n');
      });
      const driver = new DockerDriver(captureLogger(), docker.run);
      await driver.login('docker.io', { username: 'falcoci', password: PASSWORD });
      expect(seenAtLogin).toEqual({ auths });
      await driver.close();
      expect(JSON.parse(readFileSync(join(own, 'config.json'), 'utf8'))).toEqual(config);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('logs in with a client config of its own, used by every later call and removed by close', async () => {
    const docker = fakeDocker((args) =>
      args.includes('push') ? ok(`0.26.0: digest: sha256:${'a'.repeat(64)} size: 528\n`) : ok(''),
    );
    const driver = new DockerDriver(captureLogger(), docker.run);
    await driver.login('127.0.0.1:5000', { username: 'falcoci', password: PASSWORD });
    await driver.push('falco:local', '127.0.0.1:5000/falcosecurity/falco:0.26.0');
    const configDir = docker.calls[0]?.args[1] ?? '';
    expect(docker.calls.map((call) => call.args.slice(0, 2))).toEqual([
      ['--config', configDir],
      ['--config', configDir],
      ['--config', configDir],
    ]);
    expect(existsSync(configDir)).toBe(true);
    await driver.close();
    expect(existsSync(configDir)).toBe(false);
  });

  it('a refused login is a UserError naming registry-username, without the password', async () => {
    const docker = fakeDocker(() =>
      fail(
        'Error response from daemon: Get "http://127.0.0.1:5000/v2/": unauthorized: authentication required',
      ),
    );
    const error = await asyncUserErrorOf(
      new DockerDriver(captureLogger(), docker.run).login('127.0.0.1:5000', {
        username: 'falcoci',
        password: PASSWORD,
      }),
    );
    expect(error.subject).toBe('registry-username');
    expect(error.message).toContain('docker login to 127.0.0.1:5000 failed');
    expect(error.message).toContain('unauthorized: authentication required');
    expect(error.message).not.toContain(PASSWORD);
  });
});

describe('DockerDriver.push', () => {
  const target = '127.0.0.1:5000/falcosecurity/falco:0.26.0';

  it('tags, pushes and returns the digest docker printed', async () => {
    const docker = fakeDocker((args) => (args[0] === 'push' ? ok(PUSH_OUTPUT) : ok()));
    const pushed = await new DockerDriver(captureLogger(), docker.run).push('falco:local', target);
    expect(pushed).toEqual({ digest: DIGEST });
    expect(docker.calls.map((call) => call.args)).toEqual([
      ['tag', 'falco:local', target],
      ['push', target],
    ]);
    expect(docker.calls.every((call) => call.stdin === undefined)).toBe(true);
  });

  it.each<[label: string, stdout: string]>([
    ['only the digest line', `latest: digest: ${DIGEST} size: 528\n`],
    ['CRLF output', PUSH_OUTPUT.replace(/\n/g, '\r\n')],
    [
      'containerd image store output',
      `The push refers to repository [docker.io/falcosecurity/falco]\nabc123: Pushed\nlatest-slim: digest: ${DIGEST} size: 856\n`,
    ],
  ])('parses the digest from %s', async (_label, stdout) => {
    const docker = fakeDocker((args) => (args[0] === 'push' ? ok(stdout) : ok()));
    expect(await new DockerDriver(captureLogger(), docker.run).push('falco:local', target)).toEqual({
      digest: DIGEST,
    });
  });

  it.each<[label: string, answer: (args: readonly string[]) => DockerResult, problem: string]>([
    [
      'a failing push',
      (args) =>
        args[0] === 'push'
          ? {
              exitCode: 1,
              stdout:
                'The push refers to repository [127.0.0.1:5000/falcosecurity/falco]\n5f70bf18a086: Preparing\n',
              stderr: 'denied: requested access to the resource is denied\n',
            }
          : ok(),
      'docker push failed: denied: requested access to the resource is denied',
    ],
    [
      'a failing tag',
      (args) =>
        args[0] === 'tag' ? fail('Error response from daemon: No such image: falco:local') : ok(PUSH_OUTPUT),
      'docker tag falco:local failed: Error response from daemon: No such image: falco:local',
    ],
    ['a failing push without output', (args) => (args[0] === 'push' ? fail('', 125) : ok()), 'exit code 125'],
  ])('%s is a UserError naming the target', async (_label, answer, problem) => {
    const error = await asyncUserErrorOf(
      new DockerDriver(captureLogger(), fakeDocker(answer).run).push('falco:local', target),
    );
    expect(error.subject).toBe(target);
    expect(error.message).toMatch(new RegExp(`^${target.replace(/[.]/g, '\\.')}: `));
    expect(error.message).toContain(problem);
  });

  it('a failing tag stops before the push', async () => {
    const docker = fakeDocker((args) => (args[0] === 'tag' ? fail('No such image') : ok(PUSH_OUTPUT)));
    await expect(new DockerDriver(captureLogger(), docker.run).push('falco:local', target)).rejects.toThrow(
      UserError,
    );
    expect(docker.calls.map((call) => call.args[0])).toEqual(['tag']);
  });

  it('a push that prints no digest fails with an error naming the target', async () => {
    const docker = fakeDocker(() => ok('The push refers to repository [x]\n'));
    const error = await errorOf(new DockerDriver(captureLogger(), docker.run).push('falco:local', target));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(`${target}: docker push printed no digest`);
  });
});

/**
 * A daemon holding `present`, answering the read-only calls checkSources may make: `docker version` and
 * `docker image inspect <image>...` (which, like the real CLI, fails when any image is missing).
 */
function daemonWith(present: readonly string[]): (args: readonly string[]) => DockerResult {
  return (args) => {
    if (args[0] === 'version') return ok('27.5.1\n');
    if (args[0] === 'image' && args[1] === 'inspect') {
      const images = args
        .slice(2)
        .filter((arg, i, all) => !arg.startsWith('--') && all[i - 1] !== '--format');
      const missing = images.filter((image) => !present.includes(image));
      return {
        exitCode: missing.length > 0 ? 1 : 0,
        stdout: images
          .filter((image) => present.includes(image))
          .map(() => 'sha256:0123\n')
          .join(''),
        stderr: missing.map((image) => `Error response from daemon: No such image: ${image}\n`).join(''),
      };
    }
    return fail(`unexpected docker ${args.join(' ')}`);
  };
}

/** checkSources must only read: no tag, push, login, rmi or pull. */
function onlyReads(calls: readonly Call[]): boolean {
  return calls.every(
    (call) => call.args[0] === 'version' || (call.args[0] === 'image' && call.args[1] === 'inspect'),
  );
}

describe('DockerDriver.checkSources', () => {
  it.each<[label: string, present: string[], sources: string[], missing: string[]]>([
    ['all present', ['falco:local', 'falco-no-driver:local'], ['falco:local', 'falco-no-driver:local'], []],
    [
      'one missing',
      ['falco:local', 'falco-no-driver:local'],
      ['falco:local', 'falco-driver-loader:local', 'falco-no-driver:local'],
      ['falco-driver-loader:local'],
    ],
    [
      'a missing source used twice is reported once',
      ['falco:local'],
      ['falco-no-driver:local', 'falco-no-driver:local', 'falco:local'],
      ['falco-no-driver:local'],
    ],
    [
      'all missing',
      [],
      ['falco:local', 'falco-no-driver:local', 'falco-driver-loader:local'],
      ['falco:local', 'falco-no-driver:local', 'falco-driver-loader:local'],
    ],
  ])('%s', async (_label, present, sources, missing) => {
    const docker = fakeDocker(daemonWith(present));
    const check = await new DockerDriver(captureLogger(), docker.run).checkSources(sources);
    expect(check).toEqual({ missing });
    expect(onlyReads(docker.calls)).toBe(true);
    // Every source was asked about.
    for (const source of sources) {
      expect(docker.calls.some((call) => call.args[0] === 'image' && call.args.includes(source))).toBe(true);
    }
  });

  it.each<[label: string, result: DockerResult, unavailable: string]>([
    [
      'daemon not running',
      {
        exitCode: 1,
        stdout: '\n',
        stderr:
          'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
      },
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    ],
    [
      'docker not installed',
      { exitCode: 127, stdout: '', stderr: 'Unable to locate executable file: docker' },
      'Unable to locate executable file: docker',
    ],
  ])('reports an unavailable daemon (%s), not missing images', async (_label, result, unavailable) => {
    const docker = fakeDocker(() => result);
    const check = await new DockerDriver(captureLogger(), docker.run).checkSources([
      'falco:local',
      'falco-no-driver:local',
    ]);
    expect(check).toEqual({ unavailable, missing: [] });
    expect(onlyReads(docker.calls)).toBe(true);
  });

  it('is named docker', () => {
    expect(new DockerDriver(captureLogger(), fakeDocker(() => ok()).run).name).toBe('docker');
  });
});
