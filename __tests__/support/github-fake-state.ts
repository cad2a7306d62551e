import { createHash } from 'node:crypto';

/** What the GitHub fake keeps: repositories, their tags and releases, the releases' assets and bytes. */

export interface FakeAsset {
  readonly id: number;
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  /** `uploaded`, or `starter`: what a failed upload leaves. */
  readonly state: 'uploaded' | 'starter';
  /** `sha256:<hex>` of the bytes received. */
  readonly digest: string;
  readonly createdAt: string;
}

export interface FakeRelease {
  readonly id: number;
  tagName: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  readonly targetCommitish: string;
  readonly createdAt: string;
  readonly assets: FakeAsset[];
}

export interface FakeRepository {
  readonly id: number;
  readonly fullName: string;
  readonly owner: string;
  readonly name: string;
  readonly tags: Set<string>;
  readonly releases: FakeRelease[];
}

export class FakeRepositories {
  private readonly repositories = new Map<string, FakeRepository>();
  private nextId = 1000;

  /** The repository, made empty on first use. */
  repository(fullName: string): FakeRepository {
    let repository = this.repositories.get(fullName.toLowerCase());
    if (repository === undefined) {
      const [owner = '', name = ''] = fullName.split('/');
      repository = { id: this.nextId++, fullName, owner, name, tags: new Set(), releases: [] };
      this.repositories.set(fullName.toLowerCase(), repository);
    }
    return repository;
  }

  /** GitHub's names are not case sensitive. */
  find(fullName: string): FakeRepository | undefined {
    return this.repositories.get(fullName.toLowerCase());
  }

  newRelease(
    repository: FakeRepository,
    fields: Pick<FakeRelease, 'tagName' | 'name' | 'body' | 'draft' | 'prerelease' | 'targetCommitish'>,
  ): FakeRelease {
    // A published release makes its tag when the tag is missing (a draft does so when published).
    if (!fields.draft) repository.tags.add(fields.tagName);
    const release: FakeRelease = {
      id: this.nextId++,
      ...fields,
      createdAt: new Date().toISOString(),
      assets: [],
    };
    repository.releases.push(release);
    return release;
  }

  newAsset(name: string, contentType: string, bytes: Buffer, state: FakeAsset['state']): FakeAsset {
    return {
      id: this.nextId++,
      name,
      contentType,
      bytes,
      state,
      digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      createdAt: new Date().toISOString(),
    };
  }

  releaseById(id: number): FakeRelease | undefined {
    for (const repository of this.repositories.values()) {
      const release = repository.releases.find((candidate) => candidate.id === id);
      if (release) return release;
    }
    return undefined;
  }

  assetById(repository: FakeRepository, id: number): { release: FakeRelease; asset: FakeAsset } | undefined {
    for (const release of repository.releases) {
      const asset = release.assets.find((candidate) => candidate.id === id);
      if (asset) return { release, asset };
    }
    return undefined;
  }

  /** `<owner>/<repo>/releases/download/<tag>/<name>`, as a browser downloads an asset. */
  download(path: string): FakeAsset | undefined {
    const match = /^([^/]+\/[^/]+)\/releases\/download\/([^/]+)\/([^/]+)$/.exec(path);
    if (!match) return undefined;
    const [, fullName = '', tag = '', name = ''] = match;
    const release = this.find(fullName)?.releases.find(
      (candidate) => candidate.tagName === decodeURIComponent(tag),
    );
    return release?.assets.find(
      (asset) => asset.name === decodeURIComponent(name) && asset.state === 'uploaded',
    );
  }

  /** The release of a tag (drafts too), for tests to look at. */
  release(fullName: string, tag: string): FakeRelease | undefined {
    return this.find(fullName)?.releases.find((release) => release.tagName === tag);
  }
}
