import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README is the first thing a Falco maintainer reads: what to run comes first, its examples are Falco's
// image set of today, and what it says of Falco's own pipeline is true.
const readme = readFileSync('README.md', 'utf8');
const ciRun = readFileSync('.ci/run', 'utf8');

/** The Debian packages an `apt-get install` line (with its continuation lines) names. */
function aptPackages(text: string): string[] {
  const line = /apt-get install(?:[^\n\\]|\\\n)*/.exec(text)?.[0] ?? '';
  return line
    .split(/\s+/)
    .filter((word) => /^[a-z0-9][a-z0-9.+-]+$/.test(word) && !['apt-get', 'install'].includes(word))
    .sort();
}

describe('the README', () => {
  it('shows the commands and the one apt-get line on its first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 40).join('\n');
    for (const command of ['npm ci && npm run demo', 'npm test', 'npm run test:e2e', 'apt-get install']) {
      expect(firstScreen, command).toContain(command);
    }
  });

  it('names the Debian packages .ci/run installs (awscli, for the benchmarks only, aside)', () => {
    const installed = aptPackages(ciRun.slice(ciRun.indexOf('apt-get install')));
    expect(installed.length).toBeGreaterThan(20);
    expect(aptPackages(readme)).toEqual(installed.filter((name) => name !== 'awscli'));
  });

  it("uses Falco's current image set first, and keeps the -slim set as a second example", () => {
    const first = readme.indexOf('images: |');
    const current = readme.slice(first, readme.indexOf('```', first));
    expect(current).toContain('falcosecurity/falco suffix=-debian');
    expect(current).toContain('falcosecurity/falco-driver-loader suffix=-buster');
    expect(current).not.toContain('-slim');
    expect(readme).toContain('falcosecurity/falco suffix=-slim');
  });

  it("says that Falco's publish job signs rpms (rpmsign --resign), not its build", () => {
    expect(readme).toContain('`rpmsign --resign`');
    expect(readme).not.toMatch(/as Falco's build does/);
  });
});
