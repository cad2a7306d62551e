import type { FakeAsset, FakeRelease, FakeRepository } from './github-fake-state.js';
import type { TokenGrant } from './github-fake.js';

/** The fake's two servers: the API, and the uploads server (uploads.github.com). */
export interface Origins {
  readonly api: string;
  readonly uploads: string;
}

const USER = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
  gravatar_id: '',
  url: 'https://api.github.com/users/github-actions%5Bbot%5D',
  html_url: 'https://github.com/apps/github-actions',
  followers_url: 'https://api.github.com/users/github-actions%5Bbot%5D/followers',
  following_url: 'https://api.github.com/users/github-actions%5Bbot%5D/following{/other_user}',
  gists_url: 'https://api.github.com/users/github-actions%5Bbot%5D/gists{/gist_id}',
  starred_url: 'https://api.github.com/users/github-actions%5Bbot%5D/starred{/owner}{/repo}',
  subscriptions_url: 'https://api.github.com/users/github-actions%5Bbot%5D/subscriptions',
  organizations_url: 'https://api.github.com/users/github-actions%5Bbot%5D/orgs',
  repos_url: 'https://api.github.com/users/github-actions%5Bbot%5D/repos',
  events_url: 'https://api.github.com/users/github-actions%5Bbot%5D/events{/privacy}',
  received_events_url: 'https://api.github.com/users/github-actions%5Bbot%5D/received_events',
  type: 'Bot',
  site_admin: false,
};

/** A repository as `GET /repos/{owner}/{repo}` gives it: the description's example, made this one. */
export function repositoryJson(
  example: Record<string, unknown>,
  repository: FakeRepository,
  origins: Origins,
  grant: TokenGrant,
): unknown {
  // The example is of a fork; this repository is none. Its example lacks `language`, which is required.
  const { permissions: _permissions, source: _source, parent: _parent, ...rest } = example;
  return {
    ...rest,
    language: null,
    fork: false,
    id: repository.id,
    name: repository.name,
    full_name: repository.fullName,
    url: `${origins.api}/repos/${repository.fullName}`,
    releases_url: `${origins.api}/repos/${repository.fullName}/releases{/id}`,
    ...(grant.listsPermissions
      ? { permissions: { admin: false, maintain: false, push: grant.write, triage: grant.write, pull: true } }
      : {}),
  };
}

export function releaseJson(
  release: FakeRelease,
  repository: FakeRepository,
  origins: Origins,
  legacyDigests: boolean,
): unknown {
  const api = `${origins.api}/repos/${repository.fullName}/releases/${release.id}`;
  return {
    url: api,
    html_url: `${origins.api}/_web/${repository.fullName}/releases/tag/${encodeURIComponent(release.tagName)}`,
    assets_url: `${api}/assets`,
    upload_url: `${origins.uploads}/repos/${repository.fullName}/releases/${release.id}/assets{?name,label}`,
    tarball_url: `${origins.api}/repos/${repository.fullName}/tarball/${encodeURIComponent(release.tagName)}`,
    zipball_url: `${origins.api}/repos/${repository.fullName}/zipball/${encodeURIComponent(release.tagName)}`,
    id: release.id,
    node_id: `RE_${release.id}`,
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    created_at: release.createdAt,
    published_at: release.draft ? null : release.createdAt,
    author: USER,
    assets: release.assets.map((asset) => assetJson(asset, release, repository, origins, legacyDigests)),
  };
}

export function assetJson(
  asset: FakeAsset,
  release: FakeRelease,
  repository: FakeRepository,
  origins: Origins,
  legacyDigests: boolean,
): unknown {
  return {
    url: `${origins.api}/repos/${repository.fullName}/releases/assets/${asset.id}`,
    browser_download_url: `${origins.api}/_web/${repository.fullName}/releases/download/${encodeURIComponent(release.tagName)}/${encodeURIComponent(asset.name)}`,
    id: asset.id,
    node_id: `RA_${asset.id}`,
    name: asset.name,
    label: null,
    // The description lists `uploaded` and `open`; an interrupted upload really shows `starter`.
    state: asset.state === 'uploaded' ? 'uploaded' : 'open',
    content_type: asset.contentType,
    size: asset.bytes.length,
    ...(legacyDigests ? { digest: null } : { digest: asset.digest }),
    download_count: 0,
    created_at: asset.createdAt,
    updated_at: asset.createdAt,
    uploader: USER,
  };
}
