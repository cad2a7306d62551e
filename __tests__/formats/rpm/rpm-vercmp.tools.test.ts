// The rpmvercmp table the unit tests use, and our rpmvercmp, checked against rpm itself.
import { describe, expect, it } from 'vitest';
import { rpmvercmp } from '../../../src/formats/rpm/rpm-version.js';
import { toolText, useTools } from '../fixtures/tools.js';
import { RPMVERCMP_CASES } from './rpmvercmp-cases.js';

describe('rpmvercmp (the reader side)', () => {
  useTools('rpm');

  it('orders versions as rpm does', async () => {
    // rpm's own comparison, through its Lua binding: one rpm run for the whole table.
    const calls = RPMVERCMP_CASES.map(
      ([a, b]) => `print(rpm.vercmp(${JSON.stringify(a)}, ${JSON.stringify(b)}) .. ' ')`,
    );
    const expected = (await toolText('rpm', ['--eval', `%{lua: ${calls.join(' ')}}`]))
      .trim()
      .split(/\s+/)
      .map((answer) => Math.sign(Number(answer)));
    expect(expected).toHaveLength(RPMVERCMP_CASES.length);
    expect(RPMVERCMP_CASES.map(([a, b]) => Math.sign(rpmvercmp(a, b)))).toEqual(expected);
    // The table the unit test checks says what rpm says.
    expect(RPMVERCMP_CASES.map(([, , order]) => order)).toEqual(expected);
  });
});
