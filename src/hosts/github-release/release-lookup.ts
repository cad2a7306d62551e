import type { GitHubClient } from './github-client.js';
import { explainFailure, isAlreadyExists, statusOf } from './github-failure.js';
import type { AssetInfo, GitHubReleaseSettings, ReleaseInfo } from './release-settings.js';

/** Pages of releases looked through for a draft of the tag: drafts are recent, and a page holds 100. */
const DRAFT_PAGES = 3;

/**
 * The release of the settings' tag, or undefined when there is none. GitHub's lookup by tag skips
 * drafts, so a draft made for the tag (by hand, or by an earlier step) is looked for among the newest
 * releases: its assets go there rather than to a second release of the same tag.
 */
export async function findRelease(
  client: GitHubClient,
  settings: GitHubReleaseSettings,
): Promise<ReleaseInfo | undefined> {
  const { owner, repo, tag } = settings;
  try {
    return (await client.rest.repos.getReleaseByTag({ owner, repo, tag })).data;
  } catch (error) {
    if (statusOf(error) !== 404)
      throw explainFailure(error, `reading the release ${tag} of ${owner}/${repo}`);
  }
  try {
    let pages = 0;
    for await (const page of client.paginate.iterator(client.rest.repos.listReleases, {
      owner,
      repo,
      per_page: 100,
    })) {
      const draft = page.data.find((release) => release.draft && release.tag_name === tag);
      if (draft) return draft;
      if (++pages >= DRAFT_PAGES) break;
    }
  } catch (error) {
    throw explainFailure(error, `listing the releases of ${owner}/${repo}`);
  }
  return undefined;
}

/**
 * Creates the release of the tag, published (not a draft) and a prerelease when the settings say so.
 * Another publisher may have created it meanwhile (422 `already_exists`): then that one is used.
 */
export async function createRelease(
  client: GitHubClient,
  settings: GitHubReleaseSettings,
): Promise<ReleaseInfo> {
  const { owner, repo, tag, prerelease, targetCommitish } = settings;
  try {
    const created = await client.rest.repos.createRelease({
      owner,
      repo,
      tag_name: tag,
      name: tag,
      draft: false,
      prerelease,
      ...(targetCommitish === undefined ? {} : { target_commitish: targetCommitish }),
      // A backport (0.25.1 after 0.26.0) must not become the repository's latest release: `legacy`
      // lets GitHub pick by date and semantic version; a prerelease cannot be latest at all.
      make_latest: prerelease ? 'false' : 'legacy',
    });
    return created.data;
  } catch (error) {
    if (isAlreadyExists(error)) {
      const there = await findRelease(client, settings);
      if (there !== undefined) return there;
    }
    throw explainFailure(error, `creating the release ${tag} of ${owner}/${repo}`);
  }
}

/** Every asset of a release (a release holds at most 1000: ten pages). */
export async function listAssets(
  client: GitHubClient,
  settings: GitHubReleaseSettings,
  release: ReleaseInfo,
): Promise<AssetInfo[]> {
  const { owner, repo, tag } = settings;
  try {
    return await client.paginate(client.rest.repos.listReleaseAssets, {
      owner,
      repo,
      release_id: release.id,
      per_page: 100,
    });
  } catch (error) {
    throw explainFailure(error, `listing the assets of the release ${tag} of ${owner}/${repo}`);
  }
}

/** Deletes an asset; one already gone is fine. */
export async function deleteAsset(
  client: GitHubClient,
  settings: GitHubReleaseSettings,
  asset: AssetInfo,
): Promise<void> {
  const { owner, repo, tag } = settings;
  try {
    await client.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id });
  } catch (error) {
    if (statusOf(error) === 404) return;
    throw explainFailure(error, `deleting the asset ${asset.name} of the release ${tag} of ${owner}/${repo}`);
  }
}
