import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloudFrontInvalidator, WAIT_LIMIT_MS } from '../../src/cdn/cloudfront-invalidator.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';
import { startCloudFrontFake, type CloudFrontFake } from '../support/cloudfront-fake.js';

// The CloudFront adapter through the real SDK, against the stand-in that checks every request's shape and
// signature. Waits are recorded, never slept.

const DISTRIBUTION = 'E2QWRUHEXAMPLE';
const KEYS = { accessKeyId: 'AKIAFALCOTEST', secretAccessKey: 'cf-secret/never+logged' };

let fake: CloudFrontFake;
let slept: number[];
let clock: number;
beforeEach(async () => {
  fake = await startCloudFrontFake({ distributions: [DISTRIBUTION], ...KEYS });
  slept = [];
  clock = Date.UTC(2026, 0, 1);
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.stop();
});

function invalidator(
  overrides: { distribution?: string; secretAccessKey?: string } = {},
): CloudFrontInvalidator {
  return new CloudFrontInvalidator({
    distribution: overrides.distribution ?? DISTRIBUTION,
    endpoint: fake.endpoint,
    credentials: {
      ...KEYS,
      ...(overrides.secretAccessKey ? { secretAccessKey: overrides.secretAccessKey } : {}),
    },
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    now: () => clock,
  });
}

const PATHS = [
  '/packages/deb/dists/stable/InRelease',
  '/packages/rpm/repodata/repomd.xml',
  '/packages/bin-dev/*',
];

describe('CloudFrontInvalidator.invalidate', () => {
  it('makes one invalidation of exactly the paths, signed for cloudfront in us-east-1', async () => {
    const made = await invalidator().invalidate(PATHS);
    expect(made.status).toBe('InProgress');
    expect(fake.invalidations.map((i) => [i.id, i.distribution, i.paths])).toEqual([
      [made.id, DISTRIBUTION, PATHS],
    ]);
    expect(fake.requests).toEqual([
      {
        method: 'POST',
        url: `/2020-05-31/distribution/${DISTRIBUTION}/invalidation`,
        scope: expect.objectContaining({
          accessKeyId: KEYS.accessKeyId,
          region: 'us-east-1',
          service: 'cloudfront',
        }),
        status: 201,
        code: undefined,
      },
    ]);
  });

  it('gives each invalidation its own CallerReference', async () => {
    await invalidator().invalidate(PATHS);
    await invalidator().invalidate(PATHS);
    const [first, second] = fake.invalidations;
    expect(first?.callerReference).not.toBe(second?.callerReference);
  });

  it('asks again with backoff while other invalidations hold the quota, with the same CallerReference', async () => {
    fake.failNext('TooManyInvalidationsInProgress', 'TooManyInvalidationsInProgress');
    const made = await invalidator().invalidate(PATHS);
    expect(fake.requests.map((r) => r.code ?? r.status)).toEqual([
      'TooManyInvalidationsInProgress',
      'TooManyInvalidationsInProgress',
      201,
    ]);
    expect(slept).toHaveLength(2);
    expect(fake.invalidations).toHaveLength(1);
    expect(fake.invalidations[0]?.id).toBe(made.id);
  });

  it('a request that went through but whose answer was lost is answered with the same invalidation', async () => {
    // A 503 makes the SDK send the very same request again: CloudFront knows the CallerReference.
    fake.failNext('ServiceUnavailable');
    await invalidator().invalidate(PATHS);
    expect(fake.requests.map((r) => r.status)).toEqual([503, 201]);
    expect(fake.invalidations).toHaveLength(1);
  });

  it('is refused by the real quota of files in progress, then goes through once the other completes', async () => {
    const other = fake.occupy(
      DISTRIBUTION,
      Array.from({ length: 2999 }, (_, i) => `/other/f${i}`),
    );
    let attempts = 0;
    const sleeping = new CloudFrontInvalidator({
      distribution: DISTRIBUTION,
      endpoint: fake.endpoint,
      credentials: KEYS,
      sleep: async () => {
        attempts++;
        if (attempts === 2) fake.complete(other.id);
      },
    });
    await sleeping.invalidate(PATHS);
    expect(fake.requests.map((r) => r.code ?? r.status)).toEqual([
      'TooManyInvalidationsInProgress',
      'TooManyInvalidationsInProgress',
      201,
    ]);
  });

  it('gives up on a distribution that stays busy with one clear error naming the input and the way by hand', async () => {
    fake.failNext(...Array<'TooManyInvalidationsInProgress'>(7).fill('TooManyInvalidationsInProgress'));
    const error = await asyncUserErrorOf(invalidator().invalidate(PATHS));
    expect(error.subject).toBe(`cloudfront-distribution: ${DISTRIBUTION}`);
    expect(error.problem).toContain('TooManyInvalidationsInProgress');
    expect(error.remedy).toBe(
      `wait for them to complete, then invalidate by hand: aws cloudfront create-invalidation --distribution-id ${DISTRIBUTION} --paths '/packages/deb/dists/stable/InRelease' '/packages/rpm/repodata/repomd.xml' '/packages/bin-dev/*'`,
    );
    expect(fake.requests).toHaveLength(7);
    // Backoff within bounds: never past a minute between two attempts.
    expect(Math.max(...slept)).toBeLessThanOrEqual(60_000);
  });

  it('AccessDenied says which permission the role needs, and is not retried', async () => {
    fake.deny(DISTRIBUTION);
    const error = await asyncUserErrorOf(invalidator().invalidate(PATHS));
    expect(error.message).toContain('may not invalidate this distribution (AccessDenied)');
    expect(error.message).toContain('cloudfront:CreateInvalidation');
    expect(fake.requests).toHaveLength(1);
  });

  it('CloudFront failing (a 5xx after the SDK asked again) is one clear error, not a defect', async () => {
    fake.failNext('ServiceUnavailable', 'ServiceUnavailable', 'ServiceUnavailable');
    const error = await asyncUserErrorOf(invalidator().invalidate(PATHS));
    expect(error.problem).toBe('CloudFront failed to answer (503 ServiceUnavailable)');
    expect(error.remedy).toContain('run again later; invalidate by hand');
  });

  it('an unknown distribution is NoSuchDistribution, naming the input', async () => {
    const error = await asyncUserErrorOf(invalidator({ distribution: 'E0NOTTHERE' }).invalidate(PATHS));
    expect(error.subject).toBe('cloudfront-distribution: E0NOTTHERE');
    expect(error.problem).toContain('NoSuchDistribution');
  });

  it('a wrong secret is a credentials error that quotes no secret', async () => {
    const error = await asyncUserErrorOf(
      invalidator({ secretAccessKey: 'wrong-secret-9f3' }).invalidate(PATHS),
    );
    expect(error.problem).toBe('CloudFront rejected the AWS credentials (SignatureDoesNotMatch)');
    expect(error.message).not.toContain('wrong-secret-9f3');
    // The stand-in records the bad signature as what it is: expected here, so the check after the test is cleared.
    expect(fake.violations.splice(0)).toEqual([expect.stringContaining('SignatureDoesNotMatch')]);
  });

  it('more than ten paths are not all put in the message, but pointed at in the log', async () => {
    fake.deny(DISTRIBUTION);
    const many = Array.from({ length: 11 }, (_, i) => `/packages/deb/f${i}`);
    const error = await asyncUserErrorOf(invalidator().invalidate(many));
    expect(error.remedy).toContain('invalidate by hand the 11 paths the log lists above');
  });
});

