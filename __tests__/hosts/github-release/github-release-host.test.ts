import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { GitHubFake, digestOf } from '../../support/github-fake.js';
import { asyncUserErrorOf } from '../../fixtures/errors.js';
import { configOf } from '../../fixtures/config.js';
import {
  REPOSITORY,
  TOKEN,
  hostFor,
  localPackage,
  publishPackage,
} from '../../support/github-release-fixture.js';

let fake: GitHubFake;

beforeAll(async () => {
  fake = await GitHubFake.start();
  fake.grant(TOKEN);
  fake.repository(REPOSITORY);
});
afterAll(() => fake.stop());

const UPLOAD = 'repos/upload-release-asset';
const writes = (): number => fake.requests.filter((request) => request.method !== 'GET').length;

describe('GitHubReleaseHost before any write', () => {
  it('keeps no APT/YUM repositories: the plan gets no repository step, and signing-key is refused', async () => {
    const { packagePortsFor } = await import('../../../src/action/wiring.js');
    const { host } = hostFor(fake, { tag: '0.1.0' });
    expect('repositoryStore' in host).toBe(false);
    const config = configOf({ signingKey: 'a key', packagePatterns: ['build/*'] });
    const error = await asyncUserErrorOf(packagePortsFor(host, config));
    expect(error.subject).toBe('signing-key');
  });

  it('refuses a token GitHub refuses (401), naming github-token, and writes nothing', async () => {
    const before = writes();
    const { host } = hostFor(fake, { token: 'ghs_wrong', tag: '0.1.0' });
    const error = await asyncUserErrorOf(host.check());
    expect(error.subject).toBe('github-token');
    expect(error.message).toContain('401');
    expect(error.message).not.toContain('ghs_wrong');
    expect(writes()).toBe(before);
  });

  it('refuses a repository that is not there, naming github-repository', async () => {
    const { host } = hostFor(fake, { repo: 'no-such-repo', tag: '0.1.0' });
    const error = await asyncUserErrorOf(host.check());
    expect(error.subject).toBe('github-repository');
  });

  it("refuses a user's token that may only read, before any write", async () => {
    fake.grant('ghp_read-only', { write: false, listsPermissions: true });
    const before = writes();
    const { host } = hostFor(fake, { token: 'ghp_read-only', tag: '0.1.0' });
    const error = await asyncUserErrorOf(host.check());
    expect(error.subject).toBe('github-token');
    expect(error.remedy).toContain('contents: write');
    expect(writes()).toBe(before);
  });

  it('refuses a missing release with github-release-create: false, and creates nothing', async () => {
    const before = writes();
    const { host } = hostFor(fake, { tag: '0.1.1', create: false });
    const error = await asyncUserErrorOf(host.check());
    expect(error.subject).toBe('github-release-create');
    expect(error.message).toContain('0.1.1');
    expect(writes()).toBe(before);
    expect(fake.state.release(REPOSITORY, '0.1.1')).toBeUndefined();
  });

  it('refuses two files of one name in different layout folders, naming both', async () => {
    const { host } = hostFor(fake, { tag: '0.1.2' });
    await host.check();
    expect(await host.existing('bin/x86_64/falco-0.1.2.tar.gz')).toBeUndefined();
    const error = await asyncUserErrorOf(host.existing('bin/noarch/falco-0.1.2.tar.gz'));
    expect(error.message).toContain('bin/x86_64/falco-0.1.2.tar.gz');
    expect(error.message).toContain('bin/noarch/falco-0.1.2.tar.gz');
  });

  it('creates nothing while it only reads: a missing release is created by the first upload', async () => {
    const { host } = hostFor(fake, { tag: '0.1.3' });
    await host.check();
    expect(await host.existing('deb/stable/falco-0.1.3-x86_64.deb')).toBeUndefined();
    expect(fake.state.release(REPOSITORY, '0.1.3')).toBeUndefined();
  });
});

