import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { publish } from '../../src/action/publish.js';
import { packagePortsFor } from '../../src/action/wiring.js';
import { findPackageFiles } from '../../src/action/validate/find-packages.js';
import type { PackageHost } from '../../src/hosts/host.js';
import { captureLogger } from '../fixtures/capture-logger.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

/**
 * A host that stores flat files only, as a GitHub release or a plain HTTP server would: it has every
 * method the port requires and none of the capabilities (no repository store). Every method works.
 */
function flatFileHost(): PackageHost & { readonly files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  return {
    description: 'a flat-file host',
    files,
    async existing(path) {
      const bytes = files.get(path);
      return bytes === undefined ? undefined : createHash('sha256').update(bytes).digest('hex');
    },
    async put(path, localFile) {
      files.set(path, await readFile(localFile));
    },
  };
}

let workspace: string;
beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'flat-host-'));
  // Real packages (the demo's), so nothing but the missing capability differs from a normal release.
  const demo = resolve('scripts/demo-packages');
  for (const name of await readdir(demo)) await copyFile(join(demo, name), join(workspace, name));
  await writeFile(join(workspace, 'falco-0.26.0-x86_64.tar.gz'), 'a tarball');
});
afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

function configFor(extra: Record<string, string> = {}): ReturnType<typeof readInputs> {
  const values: Record<string, string> = {
    ref: 'refs/tags/0.26.0',
    packages: join(workspace, 'falco-*'),
    'package-host': './unused',
    ...extra,
  };
  return readInputs((name) => values[name] ?? '', { GITHUB_WORKSPACE: workspace });
}

describe('a host without the repository capability', () => {
  it('publishes a release through the whole pipeline, with no repository step', async () => {
    const host = flatFileHost();
    const config = configFor();
    const ports = { ...(await packagePortsFor(host, config)), findFiles: findPackageFiles };
    expect(ports.repositories).toBeUndefined();

    const logger = captureLogger();
    const result = await publish(config, ports, logger, workspace);
    expect(result.plan.map((step) => step.step)).toEqual(Array(5).fill('publish-package'));
    expect(result.repositories).toEqual([]);
    expect([...host.files.keys()].sort()).toEqual([
      'bin/x86_64/falco-0.26.0-x86_64.tar.gz',
      'deb/stable/falco-0.26.0-aarch64.deb',
      'deb/stable/falco-0.26.0-x86_64.deb',
      'rpm/falco-0.26.0-aarch64.rpm',
      'rpm/falco-0.26.0-x86_64.rpm',
    ]);
    expect(logger.lines.join('\n')).not.toMatch(/index|Update /);

    // A second run finds every package there with the same content and writes nothing.
    const again = await publish(config, ports, captureLogger(), workspace);
    expect(again.plan.map((step) => (step.step === 'publish-package' ? step.action : step.step))).toEqual(
      Array(5).fill('skip'),
    );
  });

  it('refuses a signing key it could not use, before anything is published', async () => {
    const host = flatFileHost();
    const error = await asyncUserErrorOf(
      packagePortsFor(host, configFor({ 'signing-key': '-----BEGIN PGP PRIVATE KEY BLOCK-----' })),
    );
    expect(error.message).toBe(
      'signing-key: is set, but a flat-file host keeps no repositories to sign — remove signing-key, or publish to a host that keeps APT/YUM repositories (a directory or s3://)',
    );
    expect(host.files.size).toBe(0);
  });
});
