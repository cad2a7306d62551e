import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { publish } from '../../src/action/publish.js';
import { findPackageFiles } from '../../src/action/validate/find-packages.js';
import type { PackageHost, PublishedRun } from '../../src/hosts/host.js';
import { captureLogger } from '../fixtures/capture-logger.js';

// The `finish` capability: a host that records a run as a whole (a GitHub release's notes) is told
// what the run published once every step succeeded, and only then.

interface RecordingHost extends PackageHost {
  readonly finished: PublishedRun[];
}

function recordingHost(failPut = false): RecordingHost {
  const files = new Map<string, Buffer>();
  const finished: PublishedRun[] = [];
  return {
    description: 'a recording host',
    finished,
    async existing(path) {
      const bytes = files.get(path);
      return bytes === undefined ? undefined : createHash('sha256').update(bytes).digest('hex');
    },
    async put(path, localFile) {
      if (failPut) throw new Error('the host broke');
      files.set(path, await readFile(localFile));
    },
    async finish(run) {
      finished.push(run);
    },
  };
}

let workspace: string;
beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'host-finish-'));
  await writeFile(join(workspace, 'falco-0.26.0-x86_64.tar.gz'), 'a tarball');
});
afterAll(() => rm(workspace, { recursive: true, force: true }));

function configFor(extra: Record<string, string> = {}): ReturnType<typeof readInputs> {
  const values: Record<string, string> = {
    ref: 'refs/tags/0.26.0',
    packages: join(workspace, 'falco-*'),
    'package-host': './unused',
    ...extra,
  };
  return readInputs((name) => values[name] ?? '', { GITHUB_WORKSPACE: workspace });
}

describe("a host's finish", () => {
  it('is told every package once the plan has run, the skipped ones of a re-run too', async () => {
    const host = recordingHost();
    const ports = { host, findFiles: findPackageFiles };
    await publish(configFor(), ports, captureLogger(), workspace);
    await publish(configFor(), ports, captureLogger(), workspace);
    const sha256 = createHash('sha256').update('a tarball').digest('hex');
    const expected = {
      images: [],
      packages: [expect.objectContaining({ path: 'bin/x86_64/falco-0.26.0-x86_64.tar.gz', sha256, size: 9 })],
    };
    expect(host.finished).toEqual([expected, expected]);
  });

  it('is not called in a dry run, nor after a failed step', async () => {
    const dry = recordingHost();
    await publish(
      configFor({ 'dry-run': 'true' }),
      { host: dry, findFiles: findPackageFiles },
      captureLogger(),
      workspace,
    );
    expect(dry.finished).toEqual([]);
    const broken = recordingHost(true);
    await expect(
      publish(configFor(), { host: broken, findFiles: findPackageFiles }, captureLogger(), workspace),
    ).rejects.toThrow('the host broke');
    expect(broken.finished).toEqual([]);
  });
});
