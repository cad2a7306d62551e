import Bottleneck from 'bottleneck';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitHubReleaseHost } from '../../src/hosts/github-release/github-release-host.js';
import type { GitHubTiming } from '../../src/hosts/github-release/github-client.js';
import type { GitHubReleaseSettings } from '../../src/hosts/github-release/release-settings.js';
import { captureLogger, type CapturedLogger } from '../fixtures/capture-logger.js';
import type { GitHubFake } from './github-fake.js';

/** The repository and token the release host's tests publish with. */
export const REPOSITORY = 'falcosecurity/falco';
export const TOKEN = 'ghs_release-host-token-never-printed';

/**
 * Waits of a thousandth of GitHub's (`retry-after: 1` is 1 ms), and writes not spaced a second
 * apart: the plugins' logic runs as in production, without the time.
 */
export const FAST: GitHubTiming = {
  secondMs: 1,
  pacing: {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
  },
};

export function settingsFor(
  fake: GitHubFake,
  overrides: Partial<GitHubReleaseSettings> = {},
): GitHubReleaseSettings {
  const [owner = '', repo = ''] = REPOSITORY.split('/');
  return {
    token: TOKEN,
    apiUrl: fake.apiUrl,
    owner,
    repo,
    tag: '0.26.0',
    prerelease: false,
    replaceAssets: false,
    targetCommitish: undefined,
    create: true,
    notes: 'none',
    ...overrides,
  };
}

export function hostFor(
  fake: GitHubFake,
  overrides: Partial<GitHubReleaseSettings> = {},
): { host: GitHubReleaseHost; logger: CapturedLogger } {
  const logger = captureLogger();
  return {
    host: new GitHubReleaseHost({ settings: settingsFor(fake, overrides), logger, timing: FAST }),
    logger,
  };
}

export interface LocalPackage {
  readonly path: string;
  readonly file: string;
  readonly sha256: string;
  readonly size: number;
  readonly bytes: Buffer;
}

/** A package file with these bytes, meant for `path` on the host. */
export async function localPackage(path: string, content: string): Promise<LocalPackage> {
  const dir = await mkdtemp(join(tmpdir(), 'github-release-'));
  const file = join(dir, path.slice(path.lastIndexOf('/') + 1));
  const bytes = Buffer.from(content);
  await writeFile(file, bytes);
  return { path, file, bytes, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** What the publish does with a package: ask what is there, then put it unless it is the same. */
export async function publishPackage(
  host: GitHubReleaseHost,
  pkg: LocalPackage,
  replace = false,
): Promise<'skipped' | 'uploaded'> {
  const there = await host.existing(pkg.path, { size: pkg.size });
  if (there === pkg.sha256) return 'skipped';
  await host.put(pkg.path, pkg.file, { sha256: pkg.sha256, replace: replace && there !== undefined });
  return 'uploaded';
}
