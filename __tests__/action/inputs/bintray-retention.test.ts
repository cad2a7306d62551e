import { describe, expect, it } from 'vitest';
import { readInputs } from '../../../src/action/inputs.js';
import { BINTRAY_DEFAULT_KEEP, bintrayKeep } from '../../../src/action/inputs/bintray-retention.js';
import { parseRetention } from '../../../src/indexes/retention.js';
import { userErrorOf } from '../../fixtures/errors.js';

describe('dev-retention on Bintray', () => {
  it("the input's default (what a runner passes when the workflow says nothing) is Falco's Bintray rule", () => {
    expect(bintrayKeep(parseRetention(''))).toEqual({ deb: 50, rpm: 50, bin: 10 });
    expect(bintrayKeep(parseRetention('deb=10GiB,rpm=10GiB'))).toBe(BINTRAY_DEFAULT_KEEP);
  });

  it('a count is kept as it is; a kind not named and none keep everything', () => {
    expect(bintrayKeep(parseRetention('deb=20,bin=3'))).toEqual({ deb: 20, bin: 3 });
    expect(bintrayKeep(parseRetention('none'))).toEqual({});
  });

  it('a size cannot be honoured: refused, saying what to write', () => {
    const error = userErrorOf(() => bintrayKeep(parseRetention('deb=50,rpm=5GiB')));
    expect(error.message).toBe(
      "dev-retention: 'rpm=5GiB' is a total size, but Bintray keeps versions by count only (its versions API tells no size) — write a count of versions, e.g. deb=50,rpm=50,bin=10 (Falco's rule on Bintray), or none",
    );
  });

  it('reads the Bintray inputs for a bintray:// host, with what its dev repositories keep', () => {
    const values: Record<string, string> = {
      ref: 'refs/heads/master',
      packages: 'build/*',
      'package-host': 'bintray://falcosecurity',
      'package-host-username': 'falco-bot',
      'package-host-password': 'key',
      'bintray-api-url': 'https://api.bintray.com',
      'dev-retention': 'deb=10GiB,rpm=10GiB',
    };
    const config = readInputs((name) => values[name] ?? '');
    expect(config.packageHost).toEqual({ kind: 'bintray', subject: 'falcosecurity' });
    expect(config.bintray).toEqual({
      apiUrl: 'https://api.bintray.com',
      username: 'falco-bot',
      apiKey: 'key',
      keep: { deb: 50, rpm: 50, bin: 10 },
    });
    const sized = userErrorOf(() =>
      readInputs((name) => ({ ...values, 'dev-retention': 'bin=1GiB' })[name] ?? ''),
    );
    expect(sized.subject).toBe('dev-retention');
  });
});
