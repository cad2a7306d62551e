import { describe, expect, it } from 'vitest';
import { statementBytes, type Statement } from '../../src/signing/in-toto.js';
import { runnerContext } from '../../src/signing/provenance-context.js';
import { packageSubject } from '../../src/signing/provenance-subjects.js';
import { provenanceStatement } from '../../src/signing/provenance.js';
import { DEB_SHA256, RELEASE_ENV } from './provenance-fixture.js';

const small = (predicate: unknown): Statement<unknown> => ({
  _type: 'https://in-toto.io/Statement/v1',
  subject: [{ name: 'falco.deb', digest: { sha256: DEB_SHA256 } }],
  predicateType: 'https://example.test/predicate',
  predicate,
});

describe('statementBytes', () => {
  it('writes compact JSON with the keys of every object in code-unit order', () => {
    const bytes = statementBytes(small({ z: [3, { b: true, a: null }], A: 'é', y: 1.5 }));
    expect(bytes.toString('utf8')).toBe(
      `{"_type":"https://in-toto.io/Statement/v1","predicate":{"A":"é","y":1.5,"z":[3,{"a":null,"b":true}]},` +
        `"predicateType":"https://example.test/predicate","subject":[{"digest":{"sha256":"${DEB_SHA256}"},"name":"falco.deb"}]}`,
    );
  });

  it('encodes in UTF-8', () => {
    expect(statementBytes(small('é')).includes(Buffer.from([0xc3, 0xa9]))).toBe(true);
  });

  it('writes the same bytes for the same statement, however its objects were built', () => {
    const statement = provenanceStatement(
      [packageSubject('falco.deb', DEB_SHA256)],
      runnerContext(RELEASE_ENV),
    );
    const rebuilt = JSON.parse(JSON.stringify(statement), (_key, value: unknown) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as Statement<unknown>;
    expect(Object.keys(rebuilt)).toStrictEqual(['predicate', 'predicateType', 'subject', '_type']);
    expect(statementBytes(rebuilt).equals(statementBytes(statement))).toBe(true);
    expect(JSON.parse(statementBytes(statement).toString('utf8'))).toStrictEqual(statement);
  });

  it('keeps numeric-looking keys in string order, where JavaScript objects put them first', () => {
    expect(statementBytes(small({ b: 0, '10': 0, '9': 0 })).toString('utf8')).toContain(
      '"predicate":{"10":0,"9":0,"b":0}',
    );
  });

  it('leaves out absent fields and refuses what JSON cannot hold', () => {
    expect(statementBytes(small({ a: 1, gone: undefined })).toString('utf8')).toContain(
      '"predicate":{"a":1}',
    );
    expect(() => statementBytes(small({ a: Number.NaN }))).toThrow(/cannot hold the number NaN/);
    expect(() => statementBytes(small([undefined]))).toThrow(/only JSON values/);
    expect(() => statementBytes(small({ a: 1n }))).toThrow(/only JSON values, not bigint/);
  });
});
