import { basename } from 'node:path';
import { parsePackageName } from '../../package-layout/package-name.js';
import type { PublishResult } from '../publish.js';

/** Markdown table rows: a header, its rule, the rows, a blank line. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  if (rows.length === 0) return [];
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line), ''];
}

export function code(value: string | undefined): string {
  return value ? `\`${value}\`` : '—';
}

export function escape(text: string): string {
  return text.replace(/[|<>]/g, (c) => `\\${c}`);
}

/**
 * Every tag with the digest it held before and holds now: `new`, `moved` or `unchanged`. A dry run
 * has pushed nothing: its tags are listed as planned.
 */
export function tagTable(result: PublishResult): string[] {
  if (result.tagChanges.length === 0) {
    return table(
      ['tag', 'planned'],
      result.tags.map((tag) => [code(tag), result.dryRun ? 'to be pushed' : '—']),
    );
  }
  return table(
    ['tag', 'before', 'after', 'change'],
    result.tagChanges.map(({ ref, before, after }) => [
      code(ref),
      code(before),
      code(after),
      before === undefined ? 'new' : before === after ? 'unchanged' : 'moved',
    ]),
  );
}

/** Each repository the run updated, with the versions it added and the versions retention took out. */
export function repositoryTable(result: PublishResult): string[] {
  const added = new Map<string, Set<string>>();
  for (const step of result.plan) {
    if (step.step !== 'update-repository') continue;
    added.set(step.root, versionsOf(step.repository.packages.map((pkg) => pkg.path)));
  }
  return table(
    ['repository', 'versions added', 'versions removed', 'indexes'],
    result.repositories.map((repository) => [
      code(repository.root),
      list(added.get(repository.root)),
      list(versionsOf(repository.removed)),
      repository.changed === undefined ? 'no index' : repository.changed ? 'updated' : 'already current',
    ]),
  );
}

/** The versions of the package paths (a signature or other file beside a package counts as its version). */
function versionsOf(paths: readonly string[]): Set<string> {
  const versions = new Set<string>();
  for (const path of paths) {
    try {
      versions.add(parsePackageName(basename(path).replace(/\.(asc|sigstore\.json)$/, '')).version);
    } catch {
      // Not a package name (an index file): no version to show.
    }
  }
  return versions;
}

function list(versions: ReadonlySet<string> | undefined): string {
  return versions && versions.size > 0 ? [...versions].map((version) => code(version)).join(', ') : '—';
}

/**
 * What `mode: unpublish` or `mode: resign` does to each repository, from the plan (so a dry run shows
 * it too), with whether it is done.
 */
export function maintenanceTable(result: PublishResult): string[] {
  const state = (root: string): string =>
    result.dryRun
      ? 'planned'
      : result.repositories.some((done) => done.root === root)
        ? 'done'
        : 'not reached';
  const withdrawals = result.plan.flatMap((step) => (step.step === 'withdraw-packages' ? [step] : []));
  const resignings = result.plan.flatMap((step) => (step.step === 'resign-repository' ? [step] : []));
  return [
    ...table(
      ['repository', 'versions removed', 'packages removed', 'files deleted', 'state'],
      withdrawals.map((step) => [
        code(step.root),
        list(versionsOf(step.packages)),
        step.packages.map((path) => code(basename(path))).join(', '),
        String(step.deletes.length),
        state(step.root),
      ]),
    ),
    ...table(
      [
        'repository',
        'packages',
        'rpm headers signed',
        '.asc signed',
        'index files signed',
        'signed by',
        'state',
      ],
      resignings.map((step) => [
        code(step.root),
        String(step.packages.length),
        String(step.rpmHeaders.length),
        String(step.signatures.length),
        String(step.indexes.length),
        code(step.signedBy),
        state(step.root),
      ]),
    ),
  ];
}
