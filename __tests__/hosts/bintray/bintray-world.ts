import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bintrayFileOf } from '../../../src/action/bintray-placement.js';
import { BintrayApi } from '../../../src/hosts/bintray/bintray-api.js';
import { BintrayHost } from '../../../src/hosts/bintray/bintray-host.js';
import type { Logger } from '../../../src/util/logger.js';
import { startBintrayFake, type BintrayFake } from '../../support/bintray-fake.js';

// A Bintray fake with Falco's six repositories, and the client and host pointed at it, for unit tests.
export const USER = 'falco-bot';
export const API_KEY = 'api-key-Zq81-never-printed';
export const RELEASED = new Date('2020-09-01T12:00:00.000Z');

export const FALCO_REPOSITORIES = {
  deb: ['falco'],
  'deb-dev': ['falco'],
  rpm: ['falco'],
  'rpm-dev': ['falco'],
  bin: ['falco'],
  'bin-dev': ['falco'],
};

export function startFalcoBintray(): Promise<BintrayFake> {
  return startBintrayFake({
    subject: 'falcosecurity',
    username: USER,
    apiKey: API_KEY,
    repositories: FALCO_REPOSITORIES,
  });
}

/** The client of the fake; its waits between retries are recorded, not waited. */
export function apiOf(fake: BintrayFake, options: { apiKey?: string; logger?: Logger } = {}) {
  const waits: number[] = [];
  const api = new BintrayApi({
    apiUrl: fake.url,
    username: USER,
    apiKey: options.apiKey ?? API_KEY,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return { api, waits };
}

export function hostOf(
  fake: BintrayFake,
  options: { apiKey?: string; vcsTag?: string; logger?: Logger } = {},
) {
  const { api, waits } = apiOf(fake, options);
  const host = new BintrayHost('falcosecurity', api, {
    placement: bintrayFileOf,
    vcsTag: options.vcsTag,
    released: RELEASED,
    ...(options.logger ? { progress: { logger: options.logger } } : {}),
  });
  return { host, waits };
}

/** A local package file with `content`. */
export async function localFile(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bintray-host-'));
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}
