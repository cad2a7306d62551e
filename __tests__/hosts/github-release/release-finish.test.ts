import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubFake } from '../../support/github-fake.js';
import {
  REPOSITORY,
  TOKEN,
  hostFor,
  localPackage,
  publishPackage,
  type LocalPackage,
} from '../../support/github-release-fixture.js';
import { NOTES_BEGIN, NOTES_END } from '../../../src/hosts/github-release/release-notes.js';
import type { GitHubReleaseSettings } from '../../../src/hosts/github-release/release-settings.js';

// What the host does once the whole plan has run: the dev release keeps only this push's assets, and
// `github-release-notes: append` keeps one section listing the run in the release body.

let fake: GitHubFake;

beforeAll(async () => {
  fake = await GitHubFake.start();
  fake.grant(TOKEN);
  fake.repository(REPOSITORY);
});
afterAll(() => fake.stop());

const IMAGES = [
  { ref: 'docker.io/falcosecurity/falco:0.26.0', digest: `sha256:${'a'.repeat(64)}` },
  { ref: 'docker.io/falcosecurity/falco:latest', digest: `sha256:${'a'.repeat(64)}` },
];

/** Publishes the packages as the publish does, then finishes the run. */
async function run(
  overrides: Partial<GitHubReleaseSettings>,
  packages: readonly LocalPackage[],
  images = IMAGES,
): Promise<void> {
  const { host } = hostFor(fake, overrides);
  await host.check();
  for (const pkg of packages) await publishPackage(host, pkg);
  await host.finish({ images, packages: packages.map(({ path, sha256, size }) => ({ path, sha256, size })) });
}

describe('the dev release', () => {
  const dev = { tag: 'dev', prerelease: true, replaceAssets: true, targetCommitish: 'abc1234' };

  it('is created as a prerelease at the pushed commit, and each push replaces the assets of the last', async () => {
    const first = [
      await localPackage('deb-dev/stable/falco-0.27.0-1+aaa-x86_64.deb', 'one deb'),
      await localPackage('bin-dev/x86_64/falco-0.27.0-1+aaa-x86_64.tar.gz', 'one tgz'),
    ];
    await run(dev, first);
    const release = fake.state.release(REPOSITORY, 'dev');
    expect(release).toMatchObject({ prerelease: true, draft: false, targetCommitish: 'abc1234' });
    expect(release?.assets.map((asset) => asset.name).sort()).toEqual([
      'falco-0.27.0-1+aaa-x86_64.deb',
      'falco-0.27.0-1+aaa-x86_64.tar.gz',
    ]);

    const second = [await localPackage('deb-dev/stable/falco-0.27.0-2+bbb-x86_64.deb', 'two deb')];
    await run(dev, second);
    expect(fake.state.release(REPOSITORY, 'dev')?.assets.map((asset) => asset.name)).toEqual([
      'falco-0.27.0-2+bbb-x86_64.deb',
    ]);
    expect(
      fake.repository(REPOSITORY).releases.filter((candidate) => candidate.tagName === 'dev'),
    ).toHaveLength(1);
  });

  it('deletes nothing on a re-run of the same push', async () => {
    const push = [await localPackage('rpm-dev/falco-0.27.0-3+ccc-x86_64.rpm', 'three')];
    await run(dev, push);
    const deletes = fake.calls('repos/delete-release-asset').length;
    const uploads = fake.calls('repos/upload-release-asset').length;
    await run(dev, push);
    expect(fake.calls('repos/delete-release-asset').length).toBe(deletes);
    expect(fake.calls('repos/upload-release-asset').length).toBe(uploads);
  });

  it('keeps the assets of a stable release that the run did not publish', async () => {
    await run({ tag: '0.30.0' }, [await localPackage('rpm/falco-0.30.0-x86_64.rpm', 'x86')]);
    await run({ tag: '0.30.0' }, [await localPackage('rpm/falco-0.30.0-aarch64.rpm', 'arm')]);
    expect(fake.state.release(REPOSITORY, '0.30.0')?.assets).toHaveLength(2);
  });
});

describe('github-release-notes: append', () => {
  it('adds one section after what the body says, and a re-run replaces it instead of adding another', async () => {
    const repository = fake.repository(REPOSITORY);
    const written = fake.state.newRelease(repository, {
      tagName: '0.31.0',
      name: '0.31.0',
      body: 'Falco 0.31.0: what changed.\n',
      draft: false,
      prerelease: false,
      targetCommitish: 'main',
    });
    const deb = await localPackage('deb/stable/falco-0.31.0-x86_64.deb', 'the deb');
    await run({ tag: '0.31.0', notes: 'append' }, [deb]);
    const body = written.body;
    expect(body.startsWith('Falco 0.31.0: what changed.\n\n')).toBe(true);
    expect(body).toContain('`docker.io/falcosecurity/falco:0.26.0` | `sha256:aaaa');
    expect(body).toContain(deb.sha256);
    const asset = written.assets[0];
    expect(body).toContain(`/releases/download/0.31.0/${asset?.name ?? ''})`);
    expect(await (await fetch(/\]\((http[^)]+)\)/.exec(body)?.[1] ?? '')).text()).toBe('the deb');

    const updates = fake.calls('repos/update-release').length;
    await run({ tag: '0.31.0', notes: 'append' }, [deb]);
    expect(fake.calls('repos/update-release').length).toBe(updates);
    expect(written.body).toBe(body);

    const rpm = await localPackage('rpm/falco-0.31.0-x86_64.rpm', 'the rpm');
    written.body = `${written.body}\n\nEdited by hand after the section.`;
    await run({ tag: '0.31.0', notes: 'append' }, [deb, rpm], IMAGES.slice(0, 1));
    expect(written.body.split(NOTES_BEGIN)).toHaveLength(2);
    expect(written.body.split(NOTES_END)).toHaveLength(2);
    expect(written.body).toContain('falco-0.31.0-x86_64.rpm');
    expect(written.body).not.toContain(':latest');
    expect(written.body.endsWith('Edited by hand after the section.')).toBe(true);
  });

  it('leaves the body alone without it', async () => {
    await run({ tag: '0.31.1' }, [await localPackage('rpm/falco-0.31.1-x86_64.rpm', 'no notes')]);
    expect(fake.state.release(REPOSITORY, '0.31.1')?.body).toBe('');
  });
});
