import { describe, expect, it } from 'vitest';
import { readInputs, type Config, type InputReader } from '../../../src/action/inputs.js';
import { gitHubReleaseSettings } from '../../../src/action/github-release-settings.js';
import { userErrorOf } from '../../fixtures/errors.js';

const GITHUB = { packages: 'build/*', 'package-host': 'github-release', 'github-token': 'ghs_token' };
/** What a runner passes for the github-* inputs when a workflow sets none of them. */
const DEFAULTS = {
  'github-token': 'ghs_the-jobs-token',
  'github-repository': '',
  'github-release-create': 'true',
  'github-dev-release': 'dev',
  'github-release-notes': '',
};
const RUNNER = { GITHUB_WORKSPACE: '/w', GITHUB_REPOSITORY: 'falcosecurity/falco' };

function reader(values: Readonly<Record<string, string>>): InputReader {
  return (name) => values[name] ?? '';
}

const config = (values: Record<string, string>, env: NodeJS.ProcessEnv = RUNNER): Config =>
  readInputs(reader({ ref: 'refs/tags/0.26.0', ...values }), env);
const read = (values: Record<string, string>, env: NodeJS.ProcessEnv = RUNNER) =>
  config(values, env).githubRelease;

describe('package-host: github-release', () => {
  it("publishes to the run's repository through the runner's API by default", () => {
    expect(config({ ...DEFAULTS, ...GITHUB }).packageHost).toEqual({ kind: 'github-release' });
    expect(read({ ...DEFAULTS, ...GITHUB })).toEqual({
      token: 'ghs_token',
      owner: 'falcosecurity',
      repo: 'falco',
      apiUrl: 'https://api.github.com',
      create: true,
      devRelease: 'dev',
      notes: 'none',
    });
  });

  it('takes another repository, GitHub Enterprise Server’s API, no creation, another dev release and notes', () => {
    const values = {
      ...GITHUB,
      'github-repository': 'falcosecurity/test-infra',
      'github-release-create': 'false',
      'github-dev-release': 'nightly',
      'github-release-notes': 'append',
    };
    expect(read(values, { ...RUNNER, GITHUB_API_URL: 'https://ghe.example.com/api/v3/' })).toMatchObject({
      owner: 'falcosecurity',
      repo: 'test-infra',
      apiUrl: 'https://ghe.example.com/api/v3',
      create: false,
      devRelease: 'nightly',
      notes: 'append',
    });
  });

  it.each([
    [{ 'github-token': '' }, RUNNER, 'github-token'],
    [{ 'github-repository': 'falco' }, RUNNER, 'github-repository'],
    [{}, { GITHUB_WORKSPACE: '/w' }, 'github-repository'],
    [{ 'github-release-create': 'yes' }, RUNNER, 'github-release-create'],
    [{ 'github-release-notes': 'prepend' }, RUNNER, 'github-release-notes'],
    [{ 'github-dev-release': 'my dev' }, RUNNER, 'github-dev-release'],
    [{}, { ...RUNNER, GITHUB_API_URL: 'http://ghe.example.com/api/v3' }, 'GITHUB_API_URL'],
  ])('refuses %j (with %j), naming %s', (values, env, subject) => {
    expect(userErrorOf(() => read({ ...GITHUB, ...values }, env)).subject).toBe(subject);
  });

  it('allows plain http to a GitHub on loopback only (the token goes with every request)', () => {
    expect(read(GITHUB, { ...RUNNER, GITHUB_API_URL: 'http://127.0.0.1:8080' })?.apiUrl).toBe(
      'http://127.0.0.1:8080',
    );
  });

  it('never echoes an API URL that carries a password', () => {
    const error = userErrorOf(() =>
      read(GITHUB, { ...RUNNER, GITHUB_API_URL: 'https://me:s3cret@ghe.example.com' }),
    );
    expect(error.message).not.toContain('s3cret');
  });

  it('reads the defaults a runner passes as unset with another host, and refuses a github-* input set for it', () => {
    const directory = { packages: 'build/*', 'package-host': './download' };
    expect(read({ ...directory, ...DEFAULTS })).toBeUndefined();
    for (const [name, value] of [
      ['github-repository', 'falcosecurity/falco'],
      ['github-release-create', 'false'],
      ['github-dev-release', 'nightly'],
      ['github-release-notes', 'append'],
    ] as const) {
      expect(userErrorOf(() => read({ ...directory, ...DEFAULTS, [name]: value })).subject).toBe(name);
    }
  });
});

describe('the release a run publishes to', () => {
  const settings = (ref: string, env: NodeJS.ProcessEnv = {}) =>
    gitHubReleaseSettings(config({ ...DEFAULTS, ...GITHUB, ref }), env);

  it('is the tag’s, as the tag is spelt, a prerelease for a prerelease version', () => {
    expect(settings('refs/tags/0.26.0')).toMatchObject({
      tag: '0.26.0',
      prerelease: false,
      replaceAssets: false,
    });
    expect(settings('refs/tags/v0.27.0-rc1')).toMatchObject({
      tag: 'v0.27.0-rc1',
      prerelease: true,
      replaceAssets: false,
    });
  });

  it("is the dev prerelease for a dev push, its assets replaced, its tag at the push's commit", () => {
    expect(settings('refs/heads/master', { GITHUB_SHA: 'abc1234' })).toMatchObject({
      tag: 'dev',
      prerelease: true,
      replaceAssets: true,
      targetCommitish: 'abc1234',
    });
  });

  it('is none for another host', () => {
    expect(
      gitHubReleaseSettings(config({ packages: 'build/*', 'package-host': './download' }), {}),
    ).toBeUndefined();
  });
});
