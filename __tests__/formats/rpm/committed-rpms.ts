import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Repodata } from './rpm-fixture.js';
import type { RpmName, RpmSource } from './read-rpm-suite.js';

/**
 * FULL_SPEC's and MINIMAL_SPEC's packages as rpmbuild built them once (`buildRpm` in rpm-fixture.ts),
 * committed under __tests__/fixtures/rpm/ with what `rpm -qp --queryformat` and createrepo_c said about
 * them (answers.json), so the unit tests compare readRpm with the real tools without running them.
 * read-rpm.tools.test.ts checks the tools still say exactly that.
 */
export const COMMITTED_RPMS: Readonly<Record<RpmName, string>> = {
  full: 'falco-test-0.27.0-12+abc1234.x86_64.rpm',
  minimal: 'falco-minimal-1.0-1.x86_64.rpm',
};

export interface RecordedAnswers {
  readonly queries: Readonly<Record<string, string>>;
  readonly createrepo: Repodata;
}

export type Answers = Readonly<Record<RpmName, RecordedAnswers>>;

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/rpm/${name}`, import.meta.url));

export const committedRpm = (name: RpmName): string => fixture(COMMITTED_RPMS[name]);

export const ANSWERS_FILE = fixture('answers.json');

export function recordedAnswers(): Answers {
  return JSON.parse(readFileSync(ANSWERS_FILE, 'utf8')) as Answers;
}

/** The committed packages, and the tools' recorded answers about them; a query never recorded fails. */
export function committedRpmSource(dir: () => string): RpmSource {
  const answers = recordedAnswers();
  return {
    file: async (name) => committedRpm(name),
    query: async (name, format) => {
      const answer = answers[name].queries[format];
      if (answer === undefined)
        throw new Error(`no recorded answer of rpm -qp --queryformat '${format}' for ${name}`);
      return answer;
    },
    createrepo: async (name) => answers[name].createrepo,
    dir,
  };
}
