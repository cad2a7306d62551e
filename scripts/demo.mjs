// Runs the bundled action twice on an embedded release, the way a runner would (INPUT_* and GITHUB_*
// variables, output and summary files): a dry run that prints the whole image and package plan of
// Falco 0.26.0, then a real publish of sample packages to a local directory host. Nothing needs to run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const version = '0.26.0';
const out = resolve('demo-output');
const build = join(out, 'build');
const host = join(out, 'packages');

rmSync(join(out, 'runs'), { recursive: true, force: true });
mkdirSync(build, { recursive: true });
// Sample packages: deterministic bytes, so a second demo run finds them already published and skips them.
for (const name of [
  `falco-${version}-x86_64.deb`,
  `falco-${version}-aarch64.deb`,
  `falco-${version}-x86_64.rpm`,
  `falco-${version}-aarch64.rpm`,
  `falco-${version}-x86_64.tar.gz`,
  `falco-${version}-static-x86_64.tar.gz`,
]) {
  writeFileSync(join(build, name), gzipSync(Buffer.from(`sample package ${name}\n`), { level: 9 }));
}

const images = [
  'falco:build falcosecurity/falco',
  'falco-no-driver:build falcosecurity/falco suffix=-slim',
  'falco-no-driver:build falcosecurity/falco-no-driver',
  'falco-driver-loader:build falcosecurity/falco-driver-loader',
].join('\n');

function runAction(title, inputs) {
  const dir = join(out, 'runs', title.replace(/\W+/g, '-').toLowerCase());
  mkdirSync(dir, { recursive: true });
  const files = { GITHUB_OUTPUT: join(dir, 'outputs.txt'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_WORKSPACE: process.cwd(),
    GITHUB_REF: `refs/tags/${version}`,
    GITHUB_EVENT_NAME: 'push',
    // The demo has no docker daemon on purpose: the dry run says the source images were not checked.
    DOCKER_HOST: `unix://${join(dir, 'no-docker.sock')}`,
    ...files,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
  };
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(process.execPath, ['dist/index.js'], { env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${title} failed (exit ${result.status})`);
    process.exit(1);
  }
  return { dir, ...files };
}

const plan = runAction('Dry run of the 0.26.0 release', {
  images,
  latest: 'true',
  packages: 'demo-output/build/*',
  'package-host': './demo-output/packages',
  'dry-run': 'true',
});
const published = runAction('Publish the 0.26.0 packages to a directory host', {
  packages: 'demo-output/build/*',
  'package-host': './demo-output/packages',
});

const listed = spawnSync('find', [host, '-type', 'f', '-not', '-name', '.*'], {
  encoding: 'utf8',
}).stdout.trim();
console.log(`
Where to look:
  plan (dry run) outputs:  ${plan.GITHUB_OUTPUT}
  plan job summary:        ${plan.GITHUB_STEP_SUMMARY}
  publish outputs:         ${published.GITHUB_OUTPUT}
  directory host:          ${host}
${listed
  .split('\n')
  .map((file) => `    ${file}`)
  .join('\n')}`);
