import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STEP_KINDS } from '../src/action/plan/steps.js';
import { parseSource } from '../src/image-drivers/source-spec.js';
import { readInputs } from '../src/action/inputs.js';
import { INPUT_NAMES } from '../src/action/inputs/input-names.js';
import { outputsOf } from '../src/action/report/outputs.js';
import { resultOf } from './fixtures/config.js';

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
    const result = resultOf({ latest: { latest: true, reason: '' } });
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

  it("the names Falco's workflows were written against are all there", () => {
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

  /** An entry's description in a section of action.yml, on one line. */
  function description(section: string, name: string): string {
    const body = action.split(new RegExp(`^${section}:$`, 'm'))[1]?.split(/^\S/m)[0] ?? '';
    const entry = body.split(new RegExp(`^ {2}${name}:$`, 'm'))[1]?.split(/^ {2}\S/m)[0] ?? '';
    return entry.replace(/\s+/g, ' ');
  }

  it("the plan output's description names every kind of step the plan has", () => {
    for (const kind of STEP_KINDS) expect(description('outputs', 'plan'), kind).toContain(kind);
  });

  it("the images input's description names every source form the registry driver reads", () => {
    const text = description('inputs', 'images');
    expect(text).toContain('docker driver');
    for (const source of ['docker://a.io/b:c', 'oci-layout:dir', 'docker-archive:f.tar']) {
      const form = source
        .slice(0, source.indexOf(':') + 1)
        .replace(/:$/, source.startsWith('docker://') ? '://' : ':');
      expect(parseSource(source, '/w').length, source).toBe(1);
      expect(text, form).toContain(`\`${form}`);
    }
  });
});
