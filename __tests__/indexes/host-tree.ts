import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `root` (dot files included) → sha256 and mtime: what a re-run must leave alone. */
export function hostTree(root: string): Map<string, string> {
  const tree = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else
        tree.set(
          relative(root, path),
          `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${info.mtimeMs}`,
        );
    }
  };
  walk(root);
  return tree;
}

export const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');
