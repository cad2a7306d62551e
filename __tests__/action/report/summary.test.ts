import { marked } from 'marked';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../../src/action/report/summary.js';
import type { Step } from '../../../src/action/plan/steps.js';
import { resultOf } from '../../fixtures/config.js';

// The job summary as GitHub shows it: its Markdown rendered to HTML, each table read cell by cell.
const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
const C = `sha256:${'c'.repeat(64)}`;

function tables(markdown: string): string[][][] {
  const html = parse(marked.parse(markdown, { async: false }));
  return html
    .querySelectorAll('table')
    .map((table: HTMLElement) =>
      table
        .querySelectorAll('tr')
        .map((row) => row.querySelectorAll('th, td').map((cell) => cell.text.trim())),
    );
}

function tableWith(markdown: string, header: string): string[][] {
  const found = tables(markdown).find((rows) => rows[0]?.[0] === header);
  if (!found) throw new Error(`no table headed ${header} in:\n${markdown}`);
  return found;
}

const updateDebDev: Step = {
  step: 'update-repository',
  root: 'deb-dev',
  format: 'apt',
  repository: {
    root: 'deb-dev',
    format: 'apt',
    retention: { limit: { versions: 2 }, deletes: [] },
    packages: [
      { path: 'deb-dev/stable/falco-0.41.0-3+abc1234-x86_64.deb' },
      { path: 'deb-dev/stable/falco-0.41.0-3+abc1234-aarch64.deb' },
    ] as never,
  },
  retention: { limit: { versions: 2 }, deletes: [] },
  signedBy: 'ABCD',
};

describe('the job summary, rendered', () => {
  it('shows every tag before → after: new, moved, unchanged', () => {
    const markdown = renderSummary(
      resultOf({
        tags: ['r/falco:0.41.0', 'r/falco:latest', 'r/falco:0.40.0'],
        tagChanges: [
          { ref: 'r/falco:0.41.0', before: undefined, after: A },
          { ref: 'r/falco:latest', before: B, after: A },
          { ref: 'r/falco:0.40.0', before: C, after: C },
        ],
      }),
    );
    expect(tableWith(markdown, 'tag')).toEqual([
      ['tag', 'before', 'after', 'change'],
      ['r/falco:0.41.0', '—', A, 'new'],
      ['r/falco:latest', B, A, 'moved'],
      ['r/falco:0.40.0', C, C, 'unchanged'],
    ]);
  });

  it('a dry run lists the tags it would push', () => {
    const markdown = renderSummary(resultOf({ dryRun: true, tags: ['r/falco:0.41.0'] }));
    expect(tableWith(markdown, 'tag')).toEqual([
      ['tag', 'planned'],
      ['r/falco:0.41.0', 'to be pushed'],
    ]);
  });

  it('shows each repository with the versions added and the versions retention removed', () => {
    const markdown = renderSummary(
      resultOf({
        plan: [updateDebDev],
        repositories: [
          {
            root: 'deb-dev',
            changed: true,
            signatures: 3,
            packageSignatures: [],
            removed: [
              'deb-dev/stable/falco-0.40.0-9+0123abc-x86_64.deb',
              'deb-dev/stable/falco-0.40.0-9+0123abc-x86_64.deb.asc',
              'deb-dev/stable/falco-0.40.0-7+fedcba9-aarch64.deb',
            ],
          },
        ],
      }),
    );
    expect(tableWith(markdown, 'repository')).toEqual([
      ['repository', 'versions added', 'versions removed', 'indexes'],
      ['deb-dev', '0.41.0-3+abc1234', '0.40.0-9+0123abc, 0.40.0-7+fedcba9', 'updated'],
    ]);
  });

  it('shows every signature, where it is stored and by whom, and the host', () => {
    const markdown = renderSummary(
      resultOf({
        packageHost: { kind: 's3', description: 's3://falco-distribution/packages' } as never,
        plan: [
          {
            step: 'sign-image',
            source: 'falco:build',
            target: 'r/falco:0.41.0',
            registry: { kind: 'registry', host: 'r' },
            repository: 'falco',
            tag: '0.41.0',
            signedAs: 'r/falco',
            signing: 'keyless',
          },
        ],
        signatures: [
          {
            subject: `r/falco@${A}`,
            digest: A,
            kind: 'cosign-signature',
            where: 'r/falco:sha256-aaaa.sig',
            signer:
              'https://github.com/falcosecurity/falco/.github/workflows/release.yaml@refs/tags/0.41.0 (https://token.actions.githubusercontent.com)',
            state: 'signed',
          },
        ],
      }),
    );
    expect(tableWith(markdown, 'signed')).toEqual([
      ['signed', 'kind', 'stored at', 'signer', 'state'],
      [
        `r/falco@${A}`,
        'cosign-signature',
        'r/falco:sha256-aaaa.sig',
        'https://github.com/falcosecurity/falco/.github/workflows/release.yaml@refs/tags/0.41.0 (https://token.actions.githubusercontent.com)',
        'signed',
      ],
    ]);
    expect(parse(marked.parse(markdown, { async: false })).text).toContain(
      's3://falco-distribution/packages',
    );
  });
});
