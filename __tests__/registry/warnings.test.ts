import { describe, expect, it } from 'vitest';
import { parseWarnings } from '../../src/registry/warnings.js';

describe('parseWarnings', () => {
  it.each<[header: string | string[] | undefined, texts: string[]]>([
    ['299 - "this repository is deprecated"', ['this repository is deprecated']],
    ['299 - "a", 299 registry.example "b, with a comma"', ['a', 'b, with a comma']],
    [
      ['299 - "one"', '299 - "two \\"quoted\\""'],
      ['one', 'two "quoted"'],
    ],
    ['299 - "dated" "Sat, 01 Mar 2026 12:00:00 GMT"', ['dated']],
    [undefined, []],
    ['garbage', []],
  ])('%j → %j', (header, texts) => {
    expect(parseWarnings(header)).toEqual(texts);
  });
});
