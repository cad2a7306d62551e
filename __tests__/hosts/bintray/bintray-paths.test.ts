import { describe, expect, it } from 'vitest';
import { packagePath, uploadPath, versionPath } from '../../../src/hosts/bintray/bintray-paths.js';

describe('the paths of the Bintray API', () => {
  it("encodes each name as one segment (a dev version's + as %2B)", () => {
    expect(packagePath('falcosecurity', 'deb-dev', 'falco')).toBe('/packages/falcosecurity/deb-dev/falco');
    expect(versionPath('falcosecurity', 'deb-dev', 'falco', '0.27.0-12+abc1234')).toBe(
      '/packages/falcosecurity/deb-dev/falco/versions/0.27.0-12%2Babc1234',
    );
  });

  it('uploads a .deb with publish and its three deb_* matrix parameters; override only when replacing', () => {
    const deb = {
      repository: 'deb-dev',
      package: 'falco',
      version: '0.27.0-12+abc1234',
      path: 'stable/falco-0.27.0-12+abc1234-x86_64.deb',
      debArchitecture: 'amd64' as const,
    };
    expect(uploadPath('falcosecurity', deb, false)).toBe(
      '/content/falcosecurity/deb-dev/falco/0.27.0-12%2Babc1234/stable/falco-0.27.0-12%2Babc1234-x86_64.deb;publish=1;deb_distribution=stable;deb_component=main;deb_architecture=amd64',
    );
    expect(uploadPath('falcosecurity', deb, true)).toContain(';publish=1;override=1;deb_distribution=stable');
  });

  it('gives an rpm or a tarball no deb_* parameter', () => {
    const rpm = { repository: 'rpm', package: 'falco', version: '0.26.0', path: 'falco-0.26.0-x86_64.rpm' };
    expect(uploadPath('falcosecurity', rpm, false)).toBe(
      '/content/falcosecurity/rpm/falco/0.26.0/falco-0.26.0-x86_64.rpm;publish=1',
    );
  });
});
