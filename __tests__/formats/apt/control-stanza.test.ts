import { describe, expect, it } from 'vitest';
import {
  fieldValue,
  parseStanzas,
  renderStanza,
  type Field,
} from '../../../src/formats/apt/control-stanza.js';

describe('parseStanzas', () => {
  it('reads fields in order, continuation lines verbatim, stanzas split by blank lines', () => {
    const text = [
      'Package: falco',
      'Description: short',
      ' long line',
      ' .',
      '  indented',
      '',
      '',
      'Package: other',
      'Empty:',
      'Later:',
      ' starts on the next line',
      '',
    ].join('\n');
    expect(parseStanzas(text)).toEqual([
      [
        ['Package', 'falco'],
        ['Description', 'short\n long line\n .\n  indented'],
      ],
      [
        ['Package', 'other'],
        ['Empty', ''],
        ['Later', '\n starts on the next line'],
      ],
    ]);
  });

  it.each<[string, string, Field[][]]>([
    [
      'CRLF line ends',
      'A: 1\r\nB: 2\r\n\r\nA: 3\r\n',
      [
        [
          ['A', '1'],
          ['B', '2'],
        ],
        [['A', '3']],
      ],
    ],
    ['whitespace-only separator lines', 'A: 1\n \t\nA: 2', [[['A', '1']], [['A', '2']]]],
    ['spaces around a value', 'A:   1  \n', [[['A', '1']]]],
    ['a colon in the value', 'Depends: a (>= 1:2.0)\n', [[['Depends', 'a (>= 1:2.0)']]]],
    ['a tab continuation', 'A: 1\n\tmore\n', [[['A', '1\n\tmore']]]],
    ['nothing', '', []],
    ['only blank lines', '\n\n\n', []],
  ])('handles %s', (_, text, expected) => {
    expect(parseStanzas(text)).toEqual(expected);
  });

  it.each([
    [' starts with a continuation', 'line 1: a continuation line with no field before it'],
    ['Package: a\nno colon here', "line 2: 'no colon here' is not a 'Name: value' field"],
    [': no name', "line 1: ': no name' is not a 'Name: value' field"],
  ])('refuses %j', (text, problem) => {
    expect(() => parseStanzas(text)).toThrow(problem);
  });
});

describe('renderStanza', () => {
  it('writes one line per field, and a value with an empty first line from the next line', () => {
    const fields: Field[] = [
      ['Package', 'falco'],
      ['Empty', ''],
      ['MD5Sum', '\n abc 1 main/binary-amd64/Packages'],
      ['Description', 'short\n long\n .\n more'],
    ];
    const text = renderStanza(fields);
    expect(text).toBe(
      'Package: falco\nEmpty:\nMD5Sum:\n abc 1 main/binary-amd64/Packages\nDescription: short\n long\n .\n more\n',
    );
    expect(parseStanzas(text)).toEqual([fields]);
  });
});

describe('fieldValue', () => {
  it('finds a field whatever its case', () => {
    const fields: Field[] = [['Installed-Size', '4']];
    expect(fieldValue(fields, 'installed-size')).toBe('4');
    expect(fieldValue(fields, 'INSTALLED-SIZE')).toBe('4');
    expect(fieldValue(fields, 'Size')).toBeUndefined();
  });
});
