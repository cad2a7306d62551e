import { describe, expect, it } from 'vitest';
import { splitEvr } from '../../../src/formats/rpm/rpm-evr.js';
import { rpmvercmp } from '../../../src/formats/rpm/rpm-version.js';
import { toolText, useTools } from '../fixtures/tools.js';

const PAIRS: readonly (readonly [string, string])[] = [
  ['1.0', '1.0'],
  ['1.0', '2.0'],
  ['2.0.1', '2.0'],
  ['2.34', '2.4'],
  ['2.3.4', '2.4'],
  ['1.0a', '1.0'],
  ['1.0', '1.0a'],
  ['a', 'b'],
  ['1a', '1b'],
  ['10', '9'],
  ['010', '10'],
  ['00', '0'],
  ['1.0', '1_0'],
  ['1..0', '1.0'],
  ['1.0~rc1', '1.0'],
  ['1.0~rc1', '1.0~rc2'],
  ['1.0~', '1.0'],
  ['1.0^', '1.0'],
  ['1.0^git1', '1.0'],
  ['1.0^git1', '1.0.1'],
  ['1.0^git1', '1.0^git2'],
  ['1.0^git1', '1.0~rc1'],
  ['0.27.0+12.abc1234', '0.27.0+9.fff'],
  ['1.0', '1.0.'],
  ['.1', '1'],
  ['abc', '1'],
  ['1', 'abc'],
  ['GLIBC_2.2.5', 'GLIBC_2.34'],
  ['1.0é', '1.0'],
];

describe('rpmvercmp (the reader side)', () => {
  useTools('rpm');

  it('orders versions as rpm does', async () => {
    // rpm's own comparison, through its Lua binding: one rpm run for the whole table. The binding
    // parses each side as [epoch:]version[-release], so the table has no `:`, `-` or empty versions.
    const calls = PAIRS.map(
      ([a, b]) => `print(rpm.vercmp(${JSON.stringify(a)}, ${JSON.stringify(b)}) .. ' ')`,
    );
    const expected = (await toolText('rpm', ['--eval', `%{lua: ${calls.join(' ')}}`]))
      .trim()
      .split(/\s+/)
      .map(Number);
    expect(expected).toHaveLength(PAIRS.length);
    expect(PAIRS.map(([a, b]) => Math.sign(rpmvercmp(a, b)))).toEqual(expected);
  });
});

describe('splitEvr', () => {
  it('splits as createrepo_c does: epoch 0 when none, version to the first dash', () => {
    expect(splitEvr('')).toEqual({});
    expect(splitEvr('1:2.3-4')).toEqual({ epoch: '1', version: '2.3', release: '4' });
    expect(splitEvr('2.3')).toEqual({ epoch: '0', version: '2.3' });
    expect(splitEvr('2.3-')).toEqual({ epoch: '0', version: '2.3' });
    expect(splitEvr(':2.3')).toEqual({ epoch: '0', version: '2.3' });
    expect(splitEvr('0.27.0-12+abc-1')).toEqual({ epoch: '0', version: '0.27.0', release: '12+abc-1' });
    expect(splitEvr('x:1.0')).toBeUndefined();
    expect(splitEvr('1x:1.0')).toBeUndefined();
  });
});
