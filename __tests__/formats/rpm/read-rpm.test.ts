import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { committedRpmSource } from './committed-rpms.js';
import { describeRpmReading } from './read-rpm-suite.js';

// Packages rpmbuild built once, and what rpm and createrepo_c said about them (committed);
// read-rpm.tools.test.ts runs the same tests on packages rpmbuild builds now, asking the tools live.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-rpm-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describeRpmReading(committedRpmSource(() => dir));
