// The version table the unit tests use, checked against dpkg itself: our order is dpkg's, not ours.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { DEBIAN_VERSION_CASES } from './debian-version-cases.js';
import { requireTools } from './debian-tools.js';

/** dpkg --compare-versions answers by exit status. */
function dpkgOrder(a: string, b: string): -1 | 0 | 1 {
  const holds = (relation: string): boolean => {
    try {
      execFileSync('dpkg', ['--compare-versions', a, relation, b], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  return holds('lt') ? -1 : holds('eq') ? 0 : 1;
}

beforeAll(() => requireTools('dpkg'));

describe('the Debian version table agrees with dpkg --compare-versions', () => {
  it.each(DEBIAN_VERSION_CASES)('%s vs %s', (a, b, order) => {
    expect(dpkgOrder(a, b)).toBe(order);
  });
});
