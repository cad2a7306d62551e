import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isNotFound } from '../util/errno.js';
import { UserError } from '../util/errors.js';
import type { Descriptor } from './descriptor.js';
import { parseJsonObject } from './json.js';
import { INDEX_FILE, REF_NAME_ANNOTATION } from './layout-files.js';
import { REWRITE } from './layout-rewrite.js';
import { parseDescriptor } from './manifest-references.js';

/** The entries of index.json's manifests list, each checked to be a descriptor. */
export async function readIndexEntries(dir: string, name: string): Promise<Descriptor[]> {
  const bytes = await readFile(join(dir, INDEX_FILE)).catch((error: unknown) => {
    if (isNotFound(error)) throw new UserError(name, `${dir} has no ${INDEX_FILE}`, REWRITE);
    throw error;
  });
  const index = parseJsonObject(bytes);
  const manifests = index?.['manifests'];
  if (!Array.isArray(manifests)) {
    throw new UserError(name, `${INDEX_FILE} is not an image index with a manifests list`, REWRITE);
  }
  return manifests.map((entry: unknown, i) => parseDescriptor(entry, name, `${INDEX_FILE} manifests[${i}]`));
}

function refName(entry: Descriptor): string | undefined {
  return entry.annotations?.[REF_NAME_ANNOTATION];
}

/** How index.json names its images, for an error that lets the user pick one. */
function describeRefs(entries: readonly Descriptor[]): string {
  if (entries.length === 0) return 'it lists no image';
  const names = entries.map((entry) => refName(entry) ?? `(no ref name: ${entry.digest})`);
  return `it lists ${names.join(', ')}`;
}

/** The entry named `ref`, or the only one when `ref` is left out. */
export function pickEntry(entries: readonly Descriptor[], ref: string | undefined, name: string): Descriptor {
  if (ref === undefined) {
    const [only, ...others] = entries;
    if (only !== undefined && others.length === 0) return only;
    throw new UserError(
      name,
      entries.length === 0 ? `${INDEX_FILE} lists no image` : `${INDEX_FILE} lists ${entries.length} images`,
      entries.length === 0 ? REWRITE : `add :<ref> to choose one; ${describeRefs(entries)}`,
    );
  }
  const matches = entries.filter((entry) => refName(entry) === ref);
  const [first] = matches;
  if (first === undefined) {
    throw new UserError(name, `${INDEX_FILE} names no image '${ref}'`, describeRefs(entries));
  }
  // The same ref twice is ambiguous unless both entries are the same manifest.
  if (matches.some((entry) => entry.digest !== first.digest)) {
    throw new UserError(name, `${INDEX_FILE} names ${matches.length} different images '${ref}'`, REWRITE);
  }
  return first;
}
