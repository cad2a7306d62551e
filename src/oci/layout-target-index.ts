import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../util/atomic-file.js';
import { isNotFound } from '../util/errno.js';
import { UserError } from '../util/errors.js';
import { isJsonObject, parseJsonObject, type JsonObject } from './json.js';
import { INDEX_FILE, REF_NAME_ANNOTATION } from './layout-files.js';
import { layoutPathError } from './layout-path-error.js';
import { MediaTypes } from './media-types.js';

/**
 * The ref-name grammar of the image-layout spec (`component ("/" component)*`), which skopeo also
 * enforces: a name outside it would be written but could not be read back with `oci:<dir>:<name>`.
 */
const COMPONENT = '[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*';
const REF_NAME = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);

/**
 * index.json rewrites of one directory, chained: each reads the file the previous one wrote, so two
 * tags set at once both survive. Keyed by absolute path, so two targets over one directory share it.
 */
const indexQueues = new Map<string, Promise<void>>();

/** index.json as an object, and its manifests list. */
export interface TargetIndex {
  readonly index: JsonObject;
  readonly manifests: readonly unknown[];
}

export function isRefName(name: string): boolean {
  return REF_NAME.test(name);
}

/** The name index.json gives an entry (its ref-name annotation), or undefined. */
export function refName(entry: unknown): string | undefined {
  const annotations = isJsonObject(entry) ? entry['annotations'] : undefined;
  const name = isJsonObject(annotations) ? annotations[REF_NAME_ANNOTATION] : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** `entries` with `entry` named `name`: the entry of that name is replaced in its place, or `entry` comes last. */
export function withNamedEntry(
  entries: readonly unknown[],
  name: string,
  entry: unknown,
): readonly unknown[] {
  const others = entries.filter((other) => refName(other) !== name);
  const at = entries.findIndex((other) => refName(other) === name);
  return at < 0 ? [...others, entry] : [...others.slice(0, at), entry, ...others.slice(at)];
}

/** index.json with its manifests list; undefined when there is none yet. */
export async function readTargetIndex(dir: string, subject: string): Promise<TargetIndex | undefined> {
  const bytes = await readFile(join(dir, INDEX_FILE)).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw layoutPathError(error, dir, subject);
  });
  if (bytes === undefined) return undefined;
  const index = parseJsonObject(bytes);
  const manifests: unknown = index?.['manifests'];
  if (index === undefined || !Array.isArray(manifests)) {
    // Never overwritten: it may hold the user's other images.
    throw new UserError(subject, `${INDEX_FILE} is not an image index with a manifests list`);
  }
  return { index, manifests };
}

/** Rewrites index.json's manifests list, one rewrite at a time per directory (see indexQueues). */
export async function updateTargetIndex(
  dir: string,
  subject: string,
  change: (entries: readonly unknown[]) => readonly unknown[],
): Promise<void> {
  const key = resolve(dir);
  const previous = indexQueues.get(key) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined) // the previous writer's failure is its caller's
    .then(async () => {
      const current = await readTargetIndex(dir, subject);
      const index = current?.index ?? { schemaVersion: 2, mediaType: MediaTypes.ociIndex };
      // Other fields of an existing index.json (its annotations...) are kept as they are.
      const updated = { ...index, manifests: change(current?.manifests ?? []) };
      await writeFileAtomic(join(dir, INDEX_FILE), Buffer.from(JSON.stringify(updated)));
    });
  indexQueues.set(key, next);
  try {
    await next;
  } finally {
    if (indexQueues.get(key) === next) indexQueues.delete(key);
  }
}
