import { describe, expect, it } from 'vitest';
import { headerShape, parseHeader } from '../../../src/formats/rpm/rpm-header.js';
import { userErrorOf } from '../../fixtures/errors.js';
import { headerBytes, type HeaderValue } from './header-fixture.js';

const SUBJECT = 'packages: x.rpm';

function header(entries: Record<number, HeaderValue>): Buffer {
  return headerBytes(new Map(Object.entries(entries).map(([tag, value]) => [Number(tag), value])));
}

describe('parseHeader', () => {
  // rpmbuild writes INT16, INT32, STRING, STRING_ARRAY and I18NSTRING in every package (read-rpm.test.ts);
  // the rest only in rare packages (64-bit sizes past 4 GiB), so they are hand-made here.
  it('reads every integer type unsigned, 64-bit values included', () => {
    const parsed = parseHeader(
      header({
        1: { type: 'int8', values: [0, 255] },
        2: { type: 'int16', values: [0o40755, 0xffff] },
        3: { type: 'int32', values: [0xffffffff, 7] },
        4: { type: 'int64', values: [5_000_000_000n, 2n ** 53n - 1n] },
      }),
      SUBJECT,
      'main header',
    );
    expect(parsed.numbers(1)).toEqual([0, 255]);
    expect(parsed.numbers(2)).toEqual([0o40755, 0xffff]);
    expect(parsed.number(3)).toBe(0xffffffff);
    expect(parsed.numbers(4)).toEqual([5_000_000_000, Number.MAX_SAFE_INTEGER]);
    expect(parsed.number(99)).toBeUndefined();
    expect(parsed.has(4)).toBe(true);
  });

  it('reads strings, string arrays and the untranslated text of an I18N string', () => {
    const parsed = parseHeader(
      header({
        1: { type: 'string', value: 'falcó' },
        2: { type: 'stringArray', values: ['a', '', 'c'] },
        3: { type: 'i18nString', values: ['Summary', 'Résumé'] },
      }),
      SUBJECT,
      'main header',
    );
    expect(parsed.string(1)).toBe('falcó');
    expect(parsed.strings(1)).toEqual(['falcó']);
    expect(parsed.strings(2)).toEqual(['a', '', 'c']);
    expect(parsed.string(3)).toBe('Summary');
    expect(parsed.strings(99)).toBeUndefined();
  });

  it('refuses values past the data store, a type mismatch and a 64-bit value beyond 2^53', () => {
    const bytes = header({ 1: { type: 'int32', values: [1, 2] }, 2: { type: 'string', value: 'x' } });
    const problem = (damaged: Buffer, read: (h: ReturnType<typeof parseHeader>) => unknown): string =>
      userErrorOf(() => read(parseHeader(damaged, SUBJECT, 'main header'))).problem;

    const count = Buffer.from(bytes);
    count.writeUInt32BE(1000, 16 + 12); // tag 1 claims 1000 values
    expect(problem(count, (h) => h.numbers(1))).toBe('has a damaged main header: tag 1 points past the data');

    const unterminated = Buffer.from(bytes.subarray(0, bytes.length - 1)); // the string loses its NUL
    unterminated.writeUInt32BE(unterminated.readUInt32BE(12) - 1, 12);
    expect(problem(unterminated, (h) => h.string(2))).toBe(
      'has a damaged main header: tag 2 has a string that runs past the data',
    );
    expect(problem(bytes, (h) => h.string(1))).toBe(
      'has a damaged main header: tag 1 has type 4, not a string',
    );
    expect(problem(bytes, (h) => h.number(2))).toBe(
      'has a damaged main header: tag 2 has type 6, not a number',
    );
    const huge = header({ 1: { type: 'int64', values: [2n ** 60n] } });
    expect(problem(huge, (h) => h.number(1))).toMatch(/tag 1 holds 1152921504606846976, beyond 2\^53/);
  });

  it('sizes a header from its intro and refuses a bad magic or absurd counts', () => {
    const bytes = header({ 1: { type: 'string', value: 'abc' } });
    expect(headerShape(bytes.subarray(0, 16), SUBJECT, 'signature header')).toEqual({
      entries: 1,
      dataSize: 4,
      size: bytes.length,
    });
    const badMagic = Buffer.from(bytes);
    badMagic[0] = 0;
    expect(userErrorOf(() => headerShape(badMagic, SUBJECT, 'signature header')).problem).toBe(
      'has no valid signature header (bad header magic)',
    );
    const absurd = Buffer.from(bytes);
    absurd.writeUInt32BE(0x10000, 8);
    expect(userErrorOf(() => headerShape(absurd, SUBJECT, 'main header')).problem).toBe(
      'has a damaged main header (65536 entries, 4 data bytes)',
    );
  });
});
