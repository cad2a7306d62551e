import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInsideWorkspace } from '../../../src/action/validate/inside-workspace.js';
import { asyncUserErrorOf } from '../../fixtures/errors.js';

let dir = '';
let workspace = '';
let outside = '';
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'inside-workspace-')));
  workspace = join(dir, 'workspace');
  outside = join(dir, 'elsewhere', 'falco-1.0.0-x86_64.deb');
  mkdirSync(join(workspace, 'build'), { recursive: true });
  mkdirSync(join(dir, 'elsewhere'));
  writeFileSync(outside, 'a package this job did not build\n');
  writeFileSync(join(workspace, 'build', 'falco-1.0.0-x86_64.rpm'), 'built here\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const REMEDY = 'publish only what the job built: move or copy the package into the workspace';

describe('checkInsideWorkspace', () => {
  it('takes files in the workspace, and links that stay in it', async () => {
    symlinkSync(
      join(workspace, 'build', 'falco-1.0.0-x86_64.rpm'),
      join(workspace, 'falco-1.0.0-x86_64.rpm'),
    );
    await checkInsideWorkspace(
      [join(workspace, 'build', 'falco-1.0.0-x86_64.rpm'), join(workspace, 'falco-1.0.0-x86_64.rpm')],
      workspace,
    );
  });

  it('refuses a link to a file outside the workspace, naming the file and where it leads', async () => {
    const link = join(workspace, 'build', 'falco-1.0.0-x86_64.deb');
    symlinkSync(outside, link);
    const error = await asyncUserErrorOf(checkInsideWorkspace([link], workspace));
    expect(error.message).toBe(
      `packages: falco-1.0.0-x86_64.deb: is a link to ${outside}, which is outside the workspace (${workspace}) — ${REMEDY}`,
    );
  });

  it('refuses a file outside the workspace, and one in a folder that links out of it', async () => {
    const direct = await asyncUserErrorOf(checkInsideWorkspace([outside], workspace));
    expect(direct.message).toBe(
      `packages: falco-1.0.0-x86_64.deb: is ${outside}, which is outside the workspace (${workspace}) — ${REMEDY}`,
    );
    symlinkSync(join(dir, 'elsewhere'), join(workspace, 'linked'));
    const throughFolder = await asyncUserErrorOf(
      checkInsideWorkspace([join(workspace, 'linked', 'falco-1.0.0-x86_64.deb')], workspace),
    );
    expect(throughFolder.problem).toBe(
      `is a link to ${outside}, which is outside the workspace (${workspace})`,
    );
  });
});
