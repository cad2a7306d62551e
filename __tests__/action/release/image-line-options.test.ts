import { describe, expect, it } from 'vitest';
import { parseImageLines, type ImageLine } from '../../../src/action/release/image-lines.js';
import { userErrorOf } from '../../fixtures/errors.js';

describe('parseImageLines: tags= and floating=', () => {
  it.each<[label: string, text: string, expected: ImageLine[]]>([
    [
      'one fixed tag',
      'falco-builder:build falcosecurity/falco-builder tags=latest',
      [
        {
          source: 'falco-builder:build',
          repository: 'falcosecurity/falco-builder',
          suffix: '',
          fixedTags: ['latest'],
        },
      ],
    ],
    [
      'several fixed tags, in the order given',
      'falco-tester:build falcosecurity/falco-tester tags=latest,stable,v2_x86-64',
      [
        {
          source: 'falco-tester:build',
          repository: 'falcosecurity/falco-tester',
          suffix: '',
          fixedTags: ['latest', 'stable', 'v2_x86-64'],
        },
      ],
    ],
    [
      'floating=major,minor',
      'falco:build falcosecurity/falco floating=major,minor',
      [
        {
          source: 'falco:build',
          repository: 'falcosecurity/falco',
          suffix: '',
          floating: ['major', 'minor'],
        },
      ],
    ],
    [
      'floating=minor,major (any order)',
      'falco:build falcosecurity/falco floating=minor,major',
      [
        {
          source: 'falco:build',
          repository: 'falcosecurity/falco',
          suffix: '',
          floating: ['major', 'minor'],
        },
      ],
    ],
    [
      'floating=minor with a suffix, options in any order',
      'falco-debian:build falcosecurity/falco floating=minor suffix=-debian',
      [
        {
          source: 'falco-debian:build',
          repository: 'falcosecurity/falco',
          suffix: '-debian',
          floating: ['minor'],
        },
      ],
    ],
    [
      'a tags= line beside the versioned lines of its repository, and of its source',
      'falco:build falcosecurity/falco floating=major\nfalco:build falcosecurity/falco tags=stable # also',
      [
        { source: 'falco:build', repository: 'falcosecurity/falco', suffix: '', floating: ['major'] },
        { source: 'falco:build', repository: 'falcosecurity/falco', suffix: '', fixedTags: ['stable'] },
      ],
    ],
    [
      'two tags= lines of one repository with different tags',
      'a falcosecurity/falco-builder tags=latest\nb falcosecurity/falco-builder tags=arm64',
      [
        { source: 'a', repository: 'falcosecurity/falco-builder', suffix: '', fixedTags: ['latest'] },
        { source: 'b', repository: 'falcosecurity/falco-builder', suffix: '', fixedTags: ['arm64'] },
      ],
    ],
    [
      'a version-like fixed tag in a repository that has no versioned line',
      'a falcosecurity/falco-builder tags=0.1,latest',
      [{ source: 'a', repository: 'falcosecurity/falco-builder', suffix: '', fixedTags: ['0.1', 'latest'] }],
    ],
    [
      'a fixed tag latest-slim beside a bare versioned line (its latest is bare)',
      'a falcosecurity/falco\nb falcosecurity/falco tags=latest-slim',
      [
        { source: 'a', repository: 'falcosecurity/falco', suffix: '' },
        { source: 'b', repository: 'falcosecurity/falco', suffix: '', fixedTags: ['latest-slim'] },
      ],
    ],
  ])('%s', (_label, text, expected) => {
    expect(parseImageLines(text)).toEqual(expected);
  });

  it.each<[label: string, text: string, where: string, problem: string]>([
    [
      'an empty tags=',
      'a falcosecurity/falco-builder tags=',
      'images (line 1)',
      "tags= has an empty tag in ''",
    ],
    [
      'an empty tag among others',
      'a falcosecurity/falco-builder tags=latest,,x',
      'images (line 1)',
      'has an empty tag',
    ],
    ['a trailing comma', 'a falcosecurity/falco-builder tags=latest,', 'images (line 1)', 'has an empty tag'],
    [
      'a tag with a colon',
      'a falcosecurity/falco-builder tags=v1:x',
      'images (line 1)',
      "'v1:x', which is not an image tag",
    ],
    [
      'a tag starting with -',
      'a falcosecurity/falco-builder tags=-x',
      'images (line 1)',
      "'-x', which is not an image tag",
    ],
    [
      'a tag with +',
      'a falcosecurity/falco-builder tags=1.0.0+b',
      'images (line 1)',
      "'1.0.0+b', which is not",
    ],
    [
      'a tag of 129 characters',
      `a r tags=${'x'.repeat(129)}`,
      'images (line 1)',
      'which is not an image tag',
    ],
    [
      'a tag twice on one line',
      'a falcosecurity/falco-builder tags=latest,latest',
      'images (line 1)',
      "names 'latest' twice",
    ],
    ['tags= twice', 'a r tags=a tags=b', 'images (line 1)', 'gives tags= twice'],
    ['tags= with suffix=', 'a r tags=latest suffix=-slim', 'images (line 1)', 'gives tags= with suffix='],
    [
      'tags= with floating=',
      'a r floating=major tags=latest',
      'images (line 1)',
      'gives tags= with floating=',
    ],
    ['floating= naming patch', 'a r floating=patch', 'images (line 1)', "floating= names 'patch'"],
    ['an empty floating=', 'a r floating=', 'images (line 1)', "floating= names ''"],
    ['floating= in capitals', 'a r floating=Major', 'images (line 1)', "floating= names 'Major'"],
    ['a series twice', 'a r floating=minor,minor', 'images (line 1)', 'names a series twice'],
    ['floating= twice', 'a r floating=minor floating=major', 'images (line 1)', 'gives floating= twice'],
    [
      'one tag on two tags= lines',
      'a falcosecurity/falco-builder tags=latest\n\nb falcosecurity/falco-builder tags=x,latest',
      'images (line 3)',
      'falcosecurity/falco-builder:latest is listed twice (also on line 1)',
    ],
    [
      'a fixed latest in a repository whose versioned line moves latest',
      'a falcosecurity/falco\nb falcosecurity/falco tags=latest',
      'images (line 2)',
      "tags= names 'latest', a latest tag of falcosecurity/falco that line 1 publishes by release",
    ],
    [
      'a fixed latest-slim beside a -slim line',
      'b falcosecurity/falco tags=stable,latest-slim\na falcosecurity/falco suffix=-slim',
      'images (line 1)',
      "'latest-slim', a latest tag of falcosecurity/falco that line 2 publishes",
    ],
    [
      'a fixed series tag beside a versioned line',
      'a falcosecurity/falco floating=minor\nb falcosecurity/falco tags=0.39',
      'images (line 2)',
      "'0.39', a version tag",
    ],
    [
      'a fixed version tag beside a versioned line',
      'a falcosecurity/falco\nb falcosecurity/falco tags=v0.26.0',
      'images (line 2)',
      "'v0.26.0', a version tag",
    ],
    [
      'a fixed prerelease tag with the suffix of a versioned line',
      'a falcosecurity/falco suffix=-debian\nb falcosecurity/falco tags=0.27.0-rc1-debian',
      'images (line 2)',
      "'0.27.0-rc1-debian', a version tag",
    ],
  ])('refuses %s', (_label, text, where, problem) => {
    const error = userErrorOf(() => parseImageLines(text));
    expect(error.subject).toBe(where);
    expect(error.message).toContain(problem);
  });
});
