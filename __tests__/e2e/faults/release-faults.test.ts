import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTools } from '../../formats/fixtures/tools.js';
import type { ProxyExchange } from '../services/proxy.js';
import { displayedLog } from '../services/secrets-audit.js';
import { recoverable, recoverableOnSwift, unrecoverable } from './catalogue.js';
import { BEFORE, RELEASE, startFaultWorld, type FaultWorld } from './fault-world.js';
import { firstMatches, manifestPut, pathOf } from './fault-rules.js';
import { redirectToCdn } from './redirects.js';
import {
  expectBoundedRetries,
  expectCleanFailure,
  expectCleanResult,
  faultsGiven,
  runScenario,
  type Outcome,
} from './run-scenario.js';

// Release day under faults: each scenario publishes the release before without faults, then the
// release under test through proxies that inject one kind of fault, and must end exactly as the
// clean run did (or, for a fault that never stops, fail cleanly). Scenarios run at once, each under
// its own registry namespace and bucket (catalogue.ts lists most of them).
useTools('apt-get', 'dnf', 'dpkg-deb', 'rpmbuild', 'createrepo_c', 'gpg', 'gpgv');

let world: FaultWorld;
let clean: Outcome;

beforeAll(async () => {
  world = await startFaultWorld();
  clean = await runScenario(world, 'clean', {});
}, 300_000);
afterAll(async () => {
  await world?.stop();
});

describe('the clean run', () => {
  it('publishes both releases, moves latest to the new one, and both clients list both versions', () => {
    expect(clean.run.exitCode, displayedLog(clean.run.stdout)).toBe(0);
    expect(clean.state.tags['falco:latest']).toBe(clean.state.tags[`falco:${RELEASE}`]);
    expect(clean.state.tags['falco:latest']).not.toBe(clean.state.tags[`falco:${BEFORE}`]);
    expect(clean.badSignatures).toEqual([]);
    expect(clean.view.apt).toEqual([BEFORE, RELEASE]);
    expect(clean.view.dnf).toEqual([`falco-${BEFORE}-1.x86_64`, `falco-${RELEASE}-1.x86_64`]);
  });
});

/** The client gave up on a request the proxy held back, instead of waiting it out. */
const gaveUpOnStall = (exchanges: readonly ProxyExchange[]): boolean =>
  exchanges.some((e) => e.injected && e.abandoned);

// First: they mostly wait, and run alongside the others.
describe('an answer slower than the client waits for: it gives up on it and asks again', () => {
  it.concurrent('rslow: a manifest PUT the registry holds for 65 s (the client waits 60 s)', async () => {
    const outcome = await runScenario(world, 'rslow', {
      registry: firstMatches(manifestPut, 1, { delayMs: 65_000 }),
    });
    expectCleanResult(outcome, clean);
    const gaveUp = gaveUpOnStall(outcome.scenario.registryProxy.exchanges);
    expect(gaveUp, 'the client waited out the stall').toBe(true);
  });

  it.concurrent('s3slow: a GET of Release that S3 holds for 90 s', async () => {
    const outcome = await runScenario(world, 's3slow', {
      s3: firstMatches((e) => e.method === 'GET' && /\/Release$/.test(pathOf(e)), 1, { delayMs: 90_000 }),
    });
    expectCleanResult(outcome, clean);
    const gaveUp = gaveUpOnStall(outcome.scenario.s3Proxy.exchanges);
    expect(gaveUp, 'the S3 client waited out a 90 s stall: it has no timeout').toBe(true);
  });
});

describe('a fault that stops: the release ends exactly as the clean one did', () => {
  it.concurrent.each(recoverable(() => world))('%s: %s', async (name, _what, faults) => {
    const outcome = await runScenario(world, name, faults);
    expectCleanResult(outcome, clean);
    expectBoundedRetries(outcome, clean);
  });
});

describe('on Swift (serialized publishers), a fault that stops: the release ends as the clean one did', () => {
  it.concurrent.each(recoverableOnSwift())('%s: %s', async (name, _what, faults) => {
    const outcome = await runScenario(world, name, faults, 'swift');
    expectCleanResult(outcome, clean);
    expectBoundedRetries(outcome, clean);
  });
});

describe('redirects', () => {
  it.concurrent('rredirect: blob reads sent to a CDN host get there without the registry credentials', () =>
    redirectToCdn(world, clean),
  );
  // From https to plain http: refused by the client, proven against a real TLS server on loopback in
  // __tests__/e2e/registry-hardening.test.ts (a whole release would need an https registry the action
  // does not take for a loopback one, i.e. a non-loopback address).
});

describe('a fault that never stops: one clear error, latest untouched, repositories readable', () => {
  it.concurrent.each(unrecoverable())('%s: %s', async (name, _what, faults) => {
    const outcome = await runScenario(world, name, faults);
    const error = expectCleanFailure(outcome);
    expect(error).toMatch(/503|SlowDown/);
    // Bounded, not a loop: the registry client tries a request 5 times; a repository update tries its
    // compare-and-swap 30 times (src/indexes/compare-and-swap.ts), as racing publishers may need.
    expect(faultsGiven(outcome)).toBeGreaterThan(1);
    expect(faultsGiven(outcome)).toBeLessThanOrEqual(30);
  });
});
