import { stat } from 'node:fs/promises';
import { UserError } from '../../util/errors.js';
import type { Logger } from '../../util/logger.js';
import type { ProgressReporting } from '../../util/progress.js';
import type { PackageHost, PublishedRun } from '../host.js';
import { assetSha256 } from './asset-digest.js';
import { uploadAsset } from './asset-upload.js';
import { GITHUB_TIMING, gitHubClient, type GitHubClient, type GitHubTiming } from './github-client.js';
import { explainFailure, statusOf } from './github-failure.js';
import { createRelease, deleteAsset, findRelease, listAssets } from './release-lookup.js';
import { notesSection, withNotes, type NotedPackage } from './release-notes.js';
import type { AssetInfo, GitHubReleaseSettings, ReleaseInfo } from './release-settings.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  deb: 'application/vnd.debian.binary-package',
  rpm: 'application/x-rpm',
  gz: 'application/gzip',
};

const SILENT: Logger = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  group: (_title, fn) => fn(),
};

export interface GitHubReleaseHostOptions {
  readonly settings: GitHubReleaseSettings;
  readonly logger?: Logger;
  /** Tests shorten the waits; the default is GitHub's seconds. */
  readonly timing?: GitHubTiming;
  /** Where packages over 64 MiB tell their progress. */
  readonly progress?: ProgressReporting;
}

/** The release as the run found it: undefined until this run creates it (when it may). */
interface Found {
  release: ReleaseInfo | undefined;
  /** The release's assets by name, kept up to date with what this run uploads and deletes. */
  readonly assets: Map<string, AssetInfo>;
}

/**
 * Packages as assets of a GitHub release: the release of the tag (a prerelease tag's is marked so), or
 * for dev pushes the `github-dev-release` prerelease, whose assets are those of the last push. An
 * asset is named as its file, without the layout's folders, so two files of one name cannot both be
 * published. Its `digest` tells whether it is already the package. A release keeps no APT/YUM
 * indexes: this host has no `repositoryStore`, and the plan no repository step.
 */
export class GitHubReleaseHost implements PackageHost {
  readonly description: string;
  private readonly settings: GitHubReleaseSettings;
  private readonly client: GitHubClient;
  private readonly logger: Logger;
  private readonly timing: GitHubTiming;
  private readonly progress: ProgressReporting | undefined;
  private found: Promise<Found> | undefined;
  private creating: Promise<ReleaseInfo> | undefined;
  /** Asset name → the host path that asked for it first. */
  private readonly pathOfName = new Map<string, string>();

  constructor(options: GitHubReleaseHostOptions) {
    this.settings = options.settings;
    this.logger = options.logger ?? SILENT;
    this.timing = options.timing ?? GITHUB_TIMING;
    this.progress = options.progress;
    const { owner, repo, tag, token, apiUrl } = this.settings;
    this.client = gitHubClient({ token, apiUrl, logger: this.logger, timing: this.timing });
    this.description = `GitHub release ${tag} of ${owner}/${repo}`;
  }

  /**
   * Before any write: the token is accepted and may write the repository, and the release is there
   * (or may be created). Reads only: a missing release is created by the first upload.
   */
  async check(): Promise<void> {
    await this.checkRepository();
    await this.load();
  }

  async existing(path: string, local?: { readonly size: number }): Promise<string | undefined> {
    const name = this.claim(path);
    const { assets } = await this.load();
    const asset = assets.get(name);
    if (asset === undefined || asset.state !== 'uploaded') return undefined;
    return assetSha256(this.client, this.settings, asset, local?.size);
  }

  async put(path: string, localFile: string, options: { sha256: string; replace: boolean }): Promise<void> {
    const name = this.claim(path);
    const found = await this.load();
    const release = await this.releaseToWrite(found);
    const current = found.assets.get(name);
    if (current !== undefined) {
      // An upload that failed earlier leaves an empty asset; a replacement deletes the old one first.
      if (current.state === 'uploaded' && !options.replace)
        return this.alreadyThere(path, localFile, current, options.sha256);
      await deleteAsset(this.client, this.settings, current);
      found.assets.delete(name);
    }
    const { size } = await stat(localFile);
    const extension = name.slice(name.lastIndexOf('.') + 1);
    const outcome = await uploadAsset(
      { client: this.client, settings: this.settings, release, timing: this.timing, progress: this.progress },
      {
        name,
        localFile,
        size,
        sha256: options.sha256,
        contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
        path,
      },
    );
    if (outcome.kind === 'uploaded') {
      found.assets.set(name, outcome.asset);
      return;
    }
    // Another publisher uploaded this name since the plan was made: fine if it is the same package.
    const there = (await listAssets(this.client, this.settings, release)).find(
      (asset) => asset.name === name,
    );
    if (there === undefined) throw new Error(`GitHub said ${name} exists, then did not list it`);
    found.assets.set(name, there);
    await this.alreadyThere(path, localFile, there, options.sha256);
  }