describe('GitHubReleaseHost publishing', () => {
  it('creates the release of the tag (published, not a prerelease) and uploads the file under its name', async () => {
    const pkg = await localPackage('deb/stable/falco-0.26.0-x86_64.deb', 'deb 0.26.0');
    const { host, logger } = hostFor(fake, { tag: '0.26.0' });
    await host.check();
    expect(await publishPackage(host, pkg)).toBe('uploaded');
    const release = fake.state.release(REPOSITORY, '0.26.0');
    expect(release).toMatchObject({ draft: false, prerelease: false });
    expect(release?.assets.map((asset) => [asset.name, asset.digest, asset.contentType])).toEqual([
      ['falco-0.26.0-x86_64.deb', digestOf(pkg.bytes), 'application/vnd.debian.binary-package'],
    ]);
    expect(logger.lines.join('\n')).not.toContain(TOKEN);
  });

  it('marks a prerelease tag’s new release as a prerelease', async () => {
    const pkg = await localPackage('deb-dev/stable/falco-0.27.0-rc1-x86_64.deb', 'rc1');
    const { host } = hostFor(fake, { tag: '0.27.0-rc1', prerelease: true });
    await host.check();
    await publishPackage(host, pkg);
    expect(fake.state.release(REPOSITORY, '0.27.0-rc1')).toMatchObject({ prerelease: true, draft: false });
  });

  it('uploads a draft’s assets to the draft made for the tag, rather than to a second release', async () => {
    const repository = fake.repository(REPOSITORY);
    const draft = fake.state.newRelease(repository, {
      tagName: '0.26.5',
      name: '0.26.5',
      body: '',
      draft: true,
      prerelease: false,
      targetCommitish: 'main',
    });
    const pkg = await localPackage('rpm/falco-0.26.5-x86_64.rpm', 'rpm');
    const { host } = hostFor(fake, { tag: '0.26.5' });
    await host.check();
    await publishPackage(host, pkg);
    expect(repository.releases.filter((release) => release.tagName === '0.26.5')).toHaveLength(1);
    expect(draft.assets.map((asset) => asset.name)).toEqual(['falco-0.26.5-x86_64.rpm']);
  });

  it('skips a re-run: the same name and sha256 is already there, nothing is uploaded', async () => {
    const pkg = await localPackage('bin/x86_64/falco-0.26.1-x86_64.tar.gz', 'tarball');
    await publishPackage(hostFor(fake, { tag: '0.26.1' }).host, pkg);
    const uploads = fake.calls(UPLOAD).length;
    const { host } = hostFor(fake, { tag: '0.26.1' });
    await host.check();
    expect(await publishPackage(host, pkg)).toBe('skipped');
    expect(fake.calls(UPLOAD).length).toBe(uploads);
  });

  it('tells different content apart, and replaces it (delete, then upload) when asked', async () => {
    const first = await localPackage('bin/x86_64/falco-0.26.2-x86_64.tar.gz', 'first build');
    await publishPackage(hostFor(fake, { tag: '0.26.2' }).host, first);
    const second = await localPackage('bin/x86_64/falco-0.26.2-x86_64.tar.gz', 'second build');
    const { host } = hostFor(fake, { tag: '0.26.2' });
    await host.check();
    const there = await host.existing(second.path, { size: second.size });
    expect(there).toBe(first.sha256);
    await host.put(second.path, second.file, { sha256: second.sha256, replace: true });
    const assets = fake.state.release(REPOSITORY, '0.26.2')?.assets ?? [];
    expect(assets.map((asset) => asset.digest)).toEqual([digestOf(second.bytes)]);
  });

  it('refuses an asset of the name that appeared meanwhile with other content (422 already_exists)', async () => {
    const pkg = await localPackage('rpm/falco-0.26.3-x86_64.rpm', 'ours');
    const { host } = hostFor(fake, { tag: '0.26.3' });
    await host.check();
    expect(await host.existing(pkg.path, { size: pkg.size })).toBeUndefined();
    await publishPackage(
      hostFor(fake, { tag: '0.26.3' }).host,
      await localPackage('rpm/falco-0.26.4-x86_64.rpm', 'x'),
    );
    fake.before(UPLOAD, () => {
      const release = fake.state.release(REPOSITORY, '0.26.3');
      release?.assets.push(
        fake.state.newAsset(
          'falco-0.26.3-x86_64.rpm',
          'application/x-rpm',
          Buffer.from('theirs'),
          'uploaded',
        ),
      );
    });
    const error = await asyncUserErrorOf(
      host.put(pkg.path, pkg.file, { sha256: pkg.sha256, replace: false }),
    );
    expect(error.subject).toBe('packages: rpm/falco-0.26.3-x86_64.rpm');
    expect(error.remedy).toContain('overwrite: true');
  });

  it('accepts the same package uploaded meanwhile by another publisher', async () => {
    const pkg = await localPackage('rpm/falco-0.26.6-x86_64.rpm', 'same');
    await publishPackage(
      hostFor(fake, { tag: '0.26.6' }).host,
      await localPackage('rpm/falco-0.26.6-aarch64.rpm', 'arm'),
    );
    const { host } = hostFor(fake, { tag: '0.26.6' });
    await host.check();
    await host.existing(pkg.path, { size: pkg.size });
    fake.before(UPLOAD, () => {
      fake.state
        .release(REPOSITORY, '0.26.6')
        ?.assets.push(
          fake.state.newAsset('falco-0.26.6-x86_64.rpm', 'application/x-rpm', pkg.bytes, 'uploaded'),
        );
    });
    await host.put(pkg.path, pkg.file, { sha256: pkg.sha256, replace: false });
    expect(fake.state.release(REPOSITORY, '0.26.6')?.assets).toHaveLength(2);
  });

  it('deletes an asset whose bytes are not the planned ones (the file changed since it was hashed)', async () => {
    const pkg = await localPackage('bin/x86_64/falco-0.26.7-x86_64.tar.gz', 'planned');
    const { host } = hostFor(fake, { tag: '0.26.7' });
    await host.check();
    await host.existing(pkg.path, { size: pkg.size });
    await writeFile(pkg.file, 'rewritten meanwhile');
    const error = await asyncUserErrorOf(
      host.put(pkg.path, pkg.file, { sha256: pkg.sha256, replace: false }),
    );
    expect(error.message).toContain('changed while it was being published');
    expect(fake.state.release(REPOSITORY, '0.26.7')?.assets).toEqual([]);
  });

  it('keeps the + of a dev version in the asset name (the name is sent encoded)', async () => {
    const pkg = await localPackage('deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb', 'dev');
    const { host } = hostFor(fake, { tag: 'dev', prerelease: true, replaceAssets: true });
    await host.check();
    await publishPackage(host, pkg);
    expect(fake.state.release(REPOSITORY, 'dev')?.assets.map((asset) => asset.name)).toEqual([
      'falco-0.27.0-12+abc1234-x86_64.deb',
    ]);
  });
});

