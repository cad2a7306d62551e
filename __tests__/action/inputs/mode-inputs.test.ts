import { describe, expect, it } from 'vitest';
import { readInputs, type InputReader } from '../../../src/action/inputs.js';
import { userErrorOf } from '../../fixtures/errors.js';

const reader =
  (values: Readonly<Record<string, string>>): InputReader =>
  (name) =>
    values[name] ?? '';
const IMAGES = 'falco:build falcosecurity/falco';
const ENV = { GITHUB_REF: 'refs/heads/master' };

describe('mode and version', () => {
  it('publish by default, with the configured driver', () => {
    const config = readInputs(reader({ images: IMAGES }), ENV);
    expect(config.mode).toEqual({ kind: 'publish' });
    expect(config.imageDriver).toBe('docker');
  });

  it('revert-latest takes a stable version (a leading v dropped) and works on the registry', () => {
    const config = readInputs(reader({ images: IMAGES, mode: 'revert-latest', version: 'v0.39.1' }), ENV);
    expect(config.mode).toEqual({ kind: 'revert-latest', version: '0.39.1' });
    expect(config.imageDriver).toBe('registry');
  });

  it.each([
    [{ mode: 'revert-latest' }, 'version', 'is empty'],
    [{ mode: 'revert-latest', version: 'latest' }, 'version', 'is not a version'],
    [{ mode: 'revert-latest', version: '0.40.0-rc1' }, 'version', 'is a prerelease'],
    [{ version: '0.39.1' }, 'version', "mode is 'publish'"],
    [{ mode: 'retract' }, 'mode', 'is not accepted'],
    [
      { mode: 'revert-latest', version: '0.39.1', 'image-signing': 'key', 'cosign-key': 'k' },
      'image-signing',
      'only moves image tags',
    ],
    [
      { mode: 'revert-latest', version: '0.39.1', packages: '*.deb', 'package-host': './d' },
      'packages',
      'only moves image tags',
    ],
  ])('%j is refused, naming %s', (values, subject, problem) => {
    const error = userErrorOf(() => readInputs(reader({ images: IMAGES, ...values }), ENV));
    expect(error.subject).toBe(subject);
    expect(error.message).toContain(problem);
  });

  it('revert-latest without images is refused', () => {
    const error = userErrorOf(() =>
      readInputs(
        reader({ mode: 'revert-latest', version: '0.39.1', packages: '*.deb', 'package-host': './d' }),
        ENV,
      ),
    );
    expect(['images', 'packages']).toContain(error.subject);
  });

  it('unpublish takes any version as file names spell it, and packages as patterns on the host', () => {
    const config = readInputs(
      reader({
        mode: 'unpublish',
        version: 'v0.40.0-rc1',
        packages: '*.rpm\nfalco-*-x86_64.deb',
        'package-host': './d',
      }),
      {},
    );
    expect(config.mode).toEqual({
      kind: 'unpublish',
      version: '0.40.0-rc1',
      patterns: ['*.rpm', 'falco-*-x86_64.deb'],
    });
    // Not files of the workspace: nothing looks for them there.
    expect(config.packagePatterns).toEqual([]);
  });

  it('resign needs the host and the key, and nothing else', () => {
    const config = readInputs(reader({ mode: 'resign', 'package-host': './d', 'signing-key': 'k' }), {});
    expect(config.mode).toEqual({ kind: 'resign' });
    expect(config.rpmHeaderSignatures).toBe(true);
  });

  it.each([
    [{ mode: 'unpublish', 'package-host': './d' }, 'version', 'is empty'],
    [{ mode: 'unpublish', version: 'latest', 'package-host': './d' }, 'version', 'is not a version'],
    [{ mode: 'unpublish', version: '0.39.1' }, 'package-host', 'is empty'],
    [
      { mode: 'unpublish', version: '0.39.1', 'package-host': './d', images: IMAGES },
      'images',
      'touches packages only',
    ],
    [{ mode: 'resign', 'package-host': './d' }, 'signing-key', 'is empty'],
    [{ mode: 'resign', 'signing-key': 'k' }, 'package-host', 'is empty'],
    [
      { mode: 'resign', 'package-host': './d', 'signing-key': 'k', version: '0.39.1' },
      'version',
      'signs every version',
    ],
    [
      { mode: 'resign', 'package-host': './d', 'signing-key': 'k', packages: '*.deb' },
      'packages',
      'signs every package',
    ],
    [
      { mode: 'resign', 'package-host': './d', 'signing-key': 'k', images: IMAGES },
      'images',
      'touches packages only',
    ],
  ])('%j is refused, naming %s', (values, subject, problem) => {
    const error = userErrorOf(() => readInputs(reader(values), {}));
    expect(error.subject).toBe(subject);
    expect(error.message).toContain(problem);
  });
});
