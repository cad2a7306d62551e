import { createHash } from 'node:crypto';
import { truncate } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureLogger } from '../../fixtures/capture-logger.js';
import { asyncUserErrorOf } from '../../fixtures/errors.js';
import type { BintrayFake } from '../../support/bintray-fake.js';
import { API_KEY, hostOf, localFile, RELEASED, startFalcoBintray } from './bintray-world.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

let fake: BintrayFake;
beforeEach(async () => {
  fake = await startFalcoBintray();
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.stop();
});

describe('BintrayHost.check: the credentials before anything else', () => {
  it('passes with the right user and API key, listing the subject once', async () => {
    await hostOf(fake).host.check();
    expect(fake.requests.map((r) => `${r.method} ${r.url} ${r.status}`)).toEqual([
      'GET /repos/falcosecurity 200',
    ]);
  });

  it('a wrong API key fails naming both credential inputs, never the key', async () => {
    const error = await asyncUserErrorOf(hostOf(fake, { apiKey: 'wrong-key' }).host.check());
    expect(error.subject).toBe('package-host-username / package-host-password');
    expect(error.message).toBe(
      `package-host-username / package-host-password: ${fake.url} refused the credentials (401: This resource requires authentication) to list the repositories of falcosecurity — check the user name and its API key (not the account password)`,
    );
    expect(error.message).not.toContain('wrong-key');
    expect(error.message).not.toContain(API_KEY);
  });

  it('a 403 fails naming the credential inputs too', async () => {
    fake.fail({ status: 403, times: 1, message: 'Forbidden' });
    const error = await asyncUserErrorOf(hostOf(fake).host.check());
    expect(error.message).toBe(
      'package-host-username / package-host-password: the user may not list the repositories of falcosecurity (403: Forbidden) — give the user the right to publish in the repository, or use an API key of a user who has it',
    );
  });

  it('a 5xx burst is retried with backoff; a lasting one is one error saying what was asked', async () => {
    fake.fail({ status: 503, times: 2 });
    const logger = captureLogger();
    const { host, waits } = hostOf(fake, { logger });
    await host.check();
    expect(waits).toHaveLength(2);
    expect(logger.lines.filter((line) => line.includes('retry'))).toHaveLength(2);

    fake.fail({ status: 502, times: 100, message: 'Bad gateway' });
    const { host: again, waits: more } = hostOf(fake);
    const error = await asyncUserErrorOf(again.check());
    expect(error.message).toBe(
      `package-host (${fake.url}): GET /repos/falcosecurity was answered 502 (Bad gateway) 5 times — the server is failing or overloaded: run again later (what is published stays, a re-run skips it)`,
    );
    expect(more).toHaveLength(4);
    expect(more.every((ms, i) => ms < 500 * 2 ** i)).toBe(true);
  });
});

describe('BintrayHost.existing: what the version holds at the path', () => {
  it('is undefined before the version exists, and the sha256 of the file when it does', async () => {
    const { host } = hostOf(fake);
    expect(await host.existing('deb/stable/falco-0.26.0-x86_64.deb')).toBeUndefined();
    fake.seed('deb', 'falco', '0.26.0', { 'stable/falco-0.26.0-x86_64.deb': 'deb bytes' });
    const { host: later } = hostOf(fake);
    expect(await later.existing('deb/stable/falco-0.26.0-x86_64.deb')).toBe(sha256('deb bytes'));
    expect(await later.existing('deb/stable/falco-0.26.0-aarch64.deb')).toBeUndefined();
    // One lookup of the package and one of the version's files serve every file of it.
    expect(fake.requests.filter((r) => r.url.includes('/versions/0.26.0/files'))).toHaveLength(2);
  });

  it('a repository or package Bintray does not have fails before any upload, saying what to create', async () => {
    await fake.stop();
    const { startBintrayFake } = await import('../../support/bintray-fake.js');
    fake = await startBintrayFake({
      subject: 'falcosecurity',
      username: 'falco-bot',
      apiKey: API_KEY,
      repositories: { deb: [] },
    });
    const { host } = hostOf(fake);
    const error = await asyncUserErrorOf(host.existing('deb/stable/falco-0.26.0-x86_64.deb'));
    expect(error.message).toBe(
      `package-host: ${fake.url} could not find the package falco in the repository deb of falcosecurity (404: Package 'falco' was not found) — create the repository deb and its package falco first (Bintray makes neither on upload), or check package-host`,
    );
    const missingRepository = await asyncUserErrorOf(host.existing('rpm/falco-0.26.0-x86_64.rpm'));
    expect(missingRepository.message).toContain("(404: Repo 'rpm' was not found)");
  });
});

