import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The import rules of ARCHITECTURE.md, checked on the import graph of src/ (static and dynamic imports).

const SRC = resolve('src');

/** Every .ts file under src/, relative to it. */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

/** The top folder of a source file (`action`, `formats`, ...), or `.` for src/ itself. */
const folderOf = (file: string): string => (file.includes('/') ? (file.split('/')[0] ?? '.') : '.');

interface Edge {
  readonly from: string;
  readonly to: string;
  /** A module outside the project (`node:fs`, `@actions/core`). */
  readonly external: string | undefined;
}

function edges(): Edge[] {
  return sourceFiles().flatMap((file) => {
    const text = readFileSync(join(SRC, file), 'utf8');
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] ?? '');
    return specifiers.map((specifier): Edge => {
      if (!specifier.startsWith('.')) return { from: file, to: '', external: specifier };
      const target = relative(SRC, resolve(SRC, dirname(file), specifier)).replace(/\.js$/, '.ts');
      return { from: file, to: target, external: undefined };
    });
  });
}

const ALL = edges();
const between = ALL.filter(
  (edge) => edge.external === undefined && folderOf(edge.from) !== folderOf(edge.to),
);

/** The folders each library may import, besides itself (ARCHITECTURE.md, "Imports go one way"). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  util: [],
  'package-layout': ['util'],
  formats: ['util'],
  stores: ['util'],
  oci: ['util'],
  registry: ['oci', 'util'],
  'image-drivers': ['registry', 'oci', 'util'],
  hosts: ['stores', 'util'],
  indexes: ['formats', 'package-layout', 'stores', 'util'],
  signing: ['registry', 'oci', 'util'],
  cdn: ['util'],
};

describe('the import graph of src/', () => {
  it('finds the imports it checks', () => {
    expect(between.length).toBeGreaterThan(50);
    expect(ALL.some((edge) => edge.external === '@actions/core')).toBe(true);
  });

  it.each(Object.entries(ALLOWED))('%s imports only what it builds on', (folder, allowed) => {
    const wrong = between
      .filter((edge) => folderOf(edge.from) === folder && !allowed.includes(folderOf(edge.to)))
      .map((edge) => `${edge.from} → ${edge.to}`);
    expect(wrong).toEqual([]);
  });

  it('every folder of src/ is the pipeline or a library with rules', () => {
    const folders = new Set(sourceFiles().map(folderOf));
    expect(
      [...folders].filter((folder) => folder !== '.' && folder !== 'action' && !(folder in ALLOWED)),
    ).toEqual([]);
  });

  it('@actions/* only where the design puts it: core at the entry point and the report, exec behind docker, glob for packages', () => {
    const users: Readonly<Record<string, (file: string) => boolean>> = {
      '@actions/core': (file) => file === 'action/main.ts' || file.startsWith('action/report/'),
      '@actions/exec': (file) => file === 'image-drivers/docker-cli.ts',
      '@actions/glob': (file) => file === 'action/validate/find-packages.ts',
    };
    const wrong = ALL.filter(
      (edge) => edge.external?.startsWith('@actions/') && !(users[edge.external]?.(edge.from) ?? false),
    ).map((edge) => `${edge.from} → ${edge.external}`);
    expect(wrong).toEqual([]);
  });

  it('the pure parts (release, plan, package layout) do no IO', () => {
    const pure = ALL.filter(
      (edge) =>
        edge.from.startsWith('action/release/') ||
        edge.from.startsWith('action/plan/') ||
        folderOf(edge.from) === 'package-layout',
    );
    // semver compares versions and touches nothing; anything else from outside could be IO.
    const io = pure
      .filter((edge) => edge.external !== undefined && edge.external !== 'semver')
      .map((edge) => `${edge.from} → ${edge.external}`);
    expect(io).toEqual([]);
  });

  it('no adapter imports another adapter of the same port', () => {
    const adapters = [
      ['image-drivers/docker-driver.ts', 'image-drivers/registry-driver.ts'],
      ['stores/directory-store.ts', 'stores/s3-store.ts'],
      ['indexes/apt-format.ts', 'indexes/yum-format.ts'],
    ];
    for (const [a, b] of adapters) {
      expect(
        ALL.filter((edge) => (edge.from === a && edge.to === b) || (edge.from === b && edge.to === a)),
      ).toEqual([]);
    }
  });
});
