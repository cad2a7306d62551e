import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublishResult } from '../../src/action/publish.js';
import { publish } from '../../src/action/publish.js';
import { outputsOf } from '../../src/action/report/outputs.js';
import { describeHost, nameHost } from '../../src/action/report/package-host.js';
import { renderSummary } from '../../src/action/report/summary.js';
import type { PackageHost } from '../../src/hosts/host.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { configOf, resultOf } from '../fixtures/config.js';

const host = (description: string): PackageHost => ({
  description,
  existing: async () => undefined,
  put: async () => undefined,
});

describe('the package host, as a person reads it', () => {
  it.each<[description: string, endpoint: string | undefined, shown: string]>([
    ['directory /srv/packages', undefined, 'directory /srv/packages'],
    ['s3://falco-distribution/packages', undefined, 's3://falco-distribution/packages'],
    [
      's3://falco-distribution/packages',
      'https://s3.example.com',
      's3://falco-distribution/packages (endpoint https://s3.example.com)',
    ],
    [
      's3://falco-distribution/packages',
      'https://key:secret@s3.example.com:8443/base',
      's3://falco-distribution/packages (endpoint https://s3.example.com:8443/base)',
    ],
  ])('%s with endpoint %s', (description, endpoint, shown) => {
    expect(describeHost(nameHost(host(description), endpoint))).toBe(shown);
  });
});

const RESULT: PublishResult = resultOf();

describe('the package-host output and the summary', () => {
  it('are empty of a host when the run has no packages', () => {
    expect(outputsOf(RESULT)['package-host']).toBe('');
    expect(renderSummary(RESULT)).not.toContain('package host');
  });

  it('name the host: the output its description, the summary with its endpoint', () => {
    const result = {
      ...RESULT,
      packageHost: { description: 's3://falco-distribution/packages', endpoint: 'https://s3.example.com' },
    };
    expect(outputsOf(result)['package-host']).toBe('s3://falco-distribution/packages');
    expect(renderSummary(result)).toContain(
      'package host: `s3://falco-distribution/packages (endpoint https://s3.example.com)`',
    );
  });
});

describe('the dry run names the host first', () => {
  let workspace = '';
  beforeEach(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'package-host-'));
  });
  afterEach(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  it("prints `host` as the plan's first line and returns it", async () => {
    const file = join(workspace, 'build', 'falco-0.26.0-x86_64.tar.gz');
    await mkdir(join(workspace, 'build'), { recursive: true });
    await writeFile(file, 'contents');
    const config = configOf({
      packagePatterns: ['build/*'],
      packageHost: { kind: 'directory', path: '/srv/packages' },
      dryRun: true,
    });
    const logger = captureLogger();
    const result = await publish(
      config,
      { host: host('directory /srv/packages'), findFiles: async () => [file] },
      logger,
      workspace,
    );
    const plan = logger.lines.slice(logger.lines.indexOf('group: Plan (dry run: nothing is published)') + 1);
    expect(plan[0]).toBe('host     directory /srv/packages');
    expect(plan[1]).toMatch(/^package {2}build\/falco-0\.26\.0-x86_64\.tar\.gz → bin\/x86_64\//);
    expect(outputsOf(result)['package-host']).toBe('directory /srv/packages');
    expect(outputsOf(result)['changed-tags']).toBe('');
  });
});
