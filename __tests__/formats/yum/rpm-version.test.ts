import { describe, expect, it } from 'vitest';
import { compareEvr, evrString, rpmvercmp } from '../../../src/formats/rpm/rpm-version.js';
import { RPM_VERSION_CASES } from './rpm-version-cases.js';

describe('rpmvercmp', () => {
  it.each(RPM_VERSION_CASES)('%s vs %s → %i', (a, b, order) => {
    expect(rpmvercmp(a, b)).toBe(order);
    expect(rpmvercmp(b, a)).toBe(-order || 0);
  });
});

describe('compareEvr', () => {
  it.each([
    [{ epoch: '1', version: '0.1', release: '1' }, { epoch: '0', version: '9.0', release: '1' }, 1],
    [{ epoch: '10', version: '1', release: '1' }, { epoch: '9', version: '1', release: '1' }, 1],
    [{ epoch: '', version: '1', release: '1' }, { epoch: '0', version: '1', release: '1' }, 0],
    [{ epoch: '0', version: '1.0', release: '2' }, { epoch: '0', version: '1.0', release: '10' }, -1],
    [{ epoch: '0', version: '1.0~rc1', release: '9' }, { epoch: '0', version: '1.0', release: '1' }, -1],
  ])('%j vs %j → %i', (a, b, order) => {
    expect(compareEvr(a, b)).toBe(order);
  });
});

describe('evrString', () => {
  it.each([
    [{ epoch: '0', version: '1.0', release: '1' }, '1.0-1'],
    [{ epoch: '', version: '1.0', release: '1' }, '1.0-1'],
    [{ epoch: '2', version: '0.27.0', release: '12+abc1234' }, '2:0.27.0-12+abc1234'],
  ])('%j → %s', (evr, expected) => {
    expect(evrString(evr)).toBe(expected);
  });
});
