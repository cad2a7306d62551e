import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../src/action/inputs.js';
import { INPUT_NAMES } from '../src/action/inputs/input-names.js';
import { outputsOf } from '../src/action/report/outputs.js';
import type { PublishResult } from '../src/action/publish.js';

// Input and output names are a contract with users' workflows: action.yml, the code and the README
// must name the same ones.
const action = readFileSync('action.yml', 'utf8');
const readme = readFileSync('README.md', 'utf8');

/** The keys of a top-level section of action.yml (`inputs:` or `outputs:`). */
function sectionKeys(section: string): string[] {
  const body = action.split(new RegExp(`^${section}:$`, 'm'))[1]?.split(/^\S/m)[0] ?? '';
  return [...body.matchAll(/^ {2}([a-z][a-z0-9-]*):/gm)].map((match) => match[1] ?? '');
}

describe('the action contract', () => {
  it('action.yml declares exactly the inputs the code reads', () => {
    const read = new Set<string>();
    readInputs((name) => {
      read.add(name);
      return name === 'images' ? 'falco:build falcosecurity/falco' : name === 'ref' ? 'refs/tags/0.26.0' : '';
    });
    expect(sectionKeys('inputs').sort()).toEqual([...read].sort());
  });

  it("the list of inputs unknown names are checked against is action.yml's", () => {
    expect([...INPUT_NAMES]).toEqual(sectionKeys('inputs'));
  });

  it('action.yml declares exactly the outputs the code sets', () => {
    const result: PublishResult = {
      release: { version: '0.26.0', channel: 'stable' },
      latest: { latest: true, reason: '' },
      packageVersion: undefined,
      tags: [],
      plan: [],
      dryRun: false,
      images: [],
      changedTags: [],
      packageHost: undefined,
      packages: [],
      repositories: [],
    };
    expect(sectionKeys('outputs').sort()).toEqual(Object.keys(outputsOf(result)).sort());
  });

  it('the README documents every input and output', () => {
    for (const name of [...sectionKeys('inputs'), ...sectionKeys('outputs')]) {
      expect(readme, name).toContain(`\`${name}\``);
    }
  });

  it("the README's outputs table has a row for every output", () => {
    const table = readme.split(/^## Outputs$/m)[1]?.split(/^## /m)[0] ?? '';
    const rows = [...table.matchAll(/^\| `([a-z][a-z0-9-]*)`/gm)].map((match) => match[1] ?? '');
    expect(rows.sort()).toEqual(sectionKeys('outputs').sort());
  });

  it('the issue-given names are all there', () => {
    expect(sectionKeys('inputs')).toEqual(
      expect.arrayContaining([
        'ref',
        'dev-branch',
        'images',
        'image-driver',
        'registry',
        'registry-username',
        'registry-password',
        'latest',
        'packages',
        'package-host',
        'overwrite',
        'dry-run',
      ]),
    );
    expect(sectionKeys('outputs')).toEqual(
      expect.arrayContaining([
        'version',
        'channel',
        'latest',
        'tags',
        'changed-tags',
        'images',
        'packages',
        'package-host',
        'plan',
      ]),
    );
  });
});