  /**
   * Once everything is published: the dev release loses the assets of earlier pushes, and with
   * `github-release-notes: append` the body gets the section listing what the run published.
   */
  async finish(run: PublishedRun): Promise<void> {
    if (run.packages.length === 0) return;
    const found = await this.load();
    const release = await this.releaseToWrite(found);
    const assets = await listAssets(this.client, this.settings, release);
    const names = new Set(run.packages.map((pkg) => assetName(pkg.path)));
    if (this.settings.replaceAssets) {
      for (const asset of assets.filter((asset) => !names.has(asset.name))) {
        await deleteAsset(this.client, this.settings, asset);
        this.logger.info(
          `deleted ${asset.name} from the release ${release.tag_name}: an earlier push's asset`,
        );
      }
    }
    if (this.settings.notes === 'append') await this.writeNotes(release, run, assets);
  }

  private async writeNotes(
    release: ReleaseInfo,
    run: PublishedRun,
    assets: readonly AssetInfo[],
  ): Promise<void> {
    const byName = new Map(assets.map((asset) => [asset.name, asset]));
    const packages: NotedPackage[] = run.packages.map((pkg) => {
      const name = assetName(pkg.path);
      const asset = byName.get(name);
      if (asset === undefined) throw new Error(`${name} was published, but the release does not list it`);
      return { name, size: pkg.size, sha256: pkg.sha256, url: asset.browser_download_url };
    });
    const { owner, repo, tag } = this.settings;
    const doing = `writing the notes of the release ${tag} of ${owner}/${repo}`;
    try {
      // Read again: the body may have been edited since the run started.
      const current = await this.client.rest.repos.getRelease({ owner, repo, release_id: release.id });
      const body = withNotes(current.data.body, notesSection(run.images, packages));
      if (body === (current.data.body ?? '')) {
        this.logger.info(`the notes of the release ${tag} already list what the run published`);
        return;
      }
      await this.client.rest.repos.updateRelease({ owner, repo, release_id: release.id, body });
      this.logger.info(
        `the notes of the release ${tag} list ${run.images.length} image tags and ${packages.length} packages`,
      );
    } catch (error) {
      throw explainFailure(error, doing);
    }
  }

  /** An asset of this name is there, and no replacement was planned: it must be this package. */
  private async alreadyThere(
    path: string,
    localFile: string,
    asset: AssetInfo,
    sha256: string,
  ): Promise<void> {
    if ((await assetSha256(this.client, this.settings, asset, (await stat(localFile)).size)) === sha256)
      return;
    throw new UserError(
      `packages: ${path}`,
      `the release ${this.settings.tag} got an asset ${asset.name} with different content meanwhile`,
      'publish a new version, or set overwrite: true',
    );
  }

  /** The asset name of a host path; two paths of one name would be one asset: refused, naming both. */
  private claim(path: string): string {
    const name = assetName(path);
    const first = this.pathOfName.get(name);
    if (first !== undefined && first !== path) {
      throw new UserError(
        'packages',
        `${first} and ${path} would both be the asset ${name} of the release ${this.settings.tag}`,
        'a release holds one asset of a name: publish one of them',
      );
    }
    this.pathOfName.set(name, path);
    return name;
  }

  private async checkRepository(): Promise<void> {
    const { owner, repo } = this.settings;
    let permissions: { readonly push?: boolean } | undefined;
    try {
      ({ permissions } = (await this.client.rest.repos.get({ owner, repo })).data);
    } catch (error) {
      if (statusOf(error) === 404) {
        throw new UserError(
          'github-repository',
          `${owner}/${repo} does not exist, or github-token may not see it`,
          'check github-repository, and that the token may read and write it',
        );
      }
      throw explainFailure(error, `reading the repository ${owner}/${repo}`);
    }
    // Listed for users' tokens: a token that may only read is refused before any write. A job's token
    // may not say; then its first write tells.
    if (permissions?.push === false) {
      throw new UserError(
        'github-token',
        `may read ${owner}/${repo} but not write it`,
        'give the job permissions: contents: write, or pass a token that may write the repository',
      );
    }
  }

  /** The release and its assets, read once. A missing release is refused here unless it may be created. */
  private load(): Promise<Found> {
    this.found ??= (async () => {
      const release = await findRelease(this.client, this.settings);
      const { owner, repo, tag, create } = this.settings;
      if (release === undefined && !create) {
        throw new UserError(
          'github-release-create',
          `is false, and ${owner}/${repo} has no release ${tag}`,
          'create the release before this step, or set github-release-create: true',
        );
      }
      const assets = release === undefined ? [] : await listAssets(this.client, this.settings, release);
      return { release, assets: new Map(assets.map((asset) => [asset.name, asset])) };
    })();
    return this.found;
  }

  /** The release to upload to, created (once) by the first write when the tag had none. */
  private async releaseToWrite(found: Found): Promise<ReleaseInfo> {
    if (found.release !== undefined) return found.release;
    this.creating ??= createRelease(this.client, this.settings).then((release) => {
      this.logger.info(
        `created the release ${release.tag_name}${this.settings.prerelease ? ' (prerelease)' : ''}`,
      );
      found.release = release;
      return release;
    });
    return this.creating;
  }
}

/** A release has no folders: the asset is named as the file. */
function assetName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
