import { readFile } from 'node:fs/promises';
import { UserError } from '../util/errors.js';
import { isJsonObject } from './json.js';
import { entryName } from './tar-extract.js';

/** The file of a `docker save` archive that names its images, their configs and layers. */
export const MANIFEST_FILE = 'manifest.json';
/** The remedy for an archive that does not hold one consistent image. */
export const RESAVE = 'save one image again with docker save <image> -o <file>';

/** One entry of `docker save`'s manifest.json. */
export interface SavedImage {
  readonly config: string;
  readonly repoTags: readonly string[];
  readonly layers: readonly string[];
}

/** The images manifest.json lists. */
export async function readSavedImages(
  files: ReadonlyMap<string, string>,
  name: string,
): Promise<SavedImage[]> {
  const fail = (problem: string): never => {
    throw new UserError(name, problem, 'give the file written by docker save');
  };
  const path = files.get(MANIFEST_FILE) ?? fail(`the archive has no ${MANIFEST_FILE}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return fail(`${MANIFEST_FILE} is not JSON`);
  }
  if (!Array.isArray(parsed)) return fail(`${MANIFEST_FILE} is not a list of images`);
  const entries: readonly unknown[] = parsed;
  return entries.map((entry, i): SavedImage => {
    const where = `${MANIFEST_FILE}[${i}]`;
    if (!isJsonObject(entry)) return fail(`${where} is not an object`);
    const { Config: config, RepoTags: repoTags, Layers: layers } = entry;
    if (typeof config !== 'string') return fail(`${where} has no Config`);
    if (!isStringList(layers)) return fail(`${where} has no Layers list`);
    if (repoTags !== null && repoTags !== undefined && !isStringList(repoTags)) {
      return fail(`${where} has RepoTags that are not strings`);
    }
    return { config, layers, repoTags: repoTags ?? [] };
  });
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The archive's one image; an archive of several is refused. */
export function pickImage(images: readonly SavedImage[], name: string): SavedImage {
  const [only, ...others] = images;
  if (only !== undefined && others.length === 0) return only;
  if (only === undefined) throw new UserError(name, `${MANIFEST_FILE} lists no image`, RESAVE);
  const described = images.map((image) =>
    image.repoTags.length > 0 ? image.repoTags.join(' ') : `(untagged ${image.config})`,
  );
  throw new UserError(name, `the archive holds ${images.length} images: ${described.join(', ')}`, RESAVE);
}

/** The extracted file of a path manifest.json names; `what` says what it is for the error. */
export function archiveFile(
  files: ReadonlyMap<string, string>,
  archivePath: string,
  name: string,
  what: string,
): string {
  const normalized = entryName(archivePath);
  const path = normalized === undefined ? undefined : files.get(normalized);
  if (path === undefined) {
    throw new UserError(
      name,
      `${what} ${archivePath} is named in ${MANIFEST_FILE} but not in the archive`,
      RESAVE,
    );
  }
  return path;
}
