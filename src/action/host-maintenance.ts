import { basename, posix } from 'node:path';
import { parsePackageName } from '../package-layout/package-name.js';
import type { PackagePlace } from '../package-layout/host-layout.js';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { execute } from './execute.js';
import type { Config } from './inputs.js';
import type { UnpublishMode } from './inputs/mode-inputs.js';
import { describeStep } from './plan/describe-step.js';
import type { InvalidateCdnStep, Step } from './plan/steps.js';
import type { Maintenance, PublishPorts } from './ports.js';
import type { PublishResult } from './publish.js';
import { nothingExecuted } from './published.js';
import { describeHost, nameHost } from './report/package-host.js';

/**
 * `mode: unpublish` and `mode: resign`: work on the repositories the package host already has. Both
 * read every repository first (the plan), and write only once all of them could be read and the
 * signing key loaded; both end with the CDN invalidation when a distribution is named. Images are
 * never touched.
 */
export async function maintainHost(
  config: Config,
  loading: PublishPorts | Promise<PublishPorts>,
  logger: Logger,
): Promise<PublishResult> {
  const { mode } = config;
  if (mode.kind !== 'unpublish' && mode.kind !== 'resign')
    throw new Error('maintainHost needs unpublish or resign');
  logger.info(mode.kind === 'unpublish' ? `unpublish ${mode.version}` : 'sign every repository again');
  const ports = await loading;
  const { host, maintenance } = ports;
  if (!host || !maintenance) throw new Error(`mode ${mode.kind} needs the package host and its repositories`);
  // Conditional writes found out (or refused without serialized: true) before any repository is read.
  await host.check?.();
  const steps =
    mode.kind === 'unpublish'
      ? await unpublishSteps(mode, maintenance, host.description)
      : await resignSteps(maintenance);
  const plan = withCdn(steps, config);
  const packageHost = nameHost(host, config.s3Endpoint);
  const result: PublishResult = {
    mode: mode.kind,
    release:
      mode.kind === 'unpublish'
        ? { version: mode.version, channel: channelOf(mode.version) }
        : { version: '', channel: 'stable' },
    latest: { latest: false, reason: `mode ${mode.kind} moves no image tag` },
    packageVersion: mode.kind === 'unpublish' ? mode.version : undefined,
    tags: [],
    plan,
    dryRun: config.dryRun,
    packageHost,
    ...nothingExecuted(),
  };
  if (config.dryRun) {
    await logger.group('Plan (dry run: nothing is changed)', async () => {
      logger.info(`host     ${describeHost(packageHost)}`);
      plan.forEach((step) => logger.info(describeStep(step)));
    });
    return result;
  }
  logger.info(`host ${describeHost(packageHost)}`);
  return { ...result, ...(await execute(plan, ports, undefined, logger)) };
}

/** One withdraw step per repository holding packages of the version (and of the patterns, if any). */
async function unpublishSteps(mode: UnpublishMode, maintenance: Maintenance, host: string): Promise<Step[]> {
  const { version, patterns } = mode;
  const planned = await maintenance.planWithdrawals(
    (place) => isOfVersion(place, version) && matchesAny(place, patterns),
  );
  if (planned.length === 0) {
    throw new UserError(
      'version',
      `no package of ${version}${patterns.length > 0 ? ` matching packages` : ''} is on ${host}`,
      'check the version and patterns against the host (a version already unpublished has nothing left to remove)',
    );
  }
  const picked = planned.flatMap((withdrawal) => withdrawal.packages);
  for (const pattern of patterns) {
    if (!picked.some((path) => matchesPattern(path, pattern))) {
      throw new UserError(
        'packages',
        `'${pattern}' matches no package of ${version} on ${host}`,
        `give file-name patterns of the packages to remove, e.g. falco-${version}-x86_64.deb or *.rpm`,
      );
    }
  }
  return planned.map((withdrawal) => ({
    step: 'withdraw-packages',
    ...withdrawal,
    signedBy: maintenance.fingerprint,
  }));
}

async function resignSteps(maintenance: Maintenance): Promise<Step[]> {
  const planned = await maintenance.planResignings();
  const signedBy = maintenance.fingerprint;
  if (signedBy === undefined) throw new Error('re-signing planned without a signing key');
  return planned.map((resigning) => ({ step: 'resign-repository', ...resigning, signedBy }));
}

/** The CDN's cached copies of what the run replaced or deleted, dropped once everything is written. */
function withCdn(steps: Step[], config: Config): Step[] {
  if (config.cloudfront === undefined) return steps;
  const { distribution, root, wait } = config.cloudfront;
  const cdn: InvalidateCdnStep = { step: 'invalidate-cdn', distribution, root, wait };
  return [...steps, cdn];
}

/**
 * The file name's version is the one given: read with it as the expected version, so a variant
 * (`-static`) and a prerelease (`-rc1`) are told apart as when the package was published.
 */
function isOfVersion(place: PackagePlace, version: string): boolean {
  try {
    return parsePackageName(place.package.fileName, version).version === version;
  } catch {
    return false;
  }
}

function matchesAny(place: PackagePlace, patterns: readonly string[]): boolean {
  return patterns.length === 0 || patterns.some((pattern) => matchesPattern(place.path, pattern));
}

/** A pattern with a `/` is matched against the host path (`deb/stable/*.deb`), any other against the file name. */
function matchesPattern(path: string, pattern: string): boolean {
  return posix.matchesGlob(pattern.includes('/') ? path : basename(path), pattern);
}

/** Where a version's packages live: a version with a suffix (`-rc1`, a dev build) is in the dev trees. */
function channelOf(version: string): 'stable' | 'dev' {
  return /^\d+\.\d+\.\d+$/.test(version) ? 'stable' : 'dev';
}
