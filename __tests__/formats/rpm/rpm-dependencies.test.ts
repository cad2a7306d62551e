import { describe, expect, it } from 'vitest';
import { dependenciesOf } from '../../../src/formats/rpm/rpm-dependencies.js';
import { isPrimaryFile } from '../../../src/formats/rpm/primary-files.js';
import { parseHeader } from '../../../src/formats/rpm/rpm-header.js';
import { Sense, Tag } from '../../../src/formats/rpm/rpm-tags.js';
import { headerBytes, type HeaderValue } from './header-fixture.js';

// createrepo_c's rules on inputs rpmbuild will not write (it merges repeats, refuses bad epochs);
// read-rpm.test.ts checks the same rules against createrepo_c on a real package.

type Raw = readonly [name: string, flags: number, version: string];

function header(provides: readonly Raw[], requires: readonly Raw[]): ReturnType<typeof parseHeader> {
  const entries = new Map<number, HeaderValue>();
  const add = (list: readonly Raw[], name: number, flags: number, version: number): void => {
    entries.set(name, { type: 'stringArray', values: list.map(([n]) => n) });
    entries.set(flags, { type: 'int32', values: list.map(([, f]) => f) });
    entries.set(version, { type: 'stringArray', values: list.map(([, , v]) => v) });
  };
  add(provides, Tag.provideName, Tag.provideFlags, Tag.provideVersion);
  add(requires, Tag.requireName, Tag.requireFlags, Tag.requireVersion);
  return parseHeader(headerBytes(entries), 'packages: x.rpm', 'main header');
}

const GE = Sense.greater | Sense.equal;

describe('dependenciesOf', () => {
  it('drops a require that repeats the last one of its name, keeps it when flags, version or pre differ', () => {
    const { requires } = dependenciesOf(
      header(
        [],
        [
          ['bash', GE, '4.0'],
          ['bash', GE, '4.0'],
          ['bash', GE, '5.0'],
          ['bash', GE, '4.0'],
          ['bash', GE | Sense.scriptPre, '4.0'],
        ],
      ),
      new Set(),
    );
    expect(requires.map((d) => [d.version, d.pre ?? false])).toEqual([
      ['4.0', false],
      ['5.0', false],
      ['4.0', false],
      ['4.0', true],
    ]);
  });

  it('marks legacy PreReq and script requires as pre, not preun', () => {
    const { requires } = dependenciesOf(
      header(
        [],
        [
          ['a', Sense.prereq, ''],
          ['b', Sense.scriptPost, ''],
          ['c', 1 << 11, ''], // RPMSENSE_SCRIPT_PREUN
        ],
      ),
      new Set(),
    );
    expect(requires).toEqual([{ name: 'a', pre: true }, { name: 'b', pre: true }, { name: 'c' }]);
  });

  it('leaves out a dependency whose epoch is not a number, and gives no comparison for a mix of < and >', () => {
    const { provides, requires } = dependenciesOf(
      header(
        [
          ['odd', Sense.less | Sense.greater, '1.0'],
          ['bad', Sense.equal, 'x1:1.0'],
        ],
        [['bad', Sense.equal, 'abc:2']],
      ),
      new Set(),
    );
    expect(provides).toEqual([{ name: 'odd', epoch: '0', version: '1.0' }]);
    expect(requires).toEqual([]);
  });

  it('drops a require only when it is provided with the same comparison and version', () => {
    const { requires } = dependenciesOf(
      header(
        [['cap', Sense.equal, '1.0']],
        [
          ['cap', Sense.equal, '1.0'],
          ['cap', GE, '1.0'],
          ['cap', Sense.equal, '2.0'],
        ],
      ),
      new Set(),
    );
    expect(requires.map((d) => `${d.flags} ${d.version}`)).toEqual(['GE 1.0', 'EQ 2.0']);
  });

  it('drops its own files only when primary.xml lists them', () => {
    const own = new Set(['/usr/sbin/falcoctl', '/usr/share/falco/x', '/etc/falco/falco.yaml']);
    const { requires } = dependenciesOf(
      header(
        [],
        [
          ['/usr/sbin/falcoctl', 0, ''],
          ['/usr/share/falco/x', 0, ''],
          ['/etc/falco/falco.yaml', 0, ''],
          ['/usr/bin/other', 0, ''],
        ],
      ),
      own,
    );
    expect(requires.map((d) => d.name)).toEqual(['/usr/share/falco/x', '/usr/bin/other']);
    expect(['/etc/x', '/opt/x/sbin/y', '/usr/lib/sendmail', '/bin/sh'].every(isPrimaryFile)).toBe(true);
    expect(['/usr/share/x', '/etc', '/usr/lib/sendmail.d/x'].some(isPrimaryFile)).toBe(false);
  });

  it('keeps the one libc.so.6 require with the highest GLIBC version, last', () => {
    const libc = (versions: readonly string[]): string[] =>
      dependenciesOf(
        header([], [...versions.map((v): Raw => [v, 0, '']), ['zlib', 0, '']]),
        new Set(),
      ).requires.map((d) => d.name);
    expect(
      libc(['libc.so.6()(64bit)', 'libc.so.6(GLIBC_2.34)(64bit)', 'libc.so.6(GLIBC_2.4)(64bit)']),
    ).toEqual(['zlib', 'libc.so.6(GLIBC_2.34)(64bit)']);
    expect(libc(['libc.so.6(GLIBC_2.4)', 'libc.so.6(GLIBC_2.3.4)(64bit)', 'libc.so.6'])).toEqual([
      'zlib',
      'libc.so.6(GLIBC_2.4)',
    ]);
    expect(libc(['libc.so.6', 'libc.so.6()'])).toEqual(['zlib', 'libc.so.6()']);
  });
});
