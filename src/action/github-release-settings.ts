import type { GitHubReleaseSettings } from '../hosts/github-release/release-settings.js';
import type { Config } from './inputs.js';

const TAG_PREFIX = 'refs/tags/';

/**
 * Which release `package-host: github-release` publishes to: a tag's own release (as the tag is
 * spelt, `v` and all), marked prerelease when the version has one (`0.27.0-rc1`); a push to the dev
 * branch, the `github-dev-release` prerelease, its tag created at the pushed commit when missing.
 * The ref itself is checked by the publish, before the host is used.
 */
export function gitHubReleaseSettings(
  config: Config,
  env: NodeJS.ProcessEnv,
): GitHubReleaseSettings | undefined {
  const inputs = config.githubRelease;
  if (inputs === undefined) return undefined;
  const { token, apiUrl, owner, repo, create, notes } = inputs;
  const common = { token, apiUrl, owner, repo, create, notes };
  if (config.ref.startsWith(TAG_PREFIX)) {
    const tag = config.ref.slice(TAG_PREFIX.length);
    return {
      ...common,
      tag,
      prerelease: /^v?\d+\.\d+\.\d+-/.test(tag),
      replaceAssets: false,
      targetCommitish: undefined,
    };
  }
  return {
    ...common,
    tag: inputs.devRelease,
    prerelease: true,
    replaceAssets: true,
    targetCommitish: env.GITHUB_SHA?.trim() || undefined,
  };
}
