/**
 * Pairs of version strings and how rpm orders them (-1: the first is older), as rpm's Lua binding
 * `rpm.vercmp` answered: separators, tildes, carets, leading zeros, letters against digits, non-ASCII.
 * The binding parses each side as [epoch:]version[-release], so the table has no `:`, `-` or empty
 * versions. The unit test checks our rpmvercmp against this table; the tools test checks the table
 * against rpm itself.
 */
export const RPMVERCMP_CASES: readonly (readonly [a: string, b: string, order: -1 | 0 | 1])[] = [
  ['1.0', '1.0', 0],
  ['1.0', '2.0', -1],
  ['2.0.1', '2.0', 1],
  ['2.34', '2.4', 1],
  ['2.3.4', '2.4', -1],
  ['1.0a', '1.0', 1],
  ['1.0', '1.0a', -1],
  ['a', 'b', -1],
  ['1a', '1b', -1],
  ['10', '9', 1],
  ['010', '10', 0],
  ['00', '0', 0],
  ['1.0', '1_0', 0],
  ['1..0', '1.0', 0],
  ['1.0~rc1', '1.0', -1],
  ['1.0~rc1', '1.0~rc2', -1],
  ['1.0~', '1.0', -1],
  ['1.0^', '1.0', 1],
  ['1.0^git1', '1.0', 1],
  ['1.0^git1', '1.0.1', -1],
  ['1.0^git1', '1.0^git2', -1],
  ['1.0^git1', '1.0~rc1', 1],
  ['0.27.0+12.abc1234', '0.27.0+9.fff', 1],
  ['1.0', '1.0.', 0],
  ['.1', '1', 0],
  ['abc', '1', -1],
  ['1', 'abc', 1],
  ['GLIBC_2.2.5', 'GLIBC_2.34', -1],
  ['1.0é', '1.0', 0],
];
