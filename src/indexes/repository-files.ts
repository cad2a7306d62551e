import type { ObjectStore } from '../stores/object-store.js';
import { mapConcurrent } from '../util/map-concurrent.js';

/** What the host keeps beside a package: its OpenPGP signature and its build provenance bundle. */
export const BESIDE_PACKAGE = ['.asc', '.sigstore.json'] as const;

/** HEADs in flight while weighing: hundreds of small files in about a second, without flooding the store. */
const WEIGHING = 8;

/** The files of one repository (`deb-dev/…`) as one listing saw them. */
export class RepositoryFiles {
  private readonly listed: ReadonlySet<string>;

  private constructor(
    private readonly store: ObjectStore,
    /** Every key under the root, sorted. */
    readonly keys: readonly string[],
  ) {
    this.listed = new Set(keys);
  }

  static async list(store: ObjectStore, root: string): Promise<RepositoryFiles> {
    return new RepositoryFiles(store, await store.list(`${root}/`));
  }

  /** A package (its host path) and what the listing found beside it. */
  filesOf(pkg: string): string[] {
    const beside = BESIDE_PACKAGE.map((suffix) => `${pkg}${suffix}`);
    return [pkg, ...beside.filter((key) => this.listed.has(key))];
  }

  /** The bytes of what lies beside each listed package, by the package's host path. */
  async besideBytes(): Promise<Map<string, number>> {
    const beside = this.keys.flatMap((key) => {
      const suffix = BESIDE_PACKAGE.find((s) => key.endsWith(s) && this.listed.has(key.slice(0, -s.length)));
      return suffix === undefined ? [] : [{ key, pkg: key.slice(0, -suffix.length) }];
    });
    const sizes = await this.weigh(beside.map((file) => file.key));
    const bytes = new Map<string, number>();
    for (const { key, pkg } of beside) bytes.set(pkg, (bytes.get(pkg) ?? 0) + (sizes.get(key) ?? 0));
    return bytes;
  }

  /** The size of each key, read with HEAD (a listing has none); a key gone meanwhile weighs 0. */
  async weigh(keys: readonly string[]): Promise<Map<string, number>> {
    const sizes = await mapConcurrent(keys, WEIGHING, async (key) => (await this.store.head(key))?.size ?? 0);
    return new Map(keys.map((key, index) => [key, sizes[index] ?? 0]));
  }
}
