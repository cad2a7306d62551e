import type { HostLocation } from '../../hosts/location.js';
import { isLoopback } from '../../registry/endpoint.js';
import { UserError } from '../../util/errors.js';
import { boolean, oneOf, type InputReader } from './input-values.js';

/** The inputs of `package-host: github-release`: packages become assets of the release of the ref. */
export interface GitHubReleaseInputs {
  /** `github-token`; masked. */
  readonly token: string;
  /** `github-repository`, else the run's `GITHUB_REPOSITORY`. */
  readonly owner: string;
  readonly repo: string;
  /** The REST API the runner names (`GITHUB_API_URL`): GitHub Enterprise Server has its own. */
  readonly apiUrl: string;
  /** Create the release of the tag when it is missing (`github-release-create`). */
  readonly create: boolean;
  /** The prerelease dev pushes publish to (`github-dev-release`). */
  readonly devRelease: string;
  /** `append`: the release body gets a section listing what the run published. */
  readonly notes: 'append' | 'none';
}

const DEFAULT_API_URL = 'https://api.github.com';
const DEFAULT_DEV_RELEASE = 'dev';
/** GitHub's owner and repository names: letters, digits, `-` (owners), also `.` and `_` (repositories). */
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;
/** A tag name git accepts and a URL path keeps as it is (no spaces, `~`, `^`, `:`, `..`, `@{`). */
const TAG = /^(?!.*\.\.)(?!.*@\{)(?![./-])[A-Za-z0-9._+/-]+(?<![./])$/;

/**
 * Reads the GitHub release inputs. Every one is read whatever the host (the runner passes all their
 * defaults), and one set to something else than its default with another host is a mistake: refused.
 */
export function readGitHubReleaseInputs(
  input: InputReader,
  env: NodeJS.ProcessEnv,
  host: HostLocation | undefined,
): GitHubReleaseInputs | undefined {
  const token = input('github-token').trim();
  const repository = input('github-repository').trim();
  const createValue = input('github-release-create').trim();
  const devRelease = input('github-dev-release').trim() || DEFAULT_DEV_RELEASE;
  const notes = oneOf('github-release-notes', input('github-release-notes').trim() || 'none', [
    'append',
    'none',
  ] as const);
  // Unset reads as true: the release of a tag is created unless the user says not to.
  const create = createValue === '' || boolean('github-release-create', createValue);
  if (host?.kind !== 'github-release') {
    const given = [
      repository && 'github-repository',
      !create && 'github-release-create',
      devRelease !== DEFAULT_DEV_RELEASE && 'github-dev-release',
      notes !== 'none' && 'github-release-notes',
    ].find(Boolean);
    if (given) {
      throw new UserError(
        given,
        'is set, but package-host is not github-release',
        `remove ${given}, or set package-host: github-release`,
      );
    }
    // `github-token` is not refused: its default, the job's token, is always there.
    return undefined;
  }
  if (token === '') {
    throw new UserError(
      'github-token',
      'is empty',
      'pass a token that may write the repository, e.g. ${{ github.token }} with permissions: contents: write',
    );
  }
  const [owner, repo] = ownerAndRepo(repository, env.GITHUB_REPOSITORY);
  if (!TAG.test(devRelease)) {
    throw new UserError('github-dev-release', `'${devRelease}' is not a tag name`, 'write e.g. dev');
  }
  return { token, owner, repo, apiUrl: apiUrl(env.GITHUB_API_URL), create, devRelease, notes };
}

function ownerAndRepo(input: string, runner: string | undefined): [string, string] {
  const value = input || runner?.trim() || '';
  if (value === '') {
    throw new UserError(
      'github-repository',
      'is empty and the runner names no GITHUB_REPOSITORY',
      'set github-repository to <owner>/<repository>',
    );
  }
  const match = REPOSITORY.exec(value);
  if (!match) {
    throw new UserError(
      input ? 'github-repository' : 'GITHUB_REPOSITORY',
      `'${value}' is not <owner>/<repository>`,
      'write e.g. falcosecurity/falco',
    );
  }
  return [match[1] ?? '', match[2] ?? ''];
}

/** The API's URL: https, or http on loopback only, since the token goes with every request. */
function apiUrl(value: string | undefined): string {
  const text = value?.trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError('GITHUB_API_URL', 'is not a URL', `leave it to the runner (${DEFAULT_API_URL})`);
  }
  // Checked first: the value is echoed below, and must not be when it holds a password.
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new UserError(
      'GITHUB_API_URL',
      'carries credentials, a query or a fragment',
      'give the bare API URL',
    );
  }
  const plainAllowed = url.protocol === 'http:' && isLoopback(url.host);
  if (url.protocol !== 'https:' && !plainAllowed) {
    throw new UserError(
      'GITHUB_API_URL',
      `'${text}' is not https`,
      'the token would travel in clear: use the https URL of the API',
    );
  }
  return text.replace(/\/+$/, '');
}
