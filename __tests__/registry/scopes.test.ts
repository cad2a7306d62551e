import { describe, expect, it } from 'vitest';
import { covers, mergeScopes, pullScope, pushScope } from '../../src/registry/scopes.js';

describe('token scopes', () => {
  it('merges the actions of one resource and orders the list, so equal needs give equal keys', () => {
    expect(mergeScopes([pullScope('b/x'), 'repository:a/y:push', 'repository:a/y:pull'])).toEqual([
      'repository:a/y:pull,push',
      'repository:b/x:pull',
    ]);
    expect(mergeScopes([pushScope('n'), pullScope('n')])).toEqual(['repository:n:pull,push']);
  });

  it('keeps a name with a colon in it (a registry port) whole', () => {
    expect(mergeScopes(['repository:host:5000/n:pull'])).toEqual(['repository:host:5000/n:pull']);
  });

  it('lets a token asked for more serve a request that needs less, never the reverse', () => {
    const push = [pushScope('t'), pullScope('s')];
    expect(covers(push, [pullScope('t')])).toBe(true);
    expect(covers(push, [pullScope('s'), pullScope('t')])).toBe(true);
    expect(covers(push, [])).toBe(true);
    expect(covers([pullScope('t')], [pushScope('t')])).toBe(false);
    expect(covers(push, [pullScope('other')])).toBe(false);
    expect(covers([], [pullScope('t')])).toBe(false);
  });
});
