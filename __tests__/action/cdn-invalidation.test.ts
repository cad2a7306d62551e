import { describe, expect, it } from 'vitest';
import { invalidationItems, replacedHostPaths, type HostWrites } from '../../src/action/cdn-invalidation.js';
import { execute } from '../../src/action/execute.js';
import type { PublishPorts } from '../../src/action/ports.js';
import type { Step } from '../../src/action/plan/steps.js';
import type { CdnInvalidator } from '../../src/cdn/invalidator.js';
import type { PackageHost } from '../../src/hosts/host.js';
import type { RepositoryReport } from '../../src/indexes/repository-updater.js';
import type { SignatureRecord } from '../../src/signing/signature-record.js';
import { renderSummary } from '../../src/action/report/summary.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { resultOf } from '../fixtures/config.js';

const APT_REWRITTEN = [
  'deb-dev/dists/stable/InRelease',
  'deb-dev/dists/stable/Release',
  'deb-dev/dists/stable/main/binary-amd64/Packages.gz',
];

function report(root: string, overrides: Partial<RepositoryReport> = {}): RepositoryReport {
  return { root, signatures: 0, packageSignatures: [], removed: [], ...overrides };
}

function bundle(path: string, state: 'signed' | 'present'): SignatureRecord {
  return {
    subject: path,
    digest: 'sha256:x',
    kind: 'provenance',
    where: `${path}.sigstore.json`,
    signer: 's',
    state,
  };
}

describe('replacedHostPaths', () => {
  it('takes what the repository updates wrote over, and nothing they created', () => {
    const writes: HostWrites = {
      replacedPackages: new Set(),
      repositories: [
        report('deb-dev', {
          rewritten: APT_REWRITTEN,
          packageSignatures: ['deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb.asc'],
        }),
        report('bin-dev'),
      ],
      signatures: [bundle('deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb', 'signed')],
    };
    // A new package, its new .asc and its new provenance bundle: nothing cached to drop.
    expect(replacedHostPaths(writes)).toEqual(APT_REWRITTEN);
  });

  it('adds each replaced package with the signature and bundle written for it', () => {
    const deb = 'deb/stable/falco-0.26.0-x86_64.deb';
    const tarball = 'bin/x86_64/falco-0.26.0-x86_64.tar.gz';
    const writes: HostWrites = {
      replacedPackages: new Set([deb, tarball]),
      repositories: [
        report('deb', { rewritten: ['deb/dists/stable/Release'], packageSignatures: [`${deb}.asc`] }),
        // An unsigned tree writes no .asc: none is named.
        report('bin'),
      ],
      signatures: [bundle(deb, 'signed'), bundle(tarball, 'present')],
    };
    expect(replacedHostPaths(writes)).toEqual([
      tarball,
      'deb/dists/stable/Release',
      deb,
      `${deb}.asc`,
      `${deb}.sigstore.json`,
    ]);
  });
});

describe('invalidationItems', () => {
  it('names each file under the host root, a + in both spellings', () => {
    expect(
      invalidationItems('/packages', [
        'deb-dev/stable/falco-0.27.0-1+a-x86_64.deb',
        'rpm/repodata/repomd.xml',
      ]),
    ).toEqual({
      items: [
        '/packages/deb-dev/stable/falco-0.27.0-1%2Ba-x86_64.deb',
        '/packages/deb-dev/stable/falco-0.27.0-1+a-x86_64.deb',
        '/packages/rpm/repodata/repomd.xml',
      ],
      wildcarded: [],
    });
  });

  it('falls back to the repository wildcard when the files are over the limit', () => {
    const many = Array.from({ length: 3001 }, (_, i) => `deb-dev/stable/f${i}.deb`);
    const fitted = invalidationItems('/packages', [...many, 'rpm-dev/repodata/repomd.xml']);
    expect(fitted).toEqual({
      items: ['/packages/deb-dev/*', '/packages/rpm-dev/repodata/repomd.xml'],
      wildcarded: ['/packages/deb-dev'],
    });
  });
});

/** A CDN port that records what it is asked. */
function recordingCdn(status = 'InProgress'): CdnInvalidator & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    description: 'CloudFront distribution E1',
    async invalidate(paths) {
      calls.push(`invalidate ${paths.join(' ')}`);
      return { id: 'I1', status };
    },
    async waitUntilCompleted(id) {
      calls.push(`wait ${id}`);
    },
  };
}

