import { describe, expect, it } from 'vitest';
import { pullScope, pushScope } from '../../src/registry/scopes.js';
import { TokenCache, type IssuedToken } from '../../src/registry/token-cache.js';

/** A cache on a clock the test moves, and a token service that counts what it issued. */
function setup(lifetimeSeconds: number) {
  let now = 1_000_000;
  const cache = new TokenCache(() => now);
  let issued = 0;
  const issue = async (): Promise<IssuedToken> => ({ token: `t${++issued}`, lifetimeSeconds });
  return { cache, issue, issued: () => issued, advance: (ms: number) => void (now += ms) };
}

describe('TokenCache', () => {
  it('keeps a token until a tenth of its lifetime is left, then forgets it', async () => {
    const { cache, issue, advance } = setup(60);
    expect(await cache.fetch([pullScope('a')], issue)).toBe('Bearer t1');
    advance(53_999);
    expect(cache.find([pullScope('a')])).toBe('Bearer t1');
    advance(1);
    expect(cache.find([pullScope('a')])).toBeUndefined();
  });

  it('renews at most 30 s before expiry however long the token lives', async () => {
    const { cache, issue, advance } = setup(3600);
    await cache.fetch([pullScope('a')], issue);
    advance(3_569_999);
    expect(cache.find([pullScope('a')])).toBe('Bearer t1');
    advance(1);
    expect(cache.find([pullScope('a')])).toBeUndefined();
  });

  it('serves a pull from a pull,push token, and not a push from a pull token', async () => {
    const { cache, issue } = setup(300);
    await cache.fetch([pushScope('a')], issue);
    expect(cache.find([pullScope('a')])).toBe('Bearer t1');
    const other = setup(300);
    await other.cache.fetch([pullScope('a')], other.issue);
    expect(other.cache.find([pushScope('a')])).toBeUndefined();
  });

  it('shares one token request among concurrent requests for the same scopes', async () => {
    const { cache, issue, issued } = setup(300);
    const tokens = await Promise.all([
      cache.fetch([pushScope('a'), pullScope('b')], issue),
      cache.fetch([pullScope('b'), pushScope('a')], issue),
      cache.fetch([pushScope('a'), pullScope('b')], issue),
    ]);
    expect(tokens).toEqual(['Bearer t1', 'Bearer t1', 'Bearer t1']);
    expect(issued()).toBe(1);
  });

  it('forgets a dropped token but still knows it was handed out (to redact it)', async () => {
    const { cache, issue } = setup(300);
    const token = await cache.fetch([pullScope('a')], issue);
    cache.drop(token);
    expect(cache.find([pullScope('a')])).toBeUndefined();
    expect(cache.tokens()).toEqual(['t1']);
  });
});
