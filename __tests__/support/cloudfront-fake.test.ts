import {
  CloudFrontClient,
  CreateInvalidationCommand,
  GetInvalidationCommand,
  type CloudFrontClientConfig,
} from '@aws-sdk/client-cloudfront';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCloudFrontFake, type CloudFrontFake } from './cloudfront-fake.js';

// The stand-in must refuse what CloudFront refuses, or tests against it would prove nothing: requests
// are made with the SDK (configured wrongly on purpose) and by hand.

const DISTRIBUTION = 'E2QWRUHEXAMPLE';
const KEYS = { accessKeyId: 'AKIAFAKETEST', secretAccessKey: 'fake-secret' };

let fake: CloudFrontFake;
beforeEach(async () => {
  fake = await startCloudFrontFake({ distributions: [DISTRIBUTION], ...KEYS });
});
afterEach(async () => fake.stop());

function client(config: Partial<CloudFrontClientConfig> = {}): CloudFrontClient {
  return new CloudFrontClient({
    region: 'us-east-1',
    endpoint: fake.endpoint,
    credentials: KEYS,
    maxAttempts: 1,
    ...config,
  });
}

function create(paths: string[], quantity = paths.length, reference = `ref-${Math.random()}`) {
  return new CreateInvalidationCommand({
    DistributionId: DISTRIBUTION,
    InvalidationBatch: { CallerReference: reference, Paths: { Quantity: quantity, Items: paths } },
  });
}

/** The error code a send is refused with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).name;
  }
  throw new Error('expected a refusal');
}

describe('the CloudFront stand-in', () => {
  it('accepts a well-formed CreateInvalidation and serves it with GetInvalidation, InProgress then Completed', async () => {
    const made = await client().send(create(['/a/b', '/c/*']));
    expect(made.Location).toBe(
      `${fake.endpoint}/2020-05-31/distribution/${DISTRIBUTION}/invalidation/${made.Invalidation?.Id}`,
    );
    const get = new GetInvalidationCommand({ DistributionId: DISTRIBUTION, Id: made.Invalidation?.Id });
    expect((await client().send(get)).Invalidation?.Status).toBe('InProgress');
    expect((await client().send(get)).Invalidation?.Status).toBe('Completed');
    expect((await client().send(get)).Invalidation?.InvalidationBatch?.Paths?.Items).toEqual([
      '/a/b',
      '/c/*',
    ]);
    expect(fake.violations).toEqual([]);
  });

  it.each([
    ['signed for another region', { region: 'eu-west-1' }],
    ['signed with another secret', { credentials: { ...KEYS, secretAccessKey: 'other' } }],
  ])('refuses a request %s', async (_label, config) => {
    expect(await codeOf(client(config).send(create(['/a'])))).toBe('SignatureDoesNotMatch');
    expect(fake.invalidations).toEqual([]);
    expect(fake.violations).toHaveLength(1);
  });

  it('refuses an unknown access key', async () => {
    const code = await codeOf(
      client({ credentials: { ...KEYS, accessKeyId: 'AKIAOTHER' } }).send(create(['/a'])),
    );
    expect(code).toBe('InvalidClientTokenId');
  });

  it.each([
    ['a path without its leading /', ['a/b']],
    ['a wildcard before the end', ['/a/*/b']],
    ['an unencoded space', ['/a b']],
    ['an unencoded tilde', ['/a~b']],
    ['a path over 4000 characters', [`/${'x'.repeat(4000)}`]],
    ['no path at all', []],
  ])('refuses %s as InvalidArgument', async (_label, paths) => {
    expect(await codeOf(client().send(create(paths)))).toBe('InvalidArgument');
    expect(fake.violations).toHaveLength(1);
  });

  it('refuses a Quantity that does not count the items', async () => {
    expect(await codeOf(client().send(create(['/a', '/b'], 3)))).toBe('InconsistentQuantities');
  });

  it('answers a repeated CallerReference with its invalidation, and refuses it for other paths', async () => {
    const first = await client().send(create(['/a'], 1, 'same'));
    const again = await client().send(create(['/a'], 1, 'same'));
    expect(again.Invalidation?.Id).toBe(first.Invalidation?.Id);
    expect(await codeOf(client().send(create(['/b'], 1, 'same')))).toBe('InvalidationBatchAlreadyExists');
    expect(fake.invalidations).toHaveLength(1);
  });

  it('keeps the quotas of invalidations in progress: 3000 files, 15 wildcards', async () => {
    fake.occupy(
      DISTRIBUTION,
      Array.from({ length: 2999 }, (_, i) => `/f${i}`),
    );
    await client().send(create(['/one']));
    expect(await codeOf(client().send(create(['/two'])))).toBe('TooManyInvalidationsInProgress');
    fake.occupy(
      DISTRIBUTION,
      Array.from({ length: 15 }, (_, i) => `/w${i}/*`),
    );
    expect(await codeOf(client().send(create(['/w/*'])))).toBe('TooManyInvalidationsInProgress');
    expect(fake.violations).toEqual([]);
  });

  it('refuses an unsigned request before looking at anything else', async () => {
    const response = await fetch(`${fake.endpoint}/2020-05-31/distribution/${DISTRIBUTION}/invalidation`, {
      method: 'POST',
      body: '<x/>',
      headers: { 'Content-Type': 'text/xml' },
    });
    expect(response.status).toBe(403);
    expect(fake.violations[0]).toContain('IncompleteSignature');
  });
});