describe('CloudFrontInvalidator.waitUntilCompleted', () => {
  it('polls GetInvalidation until it is Completed, backing off', async () => {
    await fake.stop();
    fake = await startCloudFrontFake({ distributions: [DISTRIBUTION], ...KEYS, readsUntilCompleted: 4 });
    const client = invalidator();
    const made = await client.invalidate(PATHS);
    await client.waitUntilCompleted(made.id);
    const reads = fake.requests.filter((r) => r.method === 'GET');
    expect(reads.map((r) => r.url)).toEqual(
      Array(5).fill(`/2020-05-31/distribution/${DISTRIBUTION}/invalidation/${made.id}`),
    );
    expect(slept).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(fake.invalidations[0]?.status).toBe('Completed');
  });

  it('gives up after the bounded wait with a UserError that says how to look at it', async () => {
    await fake.stop();
    fake = await startCloudFrontFake({ distributions: [DISTRIBUTION], ...KEYS, readsUntilCompleted: 1_000 });
    const client = invalidator();
    const made = await client.invalidate(PATHS);
    const error = await asyncUserErrorOf(client.waitUntilCompleted(made.id));
    expect(error.problem).toBe(`invalidation ${made.id} is still InProgress after 15 minutes`);
    expect(error.remedy).toContain(
      `aws cloudfront get-invalidation --distribution-id ${DISTRIBUTION} --id ${made.id}`,
    );
    expect(slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(WAIT_LIMIT_MS);
    expect(Math.max(...slept)).toBe(20_000);
  });
});
