import { describe, expect, it } from 'vitest';
import { parseControl } from '../../../src/formats/deb/control-paragraph.js';
import { userErrorOf } from '../../fixtures/errors.js';

// What dpkg-deb itself refuses to build cannot come from the real tool: these cases are hand-written.
const SUBJECT = 'packages: x.deb';
const HEAD = 'Package: falco\nVersion: 1.0\nArchitecture: amd64\n';

describe('parseControl', () => {
  it('keeps field order and names as written, with shortcuts looked up case-blind', () => {
    const control = parseControl('package: falco\nARCHITECTURE: all\nVersion: 0.1\nX-Custom: yes\n', SUBJECT);
    expect(control.fields).toEqual([
      ['package', 'falco'],
      ['ARCHITECTURE', 'all'],
      ['Version', '0.1'],
      ['X-Custom', 'yes'],
    ]);
    expect(control).toMatchObject({ package: 'falco', version: '0.1', architecture: 'all' });
  });

  it('skips blank lines before the paragraph and takes a file without a final newline', () => {
    expect(parseControl(`\n\n${HEAD.trimEnd()}`, SUBJECT).fields).toHaveLength(3);
    expect(parseControl(`${HEAD}\n\n`, SUBJECT).fields).toHaveLength(3);
  });

  it('takes a value without a blank after the colon, and a colon inside a value', () => {
    const control = parseControl(`${HEAD}Homepage:https://falco.org:443/x\n`, SUBJECT);
    expect(control.fields.at(-1)).toEqual(['Homepage', 'https://falco.org:443/x']);
  });

  it('refuses a second paragraph, a stray line, a leading continuation and a repeated field', () => {
    const problem = (text: string): string => userErrorOf(() => parseControl(text, SUBJECT)).problem;
    expect(problem(`${HEAD}\nPackage: other\n`)).toBe('control file has more than one paragraph (line 5)');
    expect(problem(`${HEAD}not a field\n`)).toBe('control file line 4 is not "Field: value": not a field');
    expect(problem(` indented\n${HEAD}`)).toBe('control file starts with a continuation line (line 1)');
    expect(problem(`${HEAD}version: 2.0\n`)).toBe('control file has the field version twice (line 4)');
    expect(problem(`${HEAD}# a comment\n`)).toMatch(/line 4 is not "Field: value"/);
  });

  it('refuses a missing or empty Package, Version or Architecture', () => {
    const error = userErrorOf(() => parseControl('Package: falco\nVersion:\nArchitecture: all\n', SUBJECT));
    expect(error.subject).toBe(SUBJECT);
    expect(error.problem).toBe('control file has no Version field');
    expect(userErrorOf(() => parseControl('Version: 1\nArchitecture: all\n', SUBJECT)).problem).toBe(
      'control file has no Package field',
    );
  });

  // APT writes the architecture into paths (binary-<arch>/) and the Release's Architectures list.
  it.each(['amd64 arm64', 'x/../..', '../../etc', 'AMD64', '-amd64'])(
    'refuses the Architecture %j, naming the file and the field',
    (architecture) => {
      const error = userErrorOf(() =>
        parseControl(`Package: falco\nVersion: 1.0\nArchitecture: ${architecture}\n`, SUBJECT),
      );
      expect(error.subject).toBe(SUBJECT);
      expect(error.problem).toBe(
        `control file Architecture '${architecture}' is not an architecture (one Debian architecture name such as amd64, arm64 or all)`,
      );
    },
  );

  it('takes the architectures dpkg names', () => {
    for (const architecture of ['amd64', 'arm64', 'all', 'musl-linux-amd64', 'armhf']) {
      expect(
        parseControl(`Package: falco\nVersion: 1.0\nArchitecture: ${architecture}\n`, SUBJECT),
      ).toMatchObject({
        architecture,
      });
    }
  });
});
