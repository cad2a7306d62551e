import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TargetRegistry } from './driver.js';
import { hasErrnoCode, isNotFound } from '../util/errno.js';
import { UserError } from '../util/errors.js';

const REF_NAME = 'org.opencontainers.image.ref.name';

/** Reads tags from an OCI layout target (`<repository>:<tag>` entries of its index.json), for `latest: auto`. */
export class LayoutReader implements TargetRegistry {
  constructor(private readonly dir: string) {}

  async checkAccess(): Promise<void> {}

  async checkPush(): Promise<void> {}

  async listTags(repository: string): Promise<string[]> {
    const prefix = `${repository}:`;
    return (await this.entries()).flatMap(([name]) =>
      name.startsWith(prefix) ? [name.slice(prefix.length)] : [],
    );
  }

  async manifestDigest(repository: string, tag: string): Promise<string | undefined> {
    return (await this.entries()).find(([name]) => name === `${repository}:${tag}`)?.[1];
  }

  /** [ref name, digest] of every named entry; none when the layout does not exist yet. */
  private async entries(): Promise<[string, string][]> {
    let text: string;
    try {
      text = await readFile(join(this.dir, 'index.json'), 'utf8');
    } catch (error) {
      if (isNotFound(error)) return [];
      if (hasErrnoCode(error, 'ENOTDIR') || hasErrnoCode(error, 'EISDIR')) {
        throw this.refused(
          'is not an OCI image layout (a file stands where the directory or its index.json should be)',
        );
      }
      throw error;
    }
    let index: { manifests?: { digest: string; annotations?: Record<string, string> }[] };
    try {
      index = JSON.parse(text) as typeof index;
    } catch {
      throw this.refused('has an index.json that is not JSON');
    }
    if (
      typeof index !== 'object' ||
      index === null ||
      (index.manifests !== undefined && !Array.isArray(index.manifests))
    ) {
      throw this.refused('has an index.json that is not an OCI image index');
    }
    return (index.manifests ?? []).flatMap((entry) => {
      const name = entry.annotations?.[REF_NAME];
      return name ? [[name, entry.digest] as [string, string]] : [];
    });
  }

  /** The layout the action would write into is damaged: the user repairs or replaces it. */
  private refused(problem: string): UserError {
    return new UserError(
      `registry: oci-layout:${this.dir}`,
      problem,
      'repair the layout, or point registry at a new directory (the action creates the layout)',
    );
  }
}
