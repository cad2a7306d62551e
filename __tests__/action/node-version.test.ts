import { describe, expect, it } from 'vitest';
import { failureLine, nodeVersionProblem } from '../../src/action/node-version.js';

describe('the Node.js version check', () => {
  it('accepts Node 24 and later', () => {
    expect(nodeVersionProblem('24.0.0', '/usr/bin/node')).toBeUndefined();
    expect(nodeVersionProblem('24.21.0', '/usr/bin/node')).toBeUndefined();
    expect(nodeVersionProblem('26.1.0', '/usr/bin/node')).toBeUndefined();
  });

  it('says what it needs and what runs, in one line, on an older Node', () => {
    expect(nodeVersionProblem('20.20.2', '/usr/bin/node')).toBe(
      "The Falco release publisher needs Node.js 24 or later (the action's runtime is node24); " +
        'this is Node.js 20.20.2 at /usr/bin/node.',
    );
    expect(nodeVersionProblem('16.20.2', '/opt/node16/bin/node')).toContain('Node.js 16.20.2 at /opt/node16');
    expect(nodeVersionProblem('23.11.1', 'node')).toContain('needs Node.js 24');
  });

  it('fails a step with the ::error:: command on a runner, a plain line elsewhere', () => {
    expect(failureLine('needs 100% of\nit', true)).toBe('::error::needs 100%25 of%0Ait');
    expect(failureLine('needs Node.js 24', false)).toBe('Error: needs Node.js 24');
  });
});