describe('GitHubReleaseHost without asset digests (older GitHub Enterprise Server)', () => {
  it('downloads and hashes an asset only when its size is the local file’s', async () => {
    const pkg = await localPackage('rpm/falco-0.28.0-x86_64.rpm', 'twelve bytes');
    await publishPackage(hostFor(fake, { tag: '0.28.0' }).host, pkg);
    fake.legacyDigests = true;
    try {
      const { host } = hostFor(fake, { tag: '0.28.0' });
      await host.check();
      const downloads = (): number => fake.calls('repos/get-release-asset').length;
      const before = downloads();
      expect(await host.existing(pkg.path, { size: pkg.size })).toBe(pkg.sha256);
      expect(downloads()).toBe(before + 1);

      const other = await localPackage('rpm/falco-0.28.0-x86_64.rpm', 'a different size');
      const { host: again } = hostFor(fake, { tag: '0.28.0' });
      await again.check();
      const answer = await again.existing(other.path, { size: other.size });
      expect(answer).not.toBe(other.sha256);
      expect(answer).not.toBeUndefined();
      expect(downloads()).toBe(before + 1);

      const sameSize = await localPackage('rpm/falco-0.28.0-x86_64.rpm', 'twelve BYTES');
      const { host: third } = hostFor(fake, { tag: '0.28.0' });
      await third.check();
      expect(await third.existing(sameSize.path, { size: sameSize.size })).toBe(pkg.sha256);
      expect(downloads()).toBe(before + 2);
    } finally {
      fake.legacyDigests = false;
    }
  });
});

