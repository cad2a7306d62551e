import { describe, expect, it } from 'vitest';
import { BintrayRetention } from '../../src/action/bintray-retention.js';
import { portsFor } from '../../src/action/wiring.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { configOf } from '../fixtures/config.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

const bintray = {
  apiUrl: 'http://127.0.0.1:9',
  username: 'falco-bot',
  apiKey: 'key',
  keep: { deb: 50, rpm: 50, bin: 10 },
};
const config = configOf({
  packagePatterns: ['build/*'],
  packageHost: { kind: 'bintray', subject: 'falcosecurity' },
  bintray,
});
const wire = (overrides: Partial<typeof config> = {}) =>
  portsFor({ ...config, ...overrides }, captureLogger(), () => undefined, '/work');

describe('the ports of a bintray:// host', () => {
  it('a Bintray host that keeps no repositories, and the retention of its dev repositories', async () => {
    const ports = await wire();
    expect(ports.host?.description).toBe('bintray://falcosecurity (http://127.0.0.1:9)');
    expect(ports.host?.repositoryStore).toBeUndefined();
    expect(ports.repositories).toBeInstanceOf(BintrayRetention);
  });

  it('no retention step when dev-retention keeps everything', async () => {
    const ports = await wire({ bintray: { ...bintray, keep: {} } });
    expect(ports.repositories).toBeUndefined();
  });

  it('refuses signing-key: the action writes no index there to sign', async () => {
    const error = await asyncUserErrorOf(wire({ signingKey: '-----BEGIN PGP PRIVATE KEY BLOCK-----' }));
    expect(error.message).toBe(
      'signing-key: is set, but bintray://falcosecurity (http://127.0.0.1:9) keeps no repositories to sign — remove signing-key, or publish to a host that keeps APT/YUM repositories (a directory or s3://)',
    );
  });
});
