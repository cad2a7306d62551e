import { describe, it, expect } from 'vitest';
import { parseImageLines, type ImageLine } from '../../../src/action/release/image-lines.js';
import type { Release } from '../../../src/action/release/release.js';
import { tagsFor } from '../../../src/action/release/tags.js';
import { imageReference, registryHost } from '../../../src/image-drivers/image-target.js';
import { userErrorOf } from '../../fixtures/errors.js';

const stable: Release = { version: '0.26.0', channel: 'stable' };
const backport: Release = { version: '0.25.1', channel: 'stable' };
const rc: Release = { version: '0.27.0-rc1', channel: 'prerelease' };
const master: Release = { version: 'master', channel: 'dev' };

function line(suffix = ''): ImageLine {
  return { source: 'falco:local', repository: 'falcosecurity/falco', suffix };
}

describe('tagsFor', () => {
  it.each<
    [label: string, release: Release, suffix: string, latest: boolean, fixed: string[], floating: string[]]
  >([
    ['stable, latest', stable, '', true, ['0.26.0'], ['latest']],
    ['stable, no latest', stable, '', false, ['0.26.0'], []],
    ['stable -slim, latest', stable, '-slim', true, ['0.26.0-slim'], ['latest-slim']],
    ['stable -slim, no latest', stable, '-slim', false, ['0.26.0-slim'], []],
    ['prerelease, latest asked', rc, '', true, ['0.27.0-rc1'], []],
    ['prerelease, no latest', rc, '', false, ['0.27.0-rc1'], []],
    ['prerelease -slim', rc, '-slim', true, ['0.27.0-rc1-slim'], []],
    ['dev', master, '', false, [], ['master']],
    ['dev, latest asked', master, '', true, [], ['master']],
    ['dev -slim', master, '-slim', true, [], ['master-slim']],
    ['dev main', { version: 'main', channel: 'dev' }, '_debug', false, [], ['main_debug']],
  ])('%s', (_label, release, suffix, latest, fixed, floating) => {
    const tags = tagsFor(release, line(suffix), latest);
    expect(tags.fixed).toEqual(fixed);
    expect(tags.floating).toEqual(floating);
    expect(tags.line).toEqual(line(suffix));
  });

  const everyCase = [stable, backport, rc, master].flatMap((release) =>
    [true, false].flatMap((latest) =>
      ['-slim', '-debug', '.x86_64', '_static'].map((suffix) => [release, latest, suffix] as const),
    ),
  );
  it.each(everyCase)(
    'a suffixed line never yields a bare tag (%o, latest %s, suffix %s)',
    (release, latest, suffix) => {
      const tags = tagsFor(release, line(suffix), latest);
      const all = [...tags.fixed, ...tags.floating];
      expect(all.length).toBeGreaterThan(0);
      for (const tag of all) {
        expect(tag.endsWith(suffix)).toBe(true);
        expect(tag).not.toBe('latest');
        expect(tag).not.toBe(release.version);
      }
    },
  );

  it('refuses a tag longer than 128 characters, naming the repository', () => {
    const long: Release = { version: `1.0.0-${'a'.repeat(100)}`, channel: 'prerelease' };
    const error = userErrorOf(() => tagsFor(long, line(`-${'b'.repeat(40)}`), false));
    expect(error.subject).toBe('images');
    expect(error.message).toContain('falcosecurity/falco');
    expect(error.message).toContain('is not a valid image tag');
  });

  it('accepts a tag of exactly 128 characters', () => {
    const version = `1.0.0-${'a'.repeat(122 - 5)}`;
    const tags = tagsFor({ version, channel: 'prerelease' }, line('-slim'), false);
    expect(tags.fixed[0]).toHaveLength(128);
  });
});

