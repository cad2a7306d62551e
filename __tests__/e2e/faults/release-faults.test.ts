import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTools } from '../../formats/fixtures/tools.js';
import { BEFORE, RELEASE, startFaultWorld, type FaultWorld } from './fault-world.js';
import {
  blobUpload,
  burst,
  conditionalPut,
  anyOf,
  firstMatches,
  inTurn,
  injected,
  manifestPut,
  objectPut,
  pathOf,
  s3Error,
  status,
} from './fault-rules.js';
import { expectCleanFailure, expectCleanResult, runScenario, type Outcome } from './run-scenario.js';
import type { ScenarioFaults } from './scenario.js';
import type { CountingProxy, ProxyExchange, ProxyRules } from '../services/proxy.js';
import { redirectBlobReads, startCdn } from './cdn.js';
import { nonLoopbackAddress, startTlsFront, type TlsFront } from '../services/tls-front.js';
import { displayedLog } from '../services/secrets-audit.js';
import { staleTokenRule } from './stale-token.js';

// Release day under faults: each scenario publishes the release before without faults, then the
// release under test through proxies that inject one kind of fault, and must end exactly as the
// clean run did (or, for a fault that never stops, fail cleanly). Scenarios run at once, each under
// its own registry namespace and bucket.
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

/** S3's own answers for a failure on its side and for too many requests. */
const S3_500 = s3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
const S3_503 = s3Error(503, 'SlowDown', 'Please reduce your request rate.');

/** Requests through a scenario's proxies, all services together. */
const requests = (outcome: Outcome): number =>
  outcome.scenario.registryProxy.exchanges.length + outcome.scenario.s3Proxy.exchanges.length;
/** Faults given to a scenario's requests, the token server's (shared by all, told apart by scope) included. */
const faultsGiven = (outcome: Outcome): number =>
  injected(outcome.scenario.registryProxy.exchanges) +
  injected(outcome.scenario.s3Proxy.exchanges) +
  injected(
    world.tokenProxy.exchanges.filter((e) =>
      decodeURIComponent(e.url).includes(`repository:${outcome.scenario.name}/`),
    ),
  );

/** Retries stay bounded: a handful of requests more than the clean run made, per fault given. */
function expectBoundedRetries(outcome: Outcome): void {
  expect(faultsGiven(outcome), 'the fault was given').toBeGreaterThan(0);
  expect(requests(outcome)).toBeLessThanOrEqual(requests(clean) + 10 * faultsGiven(outcome));
}

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

// First: they mostly wait, and run alongside the others.
/** The client gave up on a request the proxy held back, instead of waiting it out. */
const gaveUpOnStall = (exchanges: readonly ProxyExchange[]): boolean =>
  exchanges.some((e) => e.injected && e.abandoned);

describe('an answer slower than the client waits for: it gives up on it and asks again', () => {
  it.concurrent('rslow: a manifest PUT the registry holds for 65 s (the client waits 60 s)', async () => {
    const outcome = await runScenario(world, 'rslow', {
      registry: firstMatches(manifestPut, 1, { delayMs: 65_000 }),
    });
    expectCleanResult(outcome, clean);
    expect(gaveUpOnStall(outcome.scenario.registryProxy.exchanges), 'the client waited out the stall').toBe(
      true,
    );
  });

  it.concurrent('s3slow: a GET of Release that S3 holds for 90 s', async () => {
    const outcome = await runScenario(world, 's3slow', {
      s3: firstMatches((e) => e.method === 'GET' && /\/Release$/.test(pathOf(e)), 1, { delayMs: 90_000 }),
    });
    expectCleanResult(outcome, clean);
    expect(
      gaveUpOnStall(outcome.scenario.s3Proxy.exchanges),
      'the S3 client waited out a 90 s stall: it has no timeout',
    ).toBe(true);
  });
});

