import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../__tests__/e2e/run-action.js';
import { parsePackages } from '../src/formats/apt/packages-file.js';
import { RepositoryUpdater } from '../src/indexes/repository-updater.js';
import { DEFAULT_RETENTION } from '../src/indexes/retention.js';
import { DirectoryStore } from '../src/stores/directory-store.js';
import type { ObjectStore } from '../src/stores/object-store.js';
import { buildOne, buildVersions, PAYLOAD_BYTES } from './repository-fixtures.js';
import { REBUILD, seedOurs, seedTheirs, toIndex } from './repository-seeds.js';
import { exec, formatTable, median, wallMs } from './measure.js';

// Adding one release to APT and YUM repositories that already hold 1,000 versions: our incremental
// update (read the indexes, merge, write) against the seed world's way, as Falco's scripts do it:
// copy the whole repository down, rebuild with apt-ftparchive and createrepo_c --update, copy it back.
const VERSIONS = 1000;
const ROUNDS = 3;
const NEW_VERSION = `0.${VERSIONS + 1}.0`;

const root = resolve(`.bench/repository-${PAYLOAD_BYTES}`);
let pool: string[];
let fresh: string;
let newPackages: string[];
const ours = join(root, 'ours');
const theirs = join(root, 'theirs');

beforeAll(async () => {
  pool = await buildVersions(root, VERSIONS);
  fresh = join(root, 'new');
  await rm(fresh, { recursive: true, force: true });
  await mkdir(fresh, { recursive: true });
  newPackages = await buildOne(root, fresh, NEW_VERSION);
  await seedOurs(ours, pool);
  await seedTheirs(theirs, pool);
}, 1_800_000);
afterAll(async () => {
  await rm(join(root, 'runs'), { recursive: true, force: true });
});

async function treeBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** A store that counts the bytes it reads: what an update fetches from the host. */
function counting(store: ObjectStore, counter: { bytes: number }): ObjectStore {
  return {
    description: store.description,
    head: async (key) => {
      const info = await store.head(key);
      counter.bytes += info?.size ?? 0; // the directory store hashes the file to answer
      return info;
    },
    get: async (key) => {
      const found = await store.get(key);
      counter.bytes += found?.bytes.byteLength ?? 0;
      return found;
    },
    open: (key) => store.open(key),
    put: (key, body, options) => store.put(key, body, options),
    delete: (key) => store.delete(key),
    list: (prefix) => store.list(prefix),
    entries: (prefix) => store.entries(prefix),
  };
}

const results: string[][] = [['benchmark', 'ours', 'seed world', 'ratio (ours/peer)']];
afterAll(() => console.log(`\n${formatTable(results)}\n`));

describe('repository benchmarks', () => {
  it(`adds one release to APT + YUM repositories holding ${VERSIONS} versions`, async () => {
    const oursMs: number[] = [];
    const theirsMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const oursRun = join(root, 'runs', `ours-${round}`);
      const theirsRun = join(root, 'runs', `theirs-${round}`);
      const remote = join(theirsRun, 'remote');
      // Hard-linked copies: every writer here replaces files (rename, --remove-destination), never
      // writes into them, so the seeds stay intact and a round costs no 2 GiB of copying before it starts.
      await mkdir(theirsRun, { recursive: true });
      await exec('cp', ['-al', ours, oursRun], process.env);
      await exec('cp', ['-al', theirs, remote], process.env);

      // Ours: the whole action, as a workflow step runs it.
      oursMs.push(
        await wallMs(async () => {
          const run = await runAction(
            { ref: `refs/tags/${NEW_VERSION}`, packages: `${fresh}/*`, 'package-host': oursRun },
            {},
            root,
          );
          expect(run.exitCode, run.stdout).toBe(0);
        }),
      );
      const listed = parsePackages(
        await readFile(join(oursRun, 'deb/dists/stable/main/binary-amd64/Packages'), 'utf8'),
      );
      expect(listed).toHaveLength(VERSIONS + 1);

      // The seed world: copy all down, add the files, rebuild, copy back.
      theirsMs.push(
        await wallMs(() =>
          exec(
            'bash',
            [
              '-c',
              `set -e
               cp -a "$REMOTE" "$RUN/work"
               cp "$NEW_DEB" "$RUN/work/deb/stable/"
               cp "$NEW_RPM" "$RUN/work/rpm/"
               REPO="$RUN/work" bash -c "$REBUILD"
               # back up like aws s3 sync: only what is new or changed
               cp -a -u --remove-destination "$RUN/work/." "$REMOTE/"`,
            ],
            {
              ...process.env,
              REMOTE: remote,
              RUN: theirsRun,
              NEW_DEB: newPackages[0] ?? '',
              NEW_RPM: newPackages[1] ?? '',
              REBUILD,
            },
          ),
        ),
      );
      const theirsListed = parsePackages(
        await readFile(join(remote, 'deb/dists/stable/main/binary-amd64/Packages'), 'utf8'),
      );
      expect(theirsListed).toHaveLength(VERSIONS + 1);
      await rm(oursRun, { recursive: true, force: true });
      await rm(theirsRun, { recursive: true, force: true });
    }

    // Bytes: what our update reads from the host, against the whole repository the seed world copies down.
    const counter = { bytes: 0 };
    const oursRun = join(root, 'runs', 'ours-bytes');
    await exec('cp', ['-al', ours, oursRun], process.env);
    const updater = new RepositoryUpdater(
      () => ({ store: counting(new DirectoryStore(oursRun), counter), conditional: true }),
      { loadSigning: undefined, retention: DEFAULT_RETENTION, date: new Date(), graceMs: 86_400_000 },
    );
    const planned = await updater.prepare(await Promise.all(newPackages.map(toIndex)));
    counter.bytes = 0; // prepare's reads are the validation; count the update's too, from here
    for (const repository of planned) await updater.update(repository, new Set());
    const theirsBytes = await treeBytes(theirs);

    const [a, b] = [median(oursMs), median(theirsMs)];
    results.push(
      [
        `wall, median of ${ROUNDS} (ours: the whole action run)`,
        `${a.toFixed(0)} ms`,
        `${b.toFixed(0)} ms`,
        (a / b).toFixed(3),
      ],
      [
        'bytes read from the host',
        `${(counter.bytes / 1024).toFixed(0)} KiB`,
        `${(theirsBytes / 1024).toFixed(0)} KiB`,
        (counter.bytes / theirsBytes).toFixed(4),
      ],
    );
    expect(counter.bytes).toBeGreaterThan(0);
  });
});
