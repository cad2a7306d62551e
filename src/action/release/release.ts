import type { Tree } from '../../package-layout/host-layout.js';

/** Where a build is published: Falco's three channels. */
export type Channel = 'stable' | 'prerelease' | 'dev';

/** What is being published, read from the git ref. */
export interface Release {
  /** `0.26.0`, `0.27.0-rc1`, or the dev branch name. */
  readonly version: string;
  readonly channel: Channel;
}

/** The trees of the package host a channel publishes to: prereleases go to the dev trees, as dev builds. */
export function treeOf(channel: Channel): Tree {
  return channel === 'stable' ? 'stable' : 'dev';
}
