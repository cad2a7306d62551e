import { isDigest } from '../oci/digest.js';
import { repositoryPath } from './endpoint.js';

/** One repository of a registry: where its API lives and how messages name it. */
export interface Repository {
  /** Its name on the registry (`library/` added on Docker Hub): what scopes name. */
  readonly name: string;
  /** `<base>/v2/<name>`: the prefix of its manifests, blobs and tags. */
  readonly url: string;
  /** `registry/repository` as the user wrote it. */
  readonly display: string;
}

export function repositoryAt(registry: string, base: string, repository: string): Repository {
  const name = repositoryPath(registry, repository);
  return { name, url: `${base}/v2/${name}`, display: `${registry}/${repository}` };
}

/** `registry/repository:tag` or `registry/repository@sha256:…`, for messages. */
export function referenceName(repository: Repository, reference: string): string {
  return `${repository.display}${isDigest(reference) ? '@' : ':'}${reference}`;
}
