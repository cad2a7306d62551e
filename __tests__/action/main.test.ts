import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Publish from '../../src/action/publish.js';
import * as core from '../fixtures/core.js';

vi.mock('@actions/core', () => import('../fixtures/core.js'));
vi.mock('../../src/action/publish.js', async (importOriginal) => {
  const original = await importOriginal<typeof Publish>();
  return { ...original, publish: vi.fn(original.publish) };
});

const { run } = await import('../../src/action/main.js');
const { publish } = await import('../../src/action/publish.js');

/** An armored key's shape: what matters here is that it has many lines, some short. */
const SIGNING_KEY = [
  '-----BEGIN PGP PRIVATE KEY BLOCK-----',
  '',
  'lFgEZ3xLqRYJKwYBBAHaRw8BAQdAq0bXc1UuYVdWNhwqMzAAbD4mmK9HtkVHk5bN',
  'short',
  '  AAEAq2Vd9h1tZoFqHgdWnjR2FJwS1gS/ub2rhv1MoEOMTrMR7rQiRmFsY28gdGVz  ',
  '=x4Gt',
  '-----END PGP PRIVATE KEY BLOCK-----',
].join('\n');

const SECRETS = {
  'registry-username': 'falco-bot',
  'registry-password': 'registry password 1234',
  'signing-key': SIGNING_KEY,
  'signing-passphrase': 'signing passphrase 5678',
};

/** Inputs that pass every check: packages to a directory host (never written: publish is the stand-in). */
const PUBLISHABLE = {
  ref: 'refs/tags/0.26.0',
  packages: 'build/*.deb',
  'package-host': join(tmpdir(), 'falco-main-test-host'),
};

beforeEach(() => {
  vi.stubEnv('GITHUB_STEP_SUMMARY', '');
  vi.stubEnv('GITHUB_REF', '');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
  vi.stubEnv('AWS_SESSION_TOKEN', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.mocked(publish).mockReset();
});

/** Every call of the stand-in's functions, in the order the action made them. */
function callOrder(): string[] {
  const named = Object.entries({
    setSecret: core.setSecret,
    setFailed: core.setFailed,
    setOutput: core.setOutput,
    info: core.info,
    warning: core.warning,
  });
  return named
    .flatMap(([name, fn]) => fn.mock.invocationCallOrder.map((order) => [order, name] as const))
    .sort(([a], [b]) => a - b)
    .map(([, name]) => name);
}

describe('run() masks every secret before anything can print it', () => {
  it('the registry password and its Basic form, the signing key whole and by line, the passphrase, the AWS secrets', async () => {
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'aws secret key abcdefgh');
    vi.stubEnv('AWS_SESSION_TOKEN', 'aws session token ijklmnop');
    // A bad input stops the run right after the masking.
    core.resetCore({ ...SECRETS, ref: 'refs/tags/0.26.0', latest: 'sometimes' });
    await run();

    const masked = core.setSecret.mock.calls.map(([secret]) => secret);
    expect(masked).toEqual(
      expect.arrayContaining([
        'registry password 1234',
        Buffer.from('falco-bot:registry password 1234').toString('base64'),
        SIGNING_KEY,
        '-----BEGIN PGP PRIVATE KEY BLOCK-----',
        'lFgEZ3xLqRYJKwYBBAHaRw8BAQdAq0bXc1UuYVdWNhwqMzAAbD4mmK9HtkVHk5bN',
        'AAEAq2Vd9h1tZoFqHgdWnjR2FJwS1gS/ub2rhv1MoEOMTrMR7rQiRmFsY28gdGVz',
        '-----END PGP PRIVATE KEY BLOCK-----',
        'signing passphrase 5678',
        'aws secret key abcdefgh',
        'aws session token ijklmnop',
      ]),
    );
    // Nothing empty or blank is masked (the runner would hide every space in the log).
    for (const secret of masked) expect(secret.trim()).toBe(secret);
    expect(masked).not.toContain('');
    // Masked first: the failure is reported only after every secret is.
    const order = callOrder();
    expect(order.lastIndexOf('setSecret')).toBeLessThan(order.indexOf('setFailed'));
    expect(core.setFailed).toHaveBeenCalledOnce();
  });

  it("the package host's password and its Basic form, or its token", async () => {
    core.resetCore({
      'package-host-username': 'deployer',
      'package-host-password': 'host password 4321',
      ref: 'refs/tags/0.26.0',
      latest: 'sometimes',
    });
    await run();
    expect(core.setSecret.mock.calls.map(([secret]) => secret)).toEqual([
      'host password 4321',
      Buffer.from('deployer:host password 4321').toString('base64'),
    ]);
    core.resetCore({ 'package-host-token': 'host token 8765', ref: 'refs/tags/0.26.0', latest: 'sometimes' });
    await run();
    expect(core.setSecret.mock.calls.map(([secret]) => secret)).toEqual(['host token 8765']);
  });

  it('masks nothing that is not set', async () => {
    core.resetCore({ ref: 'refs/tags/0.26.0', latest: 'sometimes' });
    await run();
    expect(core.setSecret).not.toHaveBeenCalled();
  });
});

describe('run() fails the step', () => {
  it('with the one-line message of a user error, no stack', async () => {
    core.resetCore({ ...SECRETS, ref: 'refs/tags/0.26.0', latest: 'sometimes' });
    await run();
    expect(core.setFailed).toHaveBeenCalledOnce();
    const [message] = core.setFailed.mock.calls[0] ?? [];
    expect(typeof message).toBe('string');
    expect(message).toMatch(/^latest: /);
    expect(message).toContain('sometimes');
    expect(message).not.toContain('\n');
    expect(message).not.toMatch(/\bat .*\.[jt]s:\d+/);
    expect(publish).not.toHaveBeenCalled();
    expect(core.setOutput).not.toHaveBeenCalled();
  });

  it('with the stack of a defect (a plain Error from inside the publish)', async () => {
    core.resetCore(PUBLISHABLE);
    vi.mocked(publish).mockRejectedValueOnce(new Error('the package host port broke'));
    await run();
    expect(publish).toHaveBeenCalledOnce();
    expect(core.setFailed).toHaveBeenCalledOnce();
    const [message] = core.setFailed.mock.calls[0] ?? [];
    expect(typeof message).toBe('string');
    expect(message).toMatch(/^Error: the package host port broke\n\s+at /);
    expect(message).toContain('main.test.ts');
    expect(core.setOutput).not.toHaveBeenCalled();
  });

  it('with the text of something thrown that is not an Error', async () => {
    core.resetCore(PUBLISHABLE);
    vi.mocked(publish).mockImplementationOnce(() => Promise.reject('a string, not an Error'));
    await run();
    expect(core.setFailed).toHaveBeenCalledExactlyOnceWith('a string, not an Error');
  });
});