describe('BintrayHost.put', () => {
  it('makes the version once (HEAD, then POST) and publishes each file with its matrix parameters', async () => {
    const { host } = hostOf(fake, { vcsTag: '0.26.0' });
    const deb = await localFile('falco-0.26.0-aarch64.deb', 'deb arm');
    const rpm = await localFile('falco-0.26.0-x86_64.rpm', 'rpm');
    const tgz = await localFile('falco-0.26.0-static-x86_64.tar.gz', 'tgz');
    await host.put('deb/stable/falco-0.26.0-aarch64.deb', deb, { sha256: sha256('deb arm'), replace: false });
    await host.put('rpm/falco-0.26.0-x86_64.rpm', rpm, { sha256: sha256('rpm'), replace: false });
    await host.put('bin/x86_64/falco-0.26.0-static-x86_64.tar.gz', tgz, {
      sha256: sha256('tgz'),
      replace: false,
    });
    expect(fake.version('deb', 'falco', '0.26.0')).toEqual({
      name: '0.26.0',
      desc: 'falco 0.26.0',
      vcsTag: '0.26.0',
      released: RELEASED.toISOString(),
      ordinal: 1,
    });
    expect(fake.requests.map((r) => `${r.method} ${r.url} ${r.status}`)).toEqual([
      'HEAD /packages/falcosecurity/deb/falco/versions/0.26.0 404',
      'POST /packages/falcosecurity/deb/falco/versions 201',
      'PUT /content/falcosecurity/deb/falco/0.26.0/stable/falco-0.26.0-aarch64.deb;publish=1;deb_distribution=stable;deb_component=main;deb_architecture=arm64 201',
      'HEAD /packages/falcosecurity/rpm/falco/versions/0.26.0 404',
      'POST /packages/falcosecurity/rpm/falco/versions 201',
      'PUT /content/falcosecurity/rpm/falco/0.26.0/falco-0.26.0-x86_64.rpm;publish=1 201',
      'HEAD /packages/falcosecurity/bin/falco/versions/0.26.0 404',
      'POST /packages/falcosecurity/bin/falco/versions 201',
      'PUT /content/falcosecurity/bin/falco/0.26.0/x86_64/falco-0.26.0-static-x86_64.tar.gz;publish=1 201',
    ]);
    expect(fake.files().map((f) => [f.repository, f.path, f.sha256, f.published])).toEqual([
      ['rpm', 'falco-0.26.0-x86_64.rpm', sha256('rpm'), true],
      ['deb', 'stable/falco-0.26.0-aarch64.deb', sha256('deb arm'), true],
      ['bin', 'x86_64/falco-0.26.0-static-x86_64.tar.gz', sha256('tgz'), true],
    ]);
  });

  it("a dev version's + travels as %2B, and its vcs_tag is the version itself", async () => {
    const { host } = hostOf(fake);
    const rpm = await localFile('falco-0.27.0-12+abc1234-x86_64.rpm', 'dev rpm');
    await host.put('rpm-dev/falco-0.27.0-12+abc1234-x86_64.rpm', rpm, {
      sha256: sha256('dev rpm'),
      replace: false,
    });
    expect(fake.versions('rpm-dev', 'falco')).toEqual(['0.27.0-12+abc1234']);
    expect(fake.version('rpm-dev', 'falco', '0.27.0-12+abc1234')?.vcsTag).toBe('0.27.0-12+abc1234');
    expect(fake.requests.at(-1)?.url).toBe(
      '/content/falcosecurity/rpm-dev/falco/0.27.0-12%2Babc1234/falco-0.27.0-12%2Babc1234-x86_64.rpm;publish=1',
    );
  });

  it('replaces with override=1 only when told to', async () => {
    fake.seed('bin', 'falco', '0.26.0', { 'x86_64/falco-0.26.0-x86_64.tar.gz': 'old' });
    const { host } = hostOf(fake);
    const file = await localFile('falco-0.26.0-x86_64.tar.gz', 'new');
    await host.put('bin/x86_64/falco-0.26.0-x86_64.tar.gz', file, { sha256: sha256('new'), replace: true });
    expect(fake.requests.at(-1)?.url).toContain(';publish=1;override=1');
    expect(fake.files('bin').map((f) => f.bytes.toString())).toEqual(['new']);
  });

  it('a name taken meanwhile: the same bytes are fine, other bytes an error naming the package', async () => {
    const { host } = hostOf(fake);
    fake.seed('bin', 'falco', '0.26.0', { 'x86_64/falco-0.26.0-x86_64.tar.gz': 'theirs' });
    const same = await localFile('falco-0.26.0-x86_64.tar.gz', 'theirs');
    await host.put('bin/x86_64/falco-0.26.0-x86_64.tar.gz', same, {
      sha256: sha256('theirs'),
      replace: false,
    });
    const other = await localFile('falco-0.26.0-x86_64.tar.gz', 'ours');
    const error = await asyncUserErrorOf(
      host.put('bin/x86_64/falco-0.26.0-x86_64.tar.gz', other, { sha256: sha256('ours'), replace: false }),
    );
    expect(error.message).toBe(
      'packages: bin/x86_64/falco-0.26.0-x86_64.tar.gz: was published with different content by someone else meanwhile — publish a new version, or set overwrite: true',
    );
    expect(fake.files('bin').map((f) => f.bytes.toString())).toEqual(['theirs']);
  });

  it('an upload whose answer was lost (a 500 after it landed) is asked again and found there', async () => {
    const { host, waits } = hostOf(fake);
    fake.fail({ status: 500, times: 1, afterHandling: true, match: (method) => method === 'PUT' });
    const file = await localFile('falco-0.26.0-x86_64.rpm', 'rpm');
    await host.put('rpm/falco-0.26.0-x86_64.rpm', file, { sha256: sha256('rpm'), replace: false });
    expect(waits).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([500, 409]);
    expect(fake.files('rpm').map((f) => f.sha256)).toEqual([sha256('rpm')]);
  });

  it('a version made by another publisher between HEAD and POST (409) is used', async () => {
    const { host } = hostOf(fake);
    fake.fail({ status: 500, times: 1, afterHandling: true, match: (method) => method === 'POST' });
    const file = await localFile('falco-0.26.0-x86_64.rpm', 'rpm');
    await host.put('rpm/falco-0.26.0-x86_64.rpm', file, { sha256: sha256('rpm'), replace: false });
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([500, 409]);
    expect(fake.files('rpm')).toHaveLength(1);
  });

  it('a 403 on the upload is one error naming the credential inputs', async () => {
    const { host } = hostOf(fake);
    fake.fail({
      status: 403,
      times: 1,
      match: (method) => method === 'PUT',
      message: 'Forbidden: no publish right',
    });
    const file = await localFile('falco-0.26.0-x86_64.rpm', 'rpm');
    const error = await asyncUserErrorOf(
      host.put('rpm/falco-0.26.0-x86_64.rpm', file, { sha256: sha256('rpm'), replace: false }),
    );
    expect(error.message).toBe(
      'package-host-username / package-host-password: the user may not upload rpm/falco/0.26.0/falco-0.26.0-x86_64.rpm (403: Forbidden: no publish right) — give the user the right to publish in the repository, or use an API key of a user who has it',
    );
    expect(fake.files()).toEqual([]);
  });

  it('a lasting 5xx on the upload sends the file five times, then one error', async () => {
    const { host, waits } = hostOf(fake);
    fake.fail({ status: 503, times: 100, match: (method) => method === 'PUT' });
    const file = await localFile('falco-0.26.0-x86_64.rpm', 'rpm');
    const error = await asyncUserErrorOf(
      host.put('rpm/falco-0.26.0-x86_64.rpm', file, { sha256: sha256('rpm'), replace: false }),
    );
    expect(error.message).toContain(
      'PUT /content/falcosecurity/rpm/falco/0.26.0/falco-0.26.0-x86_64.rpm was answered 503 (Injected) 5 times',
    );
    expect(waits).toHaveLength(4);
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(5);
  });

  it('a file that changed since it was planned is said to be published changed, naming it', async () => {
    const { host } = hostOf(fake);
    const file = await localFile('falco-0.26.0-x86_64.rpm', 'rewritten after the plan');
    const error = await asyncUserErrorOf(
      host.put('rpm/falco-0.26.0-x86_64.rpm', file, {
        sha256: sha256('what the plan hashed'),
        replace: false,
      }),
    );
    expect(error.message).toBe(
      `${file}: changed while it was being published (its sha256 is no longer the one planned); Bintray now holds the changed bytes at rpm/falco/0.26.0/falco-0.26.0-x86_64.rpm — make sure nothing rewrites the package files while the action runs, then run again with overwrite: true`,
    );
  });

  it('tells the progress of a package over 64 MiB, from the start again on a retry', async () => {
    const logger = captureLogger();
    const { host } = hostOf(fake, { logger });
    const file = await localFile('falco-0.26.0-x86_64.tar.gz', '');
    await truncate(file, 65 * 1024 * 1024);
    fake.fail({ status: 503, times: 1, match: (method) => method === 'PUT' });
    const zeros = createHash('sha256')
      .update(Buffer.alloc(65 * 1024 * 1024))
      .digest('hex');
    await host.put('bin/x86_64/falco-0.26.0-x86_64.tar.gz', file, { sha256: zeros, replace: false });
    const lines = logger.lines.filter((line) =>
      line.startsWith('upload bin/x86_64/falco-0.26.0-x86_64.tar.gz'),
    );
    expect(lines.filter((line) => line.includes(' 10% of 65 MiB'))).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/ 100% of 65 MiB in /);
    expect(fake.files('bin').map((f) => f.sha256)).toEqual([zeros]);
  });
});
