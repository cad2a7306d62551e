import { createHash } from 'node:crypto';
import type { GitHubClient } from './github-client.js';
import { explainFailure } from './github-failure.js';
import type { AssetInfo, GitHubReleaseSettings } from './release-settings.js';

/** The hex of an asset's `digest` (`sha256:<hex>`); undefined when GitHub gave none (older Enterprise Server). */
export function sha256OfDigest(digest: string | null | undefined): string | undefined {
  const match = /^sha256:([a-f0-9]{64})$/.exec(digest ?? '');
  return match?.[1];
}

/**
 * What `existing` answers for an asset whose content differs from the local file's without being
 * hashed: its size differs. No sha256 is ever this, so the plan reads it as different content.
 */
export function differentSize(asset: AssetInfo): string {
  return `size ${asset.size}, not a sha256`;
}

/**
 * The sha256 of what an asset holds: its `digest` when GitHub lists one. Without (Enterprise Server
 * before digests), the asset is downloaded and hashed, but only when its size is the local file's:
 * otherwise it differs anyway, and a download would be wasted.
 */
export async function assetSha256(
  client: GitHubClient,
  settings: GitHubReleaseSettings,
  asset: AssetInfo,
  localSize: number | undefined,
): Promise<string> {
  const listed = sha256OfDigest(asset.digest);
  if (listed !== undefined) return listed;
  if (localSize !== undefined && localSize !== asset.size) return differentSize(asset);
  return downloadSha256(client, settings, asset);
}

/** Streams the asset through a hash (GitHub answers with the bytes, or a redirect to them). */
async function downloadSha256(
  client: GitHubClient,
  settings: GitHubReleaseSettings,
  asset: AssetInfo,
): Promise<string> {
  const { owner, repo } = settings;
  try {
    const response = await client.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner,
      repo,
      asset_id: asset.id,
      headers: { accept: 'application/octet-stream' },
      request: { parseSuccessResponseBody: false },
    });
    const hash = createHash('sha256');
    for await (const chunk of response.data as unknown as AsyncIterable<Uint8Array>) hash.update(chunk);
    return hash.digest('hex');
  } catch (error) {
    throw explainFailure(error, `downloading the asset ${asset.name} to compare it`);
  }
}
