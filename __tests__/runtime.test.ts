import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The action runs on GitHub's node24 runtime; the tests must run on the same major version.
describe('runtime', () => {
  it('tests run under Node 24', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(24);
  });

  it('action.yml runs the committed bundle on node24', () => {
    const action = readFileSync('action.yml', 'utf8');
    expect(action).toMatch(/^\s+using: node24$/m);
    expect(action).toMatch(/^\s+main: dist\/index\.js$/m);
  });
});
