import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTools } from '../fixtures/tools.js';
import { committedRpm, recordedAnswers } from './committed-rpms.js';
import { describeRpmReading, type RpmName } from './read-rpm-suite.js';
import { buildRpm, createrepoOf, FULL_SPEC, MINIMAL_SPEC, rpmQuery } from './rpm-fixture.js';

useTools('rpmbuild', 'rpm', 'createrepo_c');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-rpm-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The two packages, built when a test first needs them and shared after. */
const builds = new Map<RpmName, Promise<string>>();
const specs: Readonly<Record<RpmName, string>> = { full: FULL_SPEC, minimal: MINIMAL_SPEC };
const built = (name: RpmName): Promise<string> => {
  let file = builds.get(name);
  if (file === undefined) {
    file = buildRpm(dir, name, specs[name]);
    builds.set(name, file);
  }
  return file;
};
let createrepoRuns = 0;

describeRpmReading({
  file: built,
  query: async (name, format) => rpmQuery(await built(name), format),
  createrepo: async (name) => createrepoOf(join(dir, `createrepo-${createrepoRuns++}`), await built(name)),
  dir: () => dir,
});

describe('the committed packages the unit tests read, and the answers recorded about them', () => {
  it.each(['full', 'minimal'] as const)(
    '%s: rpm and createrepo_c answer now what was recorded',
    async (name) => {
      const recorded = recordedAnswers()[name];
      const file = committedRpm(name);
      for (const [format, answer] of Object.entries(recorded.queries)) {
        expect({ format, answer: await rpmQuery(file, format) }).toEqual({ format, answer });
      }
      expect(await createrepoOf(join(dir, `committed-${name}`), file)).toEqual(recorded.createrepo);
    },
  );
});
