import type { RegistryCredentials } from '../registry/auth.js';
import { UserError } from '../util/errors.js';
import { readImageInputs, type ImageInputs } from './inputs/image-inputs.js';
import { readCloudFrontInputs, type CloudFrontInputs } from './inputs/cdn-inputs.js';
import { boolean, oneOf, type InputReader } from './inputs/input-values.js';
import { readPackageInputs, type PackageInputs } from './inputs/package-inputs.js';
import { readGitHubReleaseInputs, type GitHubReleaseInputs } from './inputs/github-inputs.js';
import { readSigningInputs, type SigningInputs } from './inputs/signing-inputs.js';
import { readModeInputs, type Mode } from './inputs/mode-inputs.js';
import { rejectUnknownInputs } from './inputs/unknown-inputs.js';
import { isValidTag } from './release/docker-tag.js';
import type { LatestMode } from './release/latest.js';

export type { ImageDriverName } from './inputs/image-inputs.js';
export type { InputReader } from './inputs/input-values.js';

/** The registry login of the inputs. */
export type Credentials = RegistryCredentials;

/** Every input, parsed and checked once: nothing downstream reads raw inputs. */
export interface Config extends ImageInputs, PackageInputs, SigningInputs {
  readonly ref: string;
  readonly devBranch: string;
  readonly latest: LatestMode;
  /** The CloudFront distribution whose cache the run invalidates (`cloudfront-distribution`). */
  readonly cloudfront: CloudFrontInputs | undefined;
  readonly dryRun: boolean;
  /** `publish`, `revert-latest` to a version, `unpublish` a version, or `resign` (`mode`, `version`). */
  readonly mode: Mode;
  /** The `github-*` inputs, with `package-host: github-release`. */
  readonly githubRelease?: GitHubReleaseInputs;
}

export function readInputs(input: InputReader, env: NodeJS.ProcessEnv = {}): Config {
  rejectUnknownInputs(env);
  const ref = input('ref') || env.GITHUB_REF || '';
  const devBranch = input('dev-branch') || 'master';
  if (!isValidTag(devBranch)) {
    throw new UserError(
      'dev-branch',
      `'${devBranch}' cannot be an image tag`,
      'use a branch whose name has only letters, digits, _, . and -',
    );
  }
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const images = readImageInputs(input, workspace);
  const latest = oneOf('latest', input('latest') || 'auto', ['auto', 'true', 'false'] as const);
  const packages = readPackageInputs(input, workspace);
  const cloudfront = readCloudFrontInputs(input, packages.packageHost, env);
  const signing = readSigningInputs(input, env, images.images.length > 0);
  const githubRelease = readGitHubReleaseInputs(input, env, packages.packageHost);
  const mode = readModeInputs(input, {
    images: images.images.length,
    signing: signing.imageSigning.kind !== 'none' || signing.provenance !== undefined,
    packageHost: packages.packageHost !== undefined,
    signingKey: packages.signingKey !== undefined,
  });
  const keepsHost = mode.kind === 'unpublish' || mode.kind === 'resign';
  // Unpublishing and re-signing name what they work on in their own inputs: the ref says nothing to them.
  if (ref === '' && !keepsHost)
    throw new UserError('ref', 'is empty', 'run on a tag or branch push, or set ref');
  if (!keepsHost && images.images.length === 0 && packages.packagePatterns.length === 0) {
    throw new UserError(
      'images',
      'nothing to publish: images and packages are both empty',
      'set images, packages, or both',
    );
  }
  return {
    ref,
    devBranch,
    ...images,
    // Reverting copies manifests inside the registry: the registry driver does it with no daemon and no blob moves.
    ...(mode.kind === 'revert-latest' ? { imageDriver: 'registry' as const } : {}),
    mode,
    latest,
    ...packages,
    // Unpublishing reads `packages` as file-name patterns on the host (see the mode): no workspace files.
    ...(keepsHost ? { packagePatterns: [] } : {}),
    cloudfront,
    ...(githubRelease ? { githubRelease } : {}),
    ...signing,
    dryRun: boolean('dry-run', input('dry-run')),
  };
}
