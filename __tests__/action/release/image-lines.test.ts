import { describe, it, expect } from 'vitest';
import { parseImageLines, type ImageLine } from '../../../src/action/release/image-lines.js';
import { userErrorOf } from '../../fixtures/errors.js';

const falco: ImageLine = { source: 'falco:local', repository: 'falcosecurity/falco', suffix: '' };
const slim: ImageLine = {
  source: 'falco-no-driver:local',
  repository: 'falcosecurity/falco',
  suffix: '-slim',
};
const noDriver: ImageLine = {
  source: 'falco-no-driver:local',
  repository: 'falcosecurity/falco-no-driver',
  suffix: '',
};

describe('parseImageLines', () => {
  it.each<[label: string, text: string, expected: ImageLine[]]>([
    ['empty', '', []],
    ['blank lines only', '\n   \n\t\n', []],
    ['comments only', '# the images\n  # indented comment\n', []],
    ['one line', 'falco:local falcosecurity/falco', [falco]],
    ['surrounding whitespace and tabs', '  falco:local \t falcosecurity/falco  ', [falco]],
    ['suffix option', 'falco-no-driver:local falcosecurity/falco suffix=-slim', [slim]],
    ['trailing comment', 'falco:local falcosecurity/falco # the main image', [falco]],
    ['trailing comment after suffix', 'falco-no-driver:local falcosecurity/falco suffix=-slim #slim', [slim]],
    [
      'comments, blank lines and several lines',
      '# Falco images\n\nfalco:local falcosecurity/falco\n\n# slim\nfalco-no-driver:local falcosecurity/falco suffix=-slim\nfalco-no-driver:local falcosecurity/falco-no-driver\n',
      [falco, slim, noDriver],
    ],
    [
      'CRLF line ends',
      'falco:local falcosecurity/falco\r\nfalco-no-driver:local falcosecurity/falco suffix=-slim\r\n',
      [falco, slim],
    ],
    [
      'a source with a registry port and a digest-like tag',
      'localhost:5000/build/falco:0.26.0-x86_64 falcosecurity/falco',
      [{ source: 'localhost:5000/build/falco:0.26.0-x86_64', repository: 'falcosecurity/falco', suffix: '' }],
    ],
    [
      'a source by image id',
      'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945 falcosecurity/falco',
      [
        {
          source: 'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945',
          repository: 'falcosecurity/falco',
          suffix: '',
        },
      ],
    ],
    [
      'repository separators . _ __ -- and a one-word repository',
      'a my.org/falco_x__y--z\nb falco',
      [
        { source: 'a', repository: 'my.org/falco_x__y--z', suffix: '' },
        { source: 'b', repository: 'falco', suffix: '' },
      ],
    ],
    [
      'the same repository with different suffixes',
      'a falcosecurity/falco\nb falcosecurity/falco suffix=-slim\nc falcosecurity/falco suffix=-debug',
      [
        { source: 'a', repository: 'falcosecurity/falco', suffix: '' },
        { source: 'b', repository: 'falcosecurity/falco', suffix: '-slim' },
        { source: 'c', repository: 'falcosecurity/falco', suffix: '-debug' },
      ],
    ],
    [
      'the same source to several repositories',
      'falco-no-driver:local falcosecurity/falco suffix=-slim\nfalco-no-driver:local falcosecurity/falco-no-driver',
      [slim, noDriver],
    ],
  ])('%s', (_label, text, expected) => {
    expect(parseImageLines(text)).toEqual(expected);
  });

  it.each<[label: string, text: string, where: string, problem: string]>([
    ['missing repository', 'falco:local', 'images (line 1)', "'falco:local' names no repository"],
    [
      'missing repository after comments and blank lines',
      '# images\n\nfalco:local falcosecurity/falco\nfalco-no-driver:local  # slim',
      'images (line 4)',
      "'falco-no-driver:local' names no repository",
    ],
    [
      'uppercase repository',
      'falco:local falcosecurity/Falco',
      'images (line 1)',
      "'falcosecurity/Falco' is not a repository name",
    ],
    [
      'uppercase repository on line 3 with CRLF',
      'a falcosecurity/falco\r\n\r\nb FalcoSecurity/falco-no-driver\r\n',
      'images (line 3)',
      "'FalcoSecurity/falco-no-driver' is not a repository name",
    ],
    ['repository with a tag', 'a falcosecurity/falco:0.26.0', 'images (line 1)', 'is not a repository name'],
    ['repository ending in /', 'a falcosecurity/', 'images (line 1)', 'is not a repository name'],
    ['repository with //', 'a falcosecurity//falco', 'images (line 1)', 'is not a repository name'],
    ['repository starting with -', 'a -falco', 'images (line 1)', 'is not a repository name'],
    [
      'bad suffix character',
      'a falcosecurity/falco suffix=sl!m',
      'images (line 1)',
      "suffix 'sl!m' cannot be part of an image tag",
    ],
    [
      'empty suffix',
      'a falcosecurity/falco suffix=',
      'images (line 1)',
      "suffix '' cannot be part of an image tag",
    ],
    [
      'suffix of 65 characters',
      `a falcosecurity/falco suffix=-${'x'.repeat(64)}`,
      'images (line 1)',
      'cannot be part of an image tag',
    ],
    ['unknown option', 'a falcosecurity/falco tag=x', 'images (line 1)', "unknown option 'tag=x'"],
    [
      'unknown option on line 2',
      'a falcosecurity/falco\nb falcosecurity/falco -slim',
      'images (line 2)',
      "unknown option '-slim'",
    ],
    [
      'option with different case',
      'a falcosecurity/falco Suffix=-slim',
      'images (line 1)',
      "unknown option 'Suffix=-slim'",
    ],
  ])('refuses %s', (_label, text, where, problem) => {
    const error = userErrorOf(() => parseImageLines(text));
    expect(error.subject).toBe(where);
    expect(error.message).toMatch(new RegExp(`^${escapeRegExp(where)}: `));
    expect(error.message).toContain(problem);
  });

  it.each<[label: string, text: string, where: string, problem: string]>([
    [
      'the same repository twice',
      'a falcosecurity/falco\nb falcosecurity/falco',
      'images (line 2)',
      'falcosecurity/falco is listed twice (also on line 1)',
    ],
    [
      'the same repository and suffix twice',
      'a falcosecurity/falco suffix=-slim\n# again\nb falcosecurity/falco suffix=-slim',
      'images (line 3)',
      'falcosecurity/falco with suffix -slim is listed twice (also on line 1)',
    ],
    [
      'the same line twice',
      'falco:local falcosecurity/falco\r\nfalco:local   falcosecurity/falco',
      'images (line 2)',
      'falcosecurity/falco is listed twice (also on line 1)',
    ],
    [
      'a suffix given twice',
      'a falcosecurity/falco suffix=-a suffix=-b',
      'images (line 1)',
      'gives suffix= twice',
    ],
  ])('refuses %s', (_label, text, where, problem) => {
    // The error names the line of the second occurrence and the line of the first.
    const error = userErrorOf(() => parseImageLines(text));
    expect(error.subject).toBe(where);
    expect(error.message).toContain(problem);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
