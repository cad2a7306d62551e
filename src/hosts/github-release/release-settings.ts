/** Which release of which repository the packages go to, and how (the `github-*` inputs and the ref). */
export interface GitHubReleaseSettings {
  readonly token: string;
  readonly apiUrl: string;
  readonly owner: string;
  readonly repo: string;
  /** The release's tag: the ref's tag, or `github-dev-release` for a dev push. */
  readonly tag: string;
  /** Marked prerelease when this run creates it: a prerelease tag (`-rc1`) and the dev release are. */
  readonly prerelease: boolean;
  /**
   * The dev release: its assets are those of the last push, so once this run's uploads are done the
   * assets it did not publish are deleted.
   */
  readonly replaceAssets: boolean;
  /** The commit a created release's tag points at when the tag does not exist yet (the dev push's). */
  readonly targetCommitish: string | undefined;
  /** Create the release when the tag has none (`github-release-create`); else refuse before any write. */
  readonly create: boolean;
  /** `append`: after the run, the release body gets a section listing what it published. */
  readonly notes: 'append' | 'none';
}

/** The fields of a release the host reads (GitHub's `release` object has many more). */
export interface ReleaseInfo {
  readonly id: number;
  readonly tag_name: string;
  readonly upload_url: string;
  readonly draft: boolean;
  readonly body?: string | null;
}

/** The fields of a release asset the host reads. */
export interface AssetInfo {
  readonly id: number;
  readonly name: string;
  readonly size: number;
  /** `uploaded`; `starter`/`open` is what a failed upload leaves, safe to delete. */
  readonly state: string;
  /** `sha256:<hex>`; null or absent on older GitHub Enterprise Server. */
  readonly digest?: string | null;
  readonly browser_download_url: string;
}
