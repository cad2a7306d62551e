import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// .env.example is how a maintainer first runs the action locally: it must list every input of action.yml,
// spelled as a runner passes it, and point at what the demo makes.
const action = readFileSync('action.yml', 'utf8');
const example = readFileSync('.env.example', 'utf8');
const demo = readFileSync('scripts/demo.mjs', 'utf8');

const inputs = [
  ...(action.split(/^inputs:$/m)[1]?.split(/^\S/m)[0] ?? '').matchAll(/^ {2}([a-z][a-z0-9-]*):/gm),
].map((match) => match[1] ?? '');
const assigned = new Map(
  [...example.matchAll(/^INPUT_([A-Z0-9-]+)=(.*)$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']),
);

describe('.env.example', () => {
  it('sets every input of action.yml, and nothing else, as INPUT_<NAME> with hyphens kept', () => {
    expect(inputs.length).toBeGreaterThan(10);
    expect([...assigned.keys()].sort()).toEqual(inputs.map((name) => name.toUpperCase()).sort());
  });

  it("publishes to the demo's package host, from the demo's packages", () => {
    const host = /'package-host': '([^']+)'/.exec(demo)?.[1];
    expect(host).toBeDefined();
    expect(assigned.get('PACKAGE-HOST')).toBe(host);
    expect(assigned.get('PACKAGES')).toBe(/packages: '([^']+)'/.exec(demo)?.[1]);
  });

  it('is a dry run', () => {
    expect(assigned.get('DRY-RUN')).toBe('true');
  });
});