describe('imageReference', () => {
  it.each([
    ['docker.io', 'falcosecurity/falco', '0.26.0', 'docker.io/falcosecurity/falco:0.26.0'],
    [
      '127.0.0.1:5000',
      'falcosecurity/falco',
      'latest-slim',
      '127.0.0.1:5000/falcosecurity/falco:latest-slim',
    ],
    [
      'public.ecr.aws',
      'falcosecurity/falco-no-driver',
      'master',
      'public.ecr.aws/falcosecurity/falco-no-driver:master',
    ],
  ])('%s %s %s', (registry, repository, tag, expected) => {
    expect(imageReference(registryHost(registry), repository, tag)).toBe(expected);
  });
});

/** The seed's image set: falco, falco -slim (the no-driver image), falco-no-driver, falco-driver-loader. */
const SEED = `
falco:local                falcosecurity/falco
falco-no-driver:local      falcosecurity/falco                 suffix=-slim
falco-no-driver:local      falcosecurity/falco-no-driver
falco-driver-loader:local  falcosecurity/falco-driver-loader
`;

function seedTags(release: Release, latest: boolean): { fixed: string[]; floating: string[] } {
  const lines = parseImageLines(SEED).map((l) => tagsFor(release, l, latest));
  const refs = (pick: 'fixed' | 'floating'): string[] =>
    lines.flatMap((t) =>
      t[pick].map((tag) => imageReference(registryHost('docker.io'), t.line.repository, tag)),
    );
  return { fixed: refs('fixed'), floating: refs('floating') };
}

describe("the seed's image set", () => {
  it.each<[label: string, release: Release, latest: boolean, fixed: string[], floating: string[]]>([
    [
      'stable release with latest',
      stable,
      true,
      [
        'docker.io/falcosecurity/falco:0.26.0',
        'docker.io/falcosecurity/falco:0.26.0-slim',
        'docker.io/falcosecurity/falco-no-driver:0.26.0',
        'docker.io/falcosecurity/falco-driver-loader:0.26.0',
      ],
      [
        'docker.io/falcosecurity/falco:latest',
        'docker.io/falcosecurity/falco:latest-slim',
        'docker.io/falcosecurity/falco-no-driver:latest',
        'docker.io/falcosecurity/falco-driver-loader:latest',
      ],
    ],
    [
      'backport release (latest stays)',
      backport,
      false,
      [
        'docker.io/falcosecurity/falco:0.25.1',
        'docker.io/falcosecurity/falco:0.25.1-slim',
        'docker.io/falcosecurity/falco-no-driver:0.25.1',
        'docker.io/falcosecurity/falco-driver-loader:0.25.1',
      ],
      [],
    ],
    [
      'release candidate',
      rc,
      false,
      [
        'docker.io/falcosecurity/falco:0.27.0-rc1',
        'docker.io/falcosecurity/falco:0.27.0-rc1-slim',
        'docker.io/falcosecurity/falco-no-driver:0.27.0-rc1',
        'docker.io/falcosecurity/falco-driver-loader:0.27.0-rc1',
      ],
      [],
    ],
    [
      'master push',
      master,
      false,
      [],
      [
        'docker.io/falcosecurity/falco:master',
        'docker.io/falcosecurity/falco:master-slim',
        'docker.io/falcosecurity/falco-no-driver:master',
        'docker.io/falcosecurity/falco-driver-loader:master',
      ],
    ],
  ])('%s', (_label, release, latest, fixed, floating) => {
    expect(seedTags(release, latest)).toEqual({ fixed, floating });
  });

  it('the -slim line (from the no-driver image) never writes bare latest or a bare version', () => {
    const slim = parseImageLines(SEED).find((l) => l.suffix === '-slim');
    expect(slim?.source).toBe('falco-no-driver:local');
    if (!slim) return;
    for (const release of [stable, backport, rc, master]) {
      const tags = tagsFor(release, slim, true);
      expect([...tags.fixed, ...tags.floating]).not.toContain('latest');
      expect([...tags.fixed, ...tags.floating]).not.toContain(release.version);
    }
  });
});