const passing: [string, string, ScenarioFaults][] = [
  [
    'rmanifest',
    '429 with Retry-After, then 500, on manifest PUTs',
    { registry: inTurn(manifestPut, [status(429, { 'retry-after': '1' }), status(500)]) },
  ],
  ['r503', 'a burst of 503 from the registry', { registry: burst(8, 3, status(503)) }],
  [
    'rblobreset',
    'a connection reset in the middle of a blob upload',
    {
      registry: firstMatches(
        (e) => blobUpload(e) && Number(e.requestHeaders['content-length'] ?? 1e9) > 128 * 1024,
        1,
        { resetAfterBytes: 64 * 1024 },
      ),
    },
  ],
  [
    'tokens',
    '503 from the token server, and a token the registry stops accepting between two requests',
    { token: firstMatches(() => true, 2, status(503)), registry: staleTokenRule(() => world) },
  ],
  [
    's3index500',
    '500 on the conditional PUTs of Release and of repomd.xml',
    {
      s3: anyOf(
        firstMatches(conditionalPut(/\/Release$/), 1, S3_500),
        firstMatches(conditionalPut(/repomd\.xml$/), 1, S3_500),
      ),
    },
  ],
  [
    's3release409',
    '409 ConditionalRequestConflict on the conditional PUT of Release',
    {
      s3: firstMatches(
        conditionalPut(/\/Release$/),
        1,
        s3Error(409, 'ConditionalRequestConflict', 'A conflicting conditional operation is in progress'),
      ),
    },
  ],
  [
    's3byhash500',
    '500 on the PUT of a by-hash index',
    { s3: firstMatches(objectPut(/\/by-hash\//), 1, S3_500) },
  ],
  [
    's3debreset',
    'a connection reset in the middle of a package PUT',
    { s3: firstMatches(objectPut(/\.deb$/), 1, { resetAfterBytes: 512 }) },
  ],
  // Two in a row: the S3 SDK tries a request 3 times.
  ['s3burst', 'a burst of 503 from S3', { s3: burst(20, 2, S3_503) }],
];

describe('a fault that stops: the release ends exactly as the clean one did', () => {
  it.concurrent.each(passing)('%s: %s', async (name, _what, faults) => {
    const outcome = await runScenario(world, name, faults);
    expectCleanResult(outcome, clean);
    expectBoundedRetries(outcome);
  });
});

const swift: [string, string, ScenarioFaults][] = [
  [
    'swresets',
    'connection resets in the middle of a multipart part (packages go in parts on Swift) and of a package PUT',
    {
      s3: anyOf(
        firstMatches((e) => e.method === 'PUT' && e.url.includes('partNumber='), 1, {
          resetAfterBytes: 1024 * 1024,
        }),
        firstMatches(objectPut(/\.deb$/), 1, { resetAfterBytes: 512 }),
      ),
    },
  ],
  ['swburst', 'a burst of 503 from Swift', { s3: burst(20, 2, S3_503) }],
];

describe('on Swift (serialized publishers), a fault that stops: the release ends exactly as the clean one did', () => {
  it.concurrent.each(swift)('%s: %s', async (name, _what, faults) => {
    const outcome = await runScenario(world, name, faults, 'swift');
    expectCleanResult(outcome, clean);
    expectBoundedRetries(outcome);
  });
});

describe('a redirect to another host', () => {
  it.concurrent(
    'rredirect: blob reads redirected to a CDN host get there without the registry credentials',
    async () => {
      let cdn: CountingProxy | undefined;
      try {
        cdn = await startCdn(world, 'rredirect');
        const started = cdn;
        const outcome = await runScenario(world, 'rredirect', { registry: redirectBlobReads(() => started) });
        expectCleanResult(outcome, clean);
        expect(started.exchanges.length, 'no blob read was redirected').toBeGreaterThan(0);
        const credentialed = started.exchanges.filter((e) => e.requestHeaders.authorization !== undefined);
        expect(credentialed.map((e) => `${e.method} ${pathOf(e)}`)).toEqual([]);
      } finally {
        await cdn?.stop();
      }
    },
  );
});

describe('a redirect from https to plain http', () => {
  it.concurrent(
    'rhttp: blob reads redirected to http are refused with one clear error; latest untouched',
    async () => {
      const ip = nonLoopbackAddress();
      const toHttp: ProxyRules = {
        answer: (exchange) =>
          ['GET', 'HEAD'].includes(exchange.method) && /\/blobs\/sha256:/.test(pathOf(exchange))
            ? status(307, { location: `http://${ip}:9${exchange.url}` })
            : undefined,
        // The registry builds its Locations with the scheme the TLS front says the client used.
        requestHeaders: (_exchange, headers) => {
          headers['x-forwarded-proto'] = 'https';
        },
      };
      let front: TlsFront | undefined;
      try {
        // The registry on https (a non-loopback address: the client speaks https there), its proxy behind.
        const outcome = await runScenario(
          world,
          'rhttp',
          { registry: toHttp },
          'radosgw',
          async (scenario) => {
            front = await startTlsFront(scenario.registryProxy.address, ip);
            scenario.overrides.inputs.registry = front.address;
            scenario.overrides.env.NODE_EXTRA_CA_CERTS = front.certificateFile;
          },
        );
        const error = expectCleanFailure(outcome);
        expect(error).toContain('plain http');
        expect(injected(outcome.scenario.registryProxy.exchanges)).toBeGreaterThan(0);
      } finally {
        await front?.stop();
      }
    },
  );
});

const failing: [string, string, ScenarioFaults][] = [
  [
    's3never',
    '503 on every conditional PUT of repomd.xml',
    { s3: firstMatches(conditionalPut(/repomd\.xml$/), Infinity, S3_503) },
  ],
  [
    'rnever',
    '503 on every manifest PUT of falco-driver-loader',
    {
      registry: firstMatches(
        (e) => manifestPut(e) && pathOf(e).includes('/falco-driver-loader/'),
        Infinity,
        status(503),
      ),
    },
  ],
];

describe('a fault that never stops: one clear error, latest untouched, repositories readable', () => {
  it.concurrent.each(failing)('%s: %s', async (name, _what, faults) => {
    const outcome = await runScenario(world, name, faults);
    const error = expectCleanFailure(outcome);
    expect(error).toMatch(/503|SlowDown/);
    // Bounded, not a loop: the registry client tries a request 5 times; a repository update tries its
    // compare-and-swap 30 times (src/indexes/compare-and-swap.ts), as racing publishers may need.
    expect(faultsGiven(outcome)).toBeGreaterThan(1);
    expect(faultsGiven(outcome)).toBeLessThanOrEqual(30);
  });
});
