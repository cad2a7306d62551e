import { afterEach, describe, expect, it, vi } from 'vitest';
import * as core from '../fixtures/core.js';

vi.mock('@actions/core', () => import('../fixtures/core.js'));

const { run } = await import('../../src/action/main.js');

afterEach(() => vi.unstubAllEnvs());

describe('run() and github-token', () => {
  it('masks the token before anything can print it, whatever the package host (a runner always passes it)', async () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', '');
    // A bad input stops the run right after the masking.
    core.resetCore({ ref: 'refs/tags/0.26.0', latest: 'sometimes', 'github-token': 'ghs_job-token-1234' });
    await run();
    expect(core.setSecret.mock.calls.map(([secret]) => secret)).toContain('ghs_job-token-1234');
    expect(core.setFailed).toHaveBeenCalledOnce();
    expect(String(core.setFailed.mock.calls[0]?.[0])).not.toContain('ghs_job-token-1234');
  });
});
