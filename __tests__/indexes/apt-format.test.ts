import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderRelease } from '../../src/formats/apt/release-file.js';
import { APT_FORMAT } from '../../src/indexes/apt-format.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'apt-format-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('APT derived files', () => {
  it('a Release that lists an index whose by-hash copy was deleted is a repository to repair', async () => {
    const store = new DirectoryStore(root);
    const release = Buffer.from(
      renderRelease({
        origin: 'falco',
        label: 'falco',
        suite: 'stable',
        codename: 'stable',
        date: new Date(0),
        architectures: ['amd64'],
        components: ['main'],
        files: [{ path: 'main/binary-amd64/Packages', bytes: Buffer.from('') }],
        acquireByHash: true,
      }),
    );
    const [plain] = APT_FORMAT.derived(store, 'deb-dev', release, undefined);
    expect(plain?.key).toBe('deb-dev/dists/stable/main/binary-amd64/Packages');
    const error = await asyncUserErrorOf(plain?.produce() ?? Promise.resolve());
    expect(error.message).toBe(
      'package-host: deb-dev: dists/stable/Release lists main/binary-amd64/Packages, but its by-hash copy is missing — restore the by-hash files (or move the repository away to start it afresh), then run again',
    );
  });
});
