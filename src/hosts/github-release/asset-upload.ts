import { setTimeout as delay } from 'node:timers/promises';
import { changedSincePlanned } from '../../stores/s3-digest.js';
import { UserError } from '../../util/errors.js';
import { startProgress, type ProgressReporting } from '../../util/progress.js';
import { SERVER_ERROR_RETRIES, type GitHubClient, type GitHubTiming } from './github-client.js';
import { explainFailure, isAlreadyExists, isServerFailure } from './github-failure.js';
import { FileBody } from './file-body.js';
import { deleteAsset, listAssets } from './release-lookup.js';
import type { AssetInfo, GitHubReleaseSettings, ReleaseInfo } from './release-settings.js';
import { sha256OfDigest } from './asset-digest.js';

export interface AssetToUpload {
  /** The asset's name: the file's name, without the layout's folders. */
  readonly name: string;
  readonly localFile: string;
  readonly size: number;
  readonly sha256: string;
  readonly contentType: string;
  /** The host path, for errors and progress lines. */
  readonly path: string;
}

/** What an upload ended with: the asset, or `exists` when an asset of that name appeared meanwhile. */
export type UploadOutcome =
  { readonly kind: 'uploaded'; readonly asset: AssetInfo } | { readonly kind: 'exists' };

export interface UploadContext {
  readonly client: GitHubClient;
  readonly settings: GitHubReleaseSettings;
  readonly release: ReleaseInfo;
  readonly timing: GitHubTiming;
  readonly progress: ProgressReporting | undefined;
}

/**
 * Uploads a file as an asset, streamed, to the release's own `upload_url` (uploads.github.com on
 * GitHub, the server's own path on Enterprise Server). Octokit's retry plugin cannot resend a streamed
 * body, so this retries a 5xx or a lost connection itself, after looking at what it left: GitHub may
 * have stored the asset anyway, or left an empty one (`starter`) that blocks the name until deleted.
 */
export async function uploadAsset(context: UploadContext, file: AssetToUpload): Promise<UploadOutcome> {
  const url = uploadUrl(context.release.upload_url);
  const progress = startProgress(context.progress, file.path, file.size);
  const body = new FileBody(file.localFile, file.size, progress);
  for (let retry = 0; ; retry++) {
    try {
      const { data } = await context.client.request({
        method: 'POST',
        url,
        name: file.name,
        data: body,
        headers: { 'content-type': file.contentType, 'content-length': String(file.size) },
        request: { retries: 0 },
      });
      const asset = data as AssetInfo;
      await checkUploaded(context, file, asset, body.sentSha256);
      progress.finish();
      return { kind: 'uploaded', asset };
    } catch (error) {
      if (isAlreadyExists(error)) return { kind: 'exists' };
      if (!isServerFailure(error)) throw explainFailure(error, `uploading ${file.name}`);
      const left = await leftBehind(context, file);
      if (left !== undefined) return { kind: 'uploaded', asset: left };
      if (retry >= SERVER_ERROR_RETRIES) throw explainFailure(error, `uploading ${file.name}`);
      // The retry plugin's schedule for every other request: 1, 4, 9 s.
      await delay((retry + 1) ** 2 * context.timing.secondMs);
    }
  }
}

/**
 * After a failed upload: the asset when GitHub stored it whole after all; otherwise whatever it left
 * under the name is deleted, so the next attempt can use it.
 */
async function leftBehind(context: UploadContext, file: AssetToUpload): Promise<AssetInfo | undefined> {
  const { client, settings, release } = context;
  const there = (await listAssets(client, settings, release)).find((asset) => asset.name === file.name);
  if (there === undefined) return undefined;
  if (there.state === 'uploaded' && sha256OfDigest(there.digest) === file.sha256) return there;
  await deleteAsset(client, settings, there);
  return undefined;
}

/**
 * The asset GitHub made must be the file as planned, under its own name: GitHub renames names with
 * characters it does not keep, and a file rewritten since it was hashed must not stay published.
 */
async function checkUploaded(
  context: UploadContext,
  file: AssetToUpload,
  asset: AssetInfo,
  sentSha256: string | undefined,
): Promise<void> {
  const stored = sha256OfDigest(asset.digest);
  if (sentSha256 !== file.sha256 || (stored !== undefined && stored !== file.sha256)) {
    await deleteAsset(context.client, context.settings, asset);
    throw changedSincePlanned(file.path);
  }
  if (asset.name !== file.name) {
    await deleteAsset(context.client, context.settings, asset);
    throw new UserError(
      `packages: ${file.path}`,
      `GitHub stored the asset as '${asset.name}', not '${file.name}'`,
      'name package files with letters, digits, ., -, _ and + only',
    );
  }
}

/** Hosts plain http may carry the token to: a server on this machine (tests). */
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/**
 * The release's `upload_url` (a URI template ending in `{?name,label}`, which Octokit fills in),
 * checked: the token goes with the upload, so it must go over https, or to a loopback server.
 */
function uploadUrl(template: string): string {
  const url = template.replace(/\{\?[^}]*\}$/, '');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`GitHub gave an upload URL that is no URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname))) {
    throw new UserError(
      'package-host',
      `GitHub gave an upload URL that is not https: ${url}`,
      'check GITHUB_API_URL',
    );
  }
  return template;
}
