/** The environment of a release run of falcosecurity/falco on a GitHub-hosted runner. */
export const RELEASE_ENV: Readonly<Record<string, string>> = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'falcosecurity/falco',
  GITHUB_REPOSITORY_ID: '62939340',
  GITHUB_REPOSITORY_OWNER_ID: '32009367',
  GITHUB_REF: 'refs/tags/0.39.0',
  GITHUB_SHA: 'a3d7c2f1e0b9a8d7c6b5a4f3e2d1c0b9a8f7e6d5',
  GITHUB_WORKFLOW_REF: 'falcosecurity/falco/.github/workflows/release.yaml@refs/tags/0.39.0',
  GITHUB_EVENT_NAME: 'release',
  GITHUB_RUN_ID: '11262651489',
  GITHUB_RUN_ATTEMPT: '2',
  RUNNER_ENVIRONMENT: 'github-hosted',
  // Variables the statement does not read, as a real runner also sets them.
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKSPACE: '/home/runner/work/falco/falco',
};

export const FALCO_IMAGE_DIGEST = `sha256:${'1f'.repeat(32)}`;
export const DEB_SHA256 = 'ab'.repeat(32);
