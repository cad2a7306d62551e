// The version table the unit tests use, checked against rpm itself (its Lua rpm.vercmp is rpmvercmp).
import { beforeAll, describe, expect, it } from 'vitest';
import { RPM_VERSION_CASES } from './rpm-version-cases.js';
import { requireTools, run } from './rpm-tools.js';

let answers: number[];

beforeAll(() => {
  requireTools('rpm');
  const calls = RPM_VERSION_CASES.map(
    ([a, b]) => `print(rpm.vercmp(${JSON.stringify(a)}, ${JSON.stringify(b)}) .. "\\n")`,
  );
  answers = run('rpm', ['--eval', `%{lua: ${calls.join(' ')}}`])
    .trim()
    .split('\n')
    .map(Number);
});

describe('the RPM version table agrees with rpm.vercmp', () => {
  it.each(RPM_VERSION_CASES.map((row, index) => [...row, index] as const))(
    '%s vs %s',
    (_a, _b, order, index) => {
      expect(Math.sign(answers[index] ?? NaN)).toBe(order);
    },
  );
});
