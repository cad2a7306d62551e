import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { RegistryClient } from '../../../src/registry/client.js';
import { IMAGES, USER } from './fault-world.js';
import { storeClient } from './object-stores.js';
import type { Scenario } from './scenario.js';

/**
 * What a release left behind, in a form two runs can be compared by: every tag → digest, every object
 * → sha256. Objects whose bytes legitimately differ between runs (signatures carry their time, Release
 * and repomd.xml their date) are `signed` or `dated` instead: verifySignatures checks those.
 */
export interface EndState {
  readonly tags: Record<string, string>;
  readonly objects: Record<string, string>;
}

/** Files whose bytes change with the time they were made. */
const SIGNATURE = /(\.asc|\/InRelease|\/Release\.gpg)$/;
const DATED = /(\/Release|\/repomd\.xml)$/;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Every tag of the scenario's repositories and the digest the registry serves for it, read straight from the registry. */
export async function readTags(scenario: Scenario): Promise<Record<string, string>> {
  const client = new RegistryClient(scenario.world.registry.address, USER);
  const tags: Record<string, string> = {};
  for (const image of IMAGES) {
    const repository = `${scenario.name}/${image}`;
    for (const tag of (await client.listTags(repository)).sort()) {
      tags[`${image}:${tag}`] = (await client.manifestDigest(repository, tag)) ?? 'missing';
    }
  }
  return tags;
}

/** Every file under `root` (relative paths, dot files included), sorted. */
export function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(root, path));
    }
  };
  walk(root);
  return found.sort();
}

/**
 * The scenario's package host as files under a directory: the directory host itself, or every object
 * of the whole bucket (not only the layout's prefix) copied under its key into `copyDir`.
 */
export async function hostFiles(scenario: Scenario, copyDir: string): Promise<string> {
  if (scenario.host === 'directory') return scenario.hostDir;
  const s3 = storeClient(scenario.world, scenario.host);
  try {
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: scenario.name, ContinuationToken: token }),
      );
      for (const { Key } of page.Contents ?? []) {
        if (Key === undefined) continue;
        const object = await s3.send(new GetObjectCommand({ Bucket: scenario.name, Key }));
        const path = join(copyDir, Key);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, await (object.Body?.transformToByteArray() ?? Promise.resolve(new Uint8Array())));
      }
      token = page.NextContinuationToken;
    } while (token !== undefined);
  } finally {
    s3.destroy();
  }
  return copyDir;
}

/** The end state of a scenario: its tags, and its host's files as copied (or found) under `dir`. */
export async function readEndState(scenario: Scenario, dir: string): Promise<EndState> {
  const objects: Record<string, string> = {};
  for (const file of filesUnder(dir)) {
    const key = `/${file}`;
    if (SIGNATURE.test(key)) objects[file] = 'signed';
    else if (DATED.test(key)) objects[file] = 'dated';
    else objects[file] = sha256(readFileSync(join(dir, file)));
  }
  return { tags: await readTags(scenario), objects };
}
