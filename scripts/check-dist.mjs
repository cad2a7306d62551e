// Rebuilds the bundle in a scratch directory and fails when it differs from the committed dist/:
// the action runs dist/index.js, so what is committed there must be exactly what src/ builds to.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const scratch = '.check-dist';
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch);
try {
  const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  // Module ids in the bundle depend on the input path, so compile to lib/ as the build does.
  run('npx', ['tsc', '-p', 'tsconfig.build.json']);
  run('npx', [
    'ncc',
    'build',
    'lib/index.js',
    '-o',
    join(scratch, 'dist'),
    '--license',
    'licenses.txt',
    '--target',
    'es2022',
  ]);
  const built = readdirSync(join(scratch, 'dist')).sort();
  const committed = readdirSync('dist').sort();
  const differing = [...new Set([...built, ...committed])].filter((name) => {
    try {
      return !readFileSync(join(scratch, 'dist', name)).equals(readFileSync(join('dist', name)));
    } catch {
      return true;
    }
  });
  if (differing.length > 0) {
    console.error(`dist/ is stale (${differing.join(', ')} differ): run npm run build and commit dist/`);
    process.exitCode = 1;
  } else {
    console.log(`dist/ matches the sources (${built.join(', ')})`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
