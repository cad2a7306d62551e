import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import type { RegistryCredentials as Credentials } from '../registry/auth.js';
import type { ImageDriver, Pushed, SourceCheck } from './driver.js';
import { writePrivateDockerConfig } from './private-docker-config.js';
import { runDocker, type DockerResult, type DockerRunner } from './docker-cli.js';

/** `docker push` ends with `<tag>: digest: sha256:… size: N`. */
const PUSHED_DIGEST = /digest: (sha256:[a-f0-9]{64})/;

/** Publishes images that live in the local docker daemon: `docker tag` + `docker push`. */
export class DockerDriver implements ImageDriver {
  readonly name = 'docker';
  /** A client config of our own once we log in (see login). */
  private configDir: string | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly docker: DockerRunner = runDocker,
  ) {}

  async checkSources(sources: readonly string[]): Promise<SourceCheck> {
    // One inspect for all sources: each docker call costs a CLI start, and the daemon answers for all.
    const unique = [...new Set(sources)];
    const all = await this.run(['image', 'inspect', '--format', '{{.Id}}', ...unique]);
    if (all.exitCode === 0) return { missing: [] };
    const daemon = await this.run(['version', '--format', '{{.Server.Version}}']);
    if (daemon.exitCode !== 0) return { unavailable: lastLine(daemon), missing: [] };
    const missing: string[] = [];
    for (const source of unique) {
      const inspect = await this.run(['image', 'inspect', '--format', '{{.Id}}', source]);
      if (inspect.exitCode !== 0) missing.push(source);
    }
    return { missing };
  }

  async login(registry: string, credentials: Credentials): Promise<void> {
    // Our own client config: the credentials live only as long as this run (a self-hosted runner keeps
    // no token), and the workflow's own config stays untouched (see writePrivateDockerConfig).
    if (this.configDir === undefined) {
      this.configDir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'falco-publish-docker-'));
      await writePrivateDockerConfig(this.configDir);
    }
    // The password goes through stdin only, never the command line (which `ps` and logs can show).
    const result = await this.run(
      ['login', registry, '--username', credentials.username, '--password-stdin'],
      credentials.password,
    );
    if (result.exitCode !== 0) {
      throw new UserError(
        'registry-username',
        `docker login to ${registry} failed: ${lastLine(result)}`,
        'check registry-username and registry-password',
      );
    }
    this.logger.info(`logged in to ${registry} as ${credentials.username}`);
  }

  /** `docker push` says nothing of whether the tag had the digest already: `changed` is left to the caller. */
  async push(source: string, target: string): Promise<Pushed> {
    await this.must(['tag', source, target], target, `docker tag ${source}`);
    const result = await this.must(['push', target], target, 'docker push');
    const digest = PUSHED_DIGEST.exec(result.stdout)?.[1];
    if (!digest) {
      throw new UserError(
        target,
        'docker push printed no digest, so the push cannot be verified',
        'check the docker client and the registry, then run again',
      );
    }
    return { digest };
  }

  async close(): Promise<void> {
    if (this.configDir) await rm(this.configDir, { recursive: true, force: true });
    this.configDir = undefined;
  }

  private run(args: readonly string[], stdin?: string): Promise<DockerResult> {
    return this.docker(this.configDir ? ['--config', this.configDir, ...args] : args, stdin);
  }

  private async must(args: readonly string[], subject: string, doing: string): Promise<DockerResult> {
    this.logger.debug(`docker ${args.join(' ')}`);
    const result = await this.run(args);
    if (result.exitCode !== 0) {
      throw new UserError(
        subject,
        `${doing} failed: ${lastLine(result)}`,
        'check the registry and the credentials',
      );
    }
    return result;
  }
}

/** Docker puts what went wrong on the last line it prints. */
function lastLine(result: DockerResult): string {
  const text = (result.stderr.trim() || result.stdout.trim()).split('\n').filter(Boolean);
  return text.at(-1) ?? `exit code ${result.exitCode}`;
}
