import { describe, it, expect } from 'vitest';
import { parseRef } from '../../../src/action/release/ref.js';
import type { Release } from '../../../src/action/release/release.js';
import { eventFixtureNames, loadEvent, refFromPayload } from '../../fixtures/events.js';
import { userErrorOf } from '../../fixtures/errors.js';

const fromFixtures: readonly [name: string, expected: Release][] = [
  ['master-push', { version: 'master', channel: 'dev' }],
  ['release-published', { version: '0.27.0-rc1', channel: 'prerelease' }],
  ['tag-push', { version: '0.26.0', channel: 'stable' }],
  ['workflow-dispatch-master', { version: 'master', channel: 'dev' }],
  ['workflow-dispatch-tag', { version: '0.25.1', channel: 'stable' }],
];

describe('event fixtures', () => {
  it('the table covers every fixture on disk', () => {
    expect(fromFixtures.map(([name]) => name)).toEqual(eventFixtureNames());
  });

  it.each(fromFixtures)('%s: GITHUB_* agree with the payload', (name) => {
    const event = loadEvent(name);
    expect(event.env.GITHUB_REF).toBe(refFromPayload(event));
    expect(event.payload.repository.full_name).toBe('falcosecurity/falco');
    expect(event.env.GITHUB_REPOSITORY).toBe(event.payload.repository.full_name);
    expect(event.payloadPath.endsWith(`/${name}.json`)).toBe(true);
    const [, type, refName] = /^refs\/(tags|heads)\/(.+)$/.exec(event.env.GITHUB_REF) ?? [];
    expect(event.env.GITHUB_REF_NAME).toBe(refName);
    expect(event.env.GITHUB_REF_TYPE).toBe(type === 'tags' ? 'tag' : 'branch');
    expect(event.env.GITHUB_SHA).toMatch(/^[0-9a-f]{40}$/);
    if (event.eventName === 'push') expect(event.env.GITHUB_SHA).toBe(event.payload.after);
  });
});

describe('parseRef over the event fixtures', () => {
  it.each(fromFixtures)('%s', (name, expected) => {
    const event = loadEvent(name);
    expect(parseRef(event.env.GITHUB_REF, 'master')).toEqual(expected);
  });

  it('the release event is a prerelease in GitHub too', () => {
    const event = loadEvent('release-published');
    if (event.eventName !== 'release') throw new Error('release-published is not a release event');
    expect(event.payload.release.prerelease).toBe(true);
    expect(parseRef(event.env.GITHUB_REF, 'master').channel).toBe('prerelease');
  });
});

describe('parseRef', () => {
  it.each<[ref: string, devBranch: string, expected: Release]>([
    ['refs/tags/0.26.0', 'master', { version: '0.26.0', channel: 'stable' }],
    ['refs/tags/0.10.0', 'master', { version: '0.10.0', channel: 'stable' }],
    ['refs/tags/1.0.0', 'master', { version: '1.0.0', channel: 'stable' }],
    ['refs/tags/v0.26.0', 'master', { version: '0.26.0', channel: 'stable' }],
    ['refs/tags/0.27.0-rc1', 'master', { version: '0.27.0-rc1', channel: 'prerelease' }],
    ['refs/tags/v0.27.0-rc1', 'master', { version: '0.27.0-rc1', channel: 'prerelease' }],
    ['refs/tags/1.0.0-alpha.1', 'master', { version: '1.0.0-alpha.1', channel: 'prerelease' }],
    ['refs/tags/0.27.0-0.3.7', 'master', { version: '0.27.0-0.3.7', channel: 'prerelease' }],
    ['refs/heads/master', 'master', { version: 'master', channel: 'dev' }],
    ['refs/heads/main', 'main', { version: 'main', channel: 'dev' }],
    ['refs/heads/release-0.26.x', 'release-0.26.x', { version: 'release-0.26.x', channel: 'dev' }],
  ])('%s (dev-branch %s)', (ref, devBranch, expected) => {
    expect(parseRef(ref, devBranch)).toEqual(expected);
  });

  it.each<[ref: string]>([
    ['refs/tags/0.26.0+meta'],
    ['refs/tags/v1.2.3+build.5'],
    ['refs/tags/0.27.0-rc1+abc'],
  ])('refuses build metadata: %s', (ref) => {
    const error = userErrorOf(() => parseRef(ref, 'master'));
    expect(error.subject).toBe('ref');
    expect(error.message).toContain(`'${ref}'`);
    expect(error.message).toContain('build metadata');
  });

  it.each<[ref: string, devBranch: string]>([
    ['refs/heads/feature', 'master'],
    ['refs/heads/master', 'main'],
    ['refs/heads/main', 'master'],
    ['refs/pull/1/merge', 'master'],
    ['refs/tags/0.26', 'master'],
    ['refs/tags/01.2.3', 'master'],
    ['refs/tags/0.01.3', 'master'],
    ['refs/tags/0.27.0-rc.01', 'master'],
    ['refs/tags/vv0.26.0', 'master'],
    ['refs/tags/V0.26.0', 'master'],
    ['refs/tags/latest', 'master'],
    ['refs/tags/', 'master'],
    ['0.26.0', 'master'],
    ['master', 'master'],
    ['refs/remotes/origin/master', 'master'],
  ])('refuses %s (dev-branch %s), naming the ref and the accepted forms', (ref, devBranch) => {
    const error = userErrorOf(() => parseRef(ref, devBranch));
    expect(error.subject).toBe('ref');
    expect(error.message).toMatch(/^ref: /);
    expect(error.message).toContain(`'${ref}'`);
    expect(error.message).toContain('refs/tags/<MAJOR.MINOR.PATCH> (stable)');
    expect(error.message).toContain('refs/tags/<MAJOR.MINOR.PATCH-PRERELEASE> (prerelease)');
    expect(error.message).toContain(`refs/heads/${devBranch} (dev)`);
  });

  it('refuses a dev branch whose name cannot be an image tag', () => {
    const error = userErrorOf(() => parseRef('refs/heads/feature/x', 'feature/x'));
    expect(error.subject).toBe('dev-branch');
    expect(error.message).toContain("'feature/x' cannot be an image tag");
  });
});
