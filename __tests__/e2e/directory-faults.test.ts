import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DirectoryStore } from '../../src/stores/directory-store.js';

// A publisher killed with SIGKILL (a cancelled job, the OOM killer) in the middle of a write to a
// directory host: its lock and its staged file stay behind. The re-run must neither wait for the stale
// limit nor leave them there.
const SRC = fileURLToPath(new URL('../../src', import.meta.url));

let work: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'directory-faults-'));
  // The writer runs the project's own TypeScript: Node strips the types, this hook maps `.js` imports
  // to their `.ts` files.
  await writeFile(
    join(work, 'hooks.mjs'),
    `export async function resolve(specifier, context, next) {
  try { return await next(specifier, context); } catch (error) {
    if (/^[./]/.test(specifier) && specifier.endsWith('.js')) return next(specifier.slice(0, -3) + '.ts', context);
    throw error;
  }
}
`,
  );
  await writeFile(
    join(work, 'register.mjs'),
    `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
  );
  // Stages new content and takes the lock, as DirectoryStore.put does, then stops there, holding it.
  await writeFile(
    join(work, 'writer.ts'),
    `import { dirname } from 'node:path';
import { stageFile } from '${SRC}/util/atomic-file.js';
import { withFileLock } from '${SRC}/stores/file-lock.js';
import { processTag } from '${SRC}/stores/lock-owner.js';
const path = process.argv[2] ?? '';
await stageFile(path, Buffer.from('the killed run'), dirname(path), processTag());
await withFileLock(path, async () => {
  console.log('holding');
  setInterval(() => undefined, 1000);
  await new Promise(() => undefined);
});
`,
  );
});

afterAll(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

/** Starts the writer on `path` and returns once it holds the lock. */
async function writerHolding(path: string): Promise<ChildProcess> {
  const started = spawn(
    process.execPath,
    [
      '--experimental-transform-types',
      '--no-warnings',
      '--import',
      join(work, 'register.mjs'),
      join(work, 'writer.ts'),
      path,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  started.stdout?.setEncoding('utf8');
  for await (const chunk of started.stdout ?? []) {
    out += String(chunk);
    if (out.includes('holding')) break;
  }
  if (!out.includes('holding')) throw new Error(`the writer stopped before taking the lock: ${out}`);
  return started;
}

describe('a directory host after a writer was killed holding a lock', () => {
  test('the re-run takes the lock at once and leaves no lock or temporary file', async () => {
    const root = join(work, 'host');
    const dir = join(root, 'deb/dists/stable');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'Release'), 'the last release');
    child = await writerHolding(join(dir, 'Release'));
    const names = await readdir(dir);
    expect(names).toContain('.Release.lock');
    expect(names.filter((name) => name.endsWith('.tmp'))).toHaveLength(1);

    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;

    const store = new DirectoryStore(root);
    const current = await store.head('deb/dists/stable/Release');
    await store.put('deb/dists/stable/Release', Buffer.from('the re-run'), { ifMatch: current?.etag ?? '' });
    expect(await readFile(join(dir, 'Release'), 'utf8')).toBe('the re-run');
    expect(await readdir(dir)).toEqual(['Release']);
  });
});
