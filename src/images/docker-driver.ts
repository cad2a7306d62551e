import { UserError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import type { Credentials } from '../inputs.js';
import type { ImageDriver, SourceCheck } from './driver.js';
import { runDocker, type DockerResult, type DockerRunner } from './docker-cli.js';

/** `docker push` ends with `<tag>: digest: sha256:… size: N`. */
const PUSHED_DIGEST = /digest: (sha256:[a-f0-9]{64})/;

/** Publishes images that live in the local docker daemon: `docker tag` + `docker push`. */
export class DockerDriver implements ImageDriver {
  readonly name = 'docker';

  constructor(
    private readonly logger: Logger,
    private readonly docker: DockerRunner = runDocker,
  ) {}

  async checkSources(sources: readonly string[]): Promise<SourceCheck> {
    // One inspect for all sources: each docker call costs a CLI start, and the daemon answers for all.
    const unique = [...new Set(sources)];
    const all = await this.docker(['image', 'inspect', '--format', '{{.Id}}', ...unique]);
    if (all.exitCode === 0) return { missing: [] };
    const daemon = await this.docker(['version', '--format', '{{.Server.Version}}']);
    if (daemon.exitCode !== 0) return { unavailable: firstLine(daemon), missing: [] };
    const missing: string[] = [];
    for (const source of unique) {
      const inspect = await this.docker(['image', 'inspect', '--format', '{{.Id}}', source]);
      if (inspect.exitCode !== 0) missing.push(source);
    }
    return { missing };
  }

  async login(registry: string, credentials: Credentials): Promise<void> {
    // The password goes through stdin only, never the command line (which `ps` and logs can show).
    const result = await this.docker(
      ['login', registry, '--username', credentials.username, '--password-stdin'],
      credentials.password,
    );
    if (result.exitCode !== 0) {
      throw new UserError(
        'registry-username',
        `docker login to ${registry} failed: ${firstLine(result)}`,
        'check registry-username and registry-password',
      );
    }
    this.logger.info(`logged in to ${registry} as ${credentials.username}`);
  }

  async push(source: string, target: string): Promise<string> {
    await this.must(['tag', source, target], target, `docker tag ${source}`);
    const result = await this.must(['push', target], target, 'docker push');
    const digest = PUSHED_DIGEST.exec(result.stdout)?.[1];
    if (!digest) throw new Error(`docker push ${target} printed no digest:\n${result.stdout}`);
    return digest;
  }

  private async must(args: readonly string[], subject: string, doing: string): Promise<DockerResult> {
    this.logger.debug(`docker ${args.join(' ')}`);
    const result = await this.docker(args);
    if (result.exitCode !== 0) {
      throw new UserError(
        subject,
        `${doing} failed: ${firstLine(result)}`,
        'check the registry and the credentials',
      );
    }
    return result;
  }
}

function firstLine(result: DockerResult): string {
  const text = (result.stderr.trim() || result.stdout.trim()).split('\n').filter(Boolean);
  return text.at(-1) ?? `exit code ${result.exitCode}`;
}
