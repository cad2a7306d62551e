import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegistryReader } from './driver.js';
import { isNotFound } from '../util/errno.js';

const REF_NAME = 'org.opencontainers.image.ref.name';

/** Reads tags from an OCI layout target (`<repository>:<tag>` entries of its index.json), for `latest: auto`. */
export class LayoutReader implements RegistryReader {
  constructor(private readonly dir: string) {}

  async checkAccess(): Promise<void> {}

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
    let index: { manifests?: { digest: string; annotations?: Record<string, string> }[] };
    try {
      index = JSON.parse(await readFile(join(this.dir, 'index.json'), 'utf8')) as typeof index;
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    return (index.manifests ?? []).flatMap((entry) => {
      const name = entry.annotations?.[REF_NAME];
      return name ? [[name, entry.digest] as [string, string]] : [];
    });
  }
}
