import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putContentAddressed } from '../../src/indexes/store-file.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { WriteOutcomeUnknown, type PutBody, type PutOptions } from '../../src/stores/object-store.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'store-file-'));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

/** A directory whose first `failures` puts answer as a 500 does: some landing first (`land`), some not. */
class FlakyStore extends DirectoryStore {
  puts = 0;
  constructor(
    dir: string,
    private readonly failures: number,
    private readonly land: boolean,
  ) {
    super(dir);
  }
  override async put(key: string, body: PutBody, options?: PutOptions): Promise<string> {
    this.puts++;
    if (this.puts > this.failures) return super.put(key, body, options);
    if (this.land) await super.put(key, body, options);
    throw new WriteOutcomeUnknown(`${key}: 500 InternalError`);
  }
}

const FILE = {
  key: 'rpm/repodata/0123-primary.xml.gz',
  bytes: Buffer.from('primary'),
  cacheControl: 'immutable',
};
const noSleep = async (): Promise<void> => undefined;

describe('putContentAddressed', () => {
  it('writes again after a 500 that did not land, and returns once the file is there', async () => {
    const store = new FlakyStore(root, 2, false);
    await putContentAddressed({ store, conditional: true }, FILE, noSleep);
    expect(store.puts).toBe(3);
    expect((await store.get(FILE.key))?.bytes.toString()).toBe('primary');
  });

  it('after a 500 that landed, finds the file there and does not write it again', async () => {
    const store = new FlakyStore(root, 1, true);
    await putContentAddressed({ store, conditional: true }, FILE, noSleep);
    expect(store.puts).toBe(1);
  });

  it('gives up with a UserError naming the file when no write lands', async () => {
    const store = new FlakyStore(root, 100, false);
    const error = await asyncUserErrorOf(putContentAddressed({ store, conditional: true }, FILE, noSleep));
    expect(error.subject).toBe(`package-host: ${FILE.key}`);
    expect(error.problem).toContain('each of 6 writes failed and it is not there');
    expect(await store.head(FILE.key)).toBeUndefined();
  });

  it('refuses a file already there with other content, and leaves it', async () => {
    const store = new DirectoryStore(root);
    await store.put(FILE.key, Buffer.from('something else'));
    const error = await asyncUserErrorOf(putContentAddressed({ store, conditional: true }, FILE));
    expect(error.message).toBe(
      `package-host: ${FILE.key}: holds other content than its name says (14 bytes, expected 7) — delete it (it will be written again with the right content), then run again`,
    );
    expect((await store.get(FILE.key))?.bytes.toString()).toBe('something else');
  });
});
