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
    [{ mode: 'unpublish' }, 'mode', 'is not accepted'],
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
});