const host: PackageHost = {
  description: 's3://falco-distribution/packages',
  existing: async () => undefined,
  put: async () => undefined,
};

function ports(cdn: CdnInvalidator, reports: RepositoryReport[]): PublishPorts {
  return {
    host,
    cdn,
    findFiles: async () => [],
    repositories: {
      prepare: async () => [],
      fingerprint: undefined,
      update: async (repository) =>
        reports.find((r) => r.root === repository.root) ?? report(repository.root),
    },
  };
}

function packageStep(path: string, action: 'upload' | 'replace' | 'skip'): Step {
  return {
    step: 'publish-package',
    file: path,
    localFile: `/w/${path}`,
    path,
    sha256: 'a'.repeat(64),
    size: 1,
    action,
  };
}

const repositoryStep: Step = {
  step: 'update-repository',
  root: 'deb',
  format: 'apt',
  repository: { root: 'deb', format: 'apt', packages: [], retention: undefined },
  retention: undefined,
  signedBy: undefined,
};

describe('the invalidate-cdn step, executed', () => {
  it('invalidates the replaced package and the indexes the update rewrote, and waits when told', async () => {
    const cdn = recordingCdn();
    const plan: Step[] = [
      packageStep('deb/stable/falco-0.26.0-x86_64.deb', 'replace'),
      packageStep('deb/stable/falco-0.26.0-aarch64.deb', 'upload'),
      repositoryStep,
      { step: 'invalidate-cdn', distribution: 'E1', root: '/packages', wait: true },
    ];
    const logger = captureLogger();
    const executed = await execute(
      plan,
      ports(cdn, [report('deb', { rewritten: ['deb/dists/stable/InRelease', 'deb/dists/stable/Release'] })]),
      undefined,
      logger,
    );
    expect(cdn.calls).toEqual([
      'invalidate /packages/deb/dists/stable/InRelease /packages/deb/dists/stable/Release /packages/deb/stable/falco-0.26.0-x86_64.deb',
      'wait I1',
    ]);
    expect(executed.cdnInvalidation).toMatchObject({ id: 'I1', status: 'Completed', distribution: 'E1' });
    expect(logger.lines).toContain('group: Invalidate CloudFront distribution E1');
    expect(logger.lines).toContain('  /packages/deb/stable/falco-0.26.0-x86_64.deb');
  });

  it('does not wait unless told to', async () => {
    const cdn = recordingCdn();
    await execute(
      [
        packageStep('deb/stable/a.deb', 'replace'),
        { step: 'invalidate-cdn', distribution: 'E1', root: '', wait: false },
      ],
      ports(cdn, []),
      undefined,
      captureLogger(),
    );
    expect(cdn.calls).toEqual(['invalidate /deb/stable/a.deb']);
  });

  it('asks nothing of the CDN when the run replaced nothing (a re-run, or only new files)', async () => {
    const cdn = recordingCdn();
    const logger = captureLogger();
    const executed = await execute(
      [
        packageStep('deb/stable/new.deb', 'upload'),
        packageStep('deb/stable/old.deb', 'skip'),
        repositoryStep,
        { step: 'invalidate-cdn', distribution: 'E1', root: '/packages', wait: true },
      ],
      ports(cdn, [report('deb', { rewritten: [] })]),
      undefined,
      logger,
    );
    expect(cdn.calls).toEqual([]);
    expect(executed.cdnInvalidation).toMatchObject({ id: undefined, items: [] });
    expect(logger.lines).toContain(
      'CloudFront distribution E1: the run replaced no file a cache may hold, nothing to invalidate',
    );
  });
});

describe('the job summary', () => {
  it('names the invalidation, or says that nothing needed one', () => {
    const made = {
      distribution: 'E1',
      hostPaths: ['deb/x'],
      items: ['/deb/x', '/deb/y'],
      id: 'I1',
      status: 'Completed',
    };
    expect(renderSummary(resultOf({ cdnInvalidation: made }))).toContain(
      'CloudFront distribution `E1`: invalidation `I1` of 2 paths, Completed',
    );
    const none = { ...made, hostPaths: [], items: [], id: undefined, status: undefined };
    expect(renderSummary(resultOf({ cdnInvalidation: none }))).toContain(
      'CloudFront distribution `E1`: nothing to invalidate (the run replaced no file a cache may hold)',
    );
    expect(renderSummary(resultOf())).not.toContain('CloudFront');
  });
});