describe('GitHubReleaseHost under faults', () => {
  it('waits out a secondary rate limit on an upload and sends every byte again', async () => {
    const pkg = await localPackage('bin/x86_64/falco-0.29.0-x86_64.tar.gz', 'limited upload');
    const { host, logger } = hostFor(fake, { tag: '0.29.0' });
    await host.check();
    await host.existing(pkg.path, { size: pkg.size });
    fake.inject({ status: 'secondary-limit', times: 2, operationId: UPLOAD, retryAfter: 3 });
    await host.put(pkg.path, pkg.file, { sha256: pkg.sha256, replace: false });
    const release = fake.state.release(REPOSITORY, '0.29.0');
    expect(release?.assets.map((asset) => asset.digest)).toEqual([digestOf(pkg.bytes)]);
    expect(
      fake
        .calls(UPLOAD)
        .slice(-3)
        .map((call) => call.status),
    ).toEqual([403, 403, 201]);
    expect(logger.lines.filter((line) => line.includes('secondary rate limit'))).toHaveLength(2);
  });

  it('retries a burst of 5xx (reads and uploads), deleting what a failed upload left', async () => {
    const pkg = await localPackage('bin/x86_64/falco-0.29.1-x86_64.tar.gz', 'bursty');
    const { host } = hostFor(fake, { tag: '0.29.1' });
    fake.inject({ status: 502, times: 2, operationId: 'repos/get' });
    await host.check();
    await host.existing(pkg.path, { size: pkg.size });
    fake.inject({ status: 502, times: 2, operationId: UPLOAD, leavesStarter: true });
    await host.put(pkg.path, pkg.file, { sha256: pkg.sha256, replace: false });
    const assets = fake.state.release(REPOSITORY, '0.29.1')?.assets ?? [];
    expect(assets.map((asset) => [asset.state, asset.digest])).toEqual([['uploaded', digestOf(pkg.bytes)]]);
  });

  it('takes an upload whose answer was lost (502 after it landed) as done, without a second one', async () => {
    const pkg = await localPackage('bin/x86_64/falco-0.29.2-x86_64.tar.gz', 'landed');
    const { host } = hostFor(fake, { tag: '0.29.2' });
    await host.check();
    await host.existing(pkg.path, { size: pkg.size });
    fake.inject({ status: 502, times: 1, operationId: UPLOAD, afterHandling: true });
    const uploads = fake.calls(UPLOAD).length;
    await host.put(pkg.path, pkg.file, { sha256: pkg.sha256, replace: false });
    expect(fake.calls(UPLOAD).length).toBe(uploads + 1);
    expect(fake.state.release(REPOSITORY, '0.29.2')?.assets).toHaveLength(1);
  });

  it('gives up on 5xx that last with one clear error, naming the status', async () => {
    const pkg = await localPackage('bin/x86_64/falco-0.29.3-x86_64.tar.gz', 'down');
    const { host } = hostFor(fake, { tag: '0.29.3' });
    await host.check();
    await host.existing(pkg.path, { size: pkg.size });
    fake.inject({ status: 503, times: 100, operationId: UPLOAD });
    const uploads = fake.calls(UPLOAD).length;
    try {
      const error = await asyncUserErrorOf(
        host.put(pkg.path, pkg.file, { sha256: pkg.sha256, replace: false }),
      );
      expect(error.subject).toBe('package-host');
      expect(error.message).toContain('503');
      expect(error.message).toContain('falco-0.29.3-x86_64.tar.gz');
      // The first attempt and three retries.
      expect(fake.calls(UPLOAD).length).toBe(uploads + 4);
    } finally {
      fake.clearFaults();
    }
  });

  it('names github-token when a job token may not write (403 on the first write)', async () => {
    fake.grant('ghs_job-read-only', { write: false, listsPermissions: false });
    const pkg = await localPackage('bin/x86_64/falco-0.29.4-x86_64.tar.gz', 'forbidden');
    const { host } = hostFor(fake, { token: 'ghs_job-read-only', tag: '0.29.4' });
    await host.check();
    await host.existing(pkg.path, { size: pkg.size });
    const error = await asyncUserErrorOf(
      host.put(pkg.path, pkg.file, { sha256: pkg.sha256, replace: false }),
    );
    expect(error.subject).toBe('github-token');
    expect(error.message).toContain('403');
  });
});
