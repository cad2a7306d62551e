import { describe, expect, it } from 'vitest';
import { splitEvr } from '../../../src/formats/rpm/rpm-evr.js';
import { rpmvercmp } from '../../../src/formats/rpm/rpm-version.js';
import { RPMVERCMP_CASES } from './rpmvercmp-cases.js';

describe('rpmvercmp (the reader side)', () => {
  it('orders versions as rpm does (the table rpm.vercmp answered, checked in rpm-vercmp.tools.test.ts)', () => {
    expect(RPMVERCMP_CASES.map(([a, b]) => Math.sign(rpmvercmp(a, b)))).toEqual(
      RPMVERCMP_CASES.map(([, , order]) => order),
    );
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
