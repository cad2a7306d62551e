import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/** Project sources compiled to plain JavaScript in a temp dir, for a child process to run. */
export interface CompiledSource {
  readonly dir: string;
  /** The file URL of a source's compiled module, e.g. of `src/formats/openpgp/signer.ts`. */
  moduleUrl(source: string): string;
  remove(): Promise<void>;
}

/**
 * Compiles `entries` and every project source they import into a temp dir. A child measured for
 * memory must not run a TypeScript loader: the transpiler alone adds some 30 MiB of RSS, which the
 * bundled action never pays. The dir links the project's node_modules, so packages resolve as in the project.
 */
export async function compileSource(entries: readonly string[]): Promise<CompiledSource> {
  const root = resolve('.');
  const dir = await mkdtemp(join(tmpdir(), 'compiled-source-'));
  try {
    const program = ts.createProgram(
      entries.map((entry) => resolve(entry)),
      {
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        rootDir: root,
        outDir: dir,
        types: ['node'],
        skipLibCheck: true,
        esModuleInterop: true,
        resolveJsonModule: true,
        verbatimModuleSyntax: true,
      },
    );
    const emitted = program.emit();
    if (emitted.emitSkipped) {
      const messages = emitted.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      throw new Error(`compiling ${entries.join(', ')} failed:\n${messages.join('\n')}`);
    }
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    moduleUrl: (source) =>
      pathToFileURL(join(dir, relative(root, resolve(source)).replace(/\.ts$/, '.js'))).href,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
