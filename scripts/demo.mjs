// Runs the bundled action twice on an embedded release, the way a runner would (INPUT_* and GITHUB_*
// variables, output and summary files): a dry run that prints the whole plan of Falco 0.26.0, then the
// real publish: multi-arch images (joined from per-architecture OCI layouts) into an OCI layout with the
// registry driver, and the packages to a directory host. Nothing needs to run: no daemon, no registry.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { generateKey } from 'openpgp';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeSampleImage } from './sample-image.mjs';

const version = '0.26.0';
const out = resolve('demo-output');
const build = join(out, 'build');
const host = join(out, 'packages');

rmSync(join(out, 'runs'), { recursive: true, force: true });
mkdirSync(build, { recursive: true });
// Real .deb and .rpm packages (built once with dpkg-deb and rpmbuild, kept beside this script), so the
// APT and YUM repositories the demo publishes are ones apt and dnf install from; sample tarballs.
const demoPackages = resolve('scripts/demo-packages');
for (const name of readdirSync(demoPackages)) copyFileSync(join(demoPackages, name), join(build, name));
for (const name of [`falco-${version}-x86_64.tar.gz`, `falco-${version}-static-x86_64.tar.gz`]) {
  writeFileSync(join(build, name), gzipSync(Buffer.from(`sample package ${name}\n`), { level: 9 }));
}

// A signing key of the demo's own, made once and kept with its output: a second run signs with the same
// key, finds every signature already right, and changes nothing.
const keyFile = join(out, 'demo-signing-key.asc');
if (!existsSync(keyFile)) {
  const { privateKey, publicKey } = await generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name: 'Falco release publisher demo', email: 'demo@falco.invalid' }],
    format: 'armored',
  });
  writeFileSync(keyFile, privateKey);
  writeFileSync(join(out, 'demo-signing-key.pub.asc'), publicKey);
}

// Per-architecture builds, as Falco's build jobs leave them; `+` joins them into one multi-arch index.
const layouts = join(out, 'build', 'images');
for (const name of ['falco', 'falco-no-driver', 'falco-driver-loader']) {
  for (const arch of ['amd64', 'arm64']) {
    await writeSampleImage(join(layouts, `${name}-${arch}`), { name, arch, ref: 'build' });
  }
}
const multiArch = (name) =>
  ['amd64', 'arm64'].map((arch) => `oci-layout:demo-output/build/images/${name}-${arch}:build`).join('+');
const images = [
  `${multiArch('falco')} falcosecurity/falco`,
  `${multiArch('falco-no-driver')} falcosecurity/falco suffix=-slim`,
  `${multiArch('falco-no-driver')} falcosecurity/falco-no-driver`,
  `${multiArch('falco-driver-loader')} falcosecurity/falco-driver-loader`,
].join('\n');
const imageInputs = { 'image-driver': 'registry', registry: 'oci-layout:demo-output/images', images };
const packageInputs = {
  packages: 'demo-output/build/*.*',
  'package-host': './demo-output/packages',
  'signing-key': readFileSync(keyFile, 'utf8'),
};

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
  ...imageInputs,
  ...packageInputs,
  'dry-run': 'true',
});
const published = runAction('Publish 0.26.0: images to an OCI layout, packages to a directory host', {
  ...imageInputs,
  ...packageInputs,
});

const listed = spawnSync(
  'find',
  [host, '-type', 'f', '-not', '-name', '.*', '-not', '-path', '*/by-hash/*'],
  {
    encoding: 'utf8',
  },
).stdout.trim();
console.log(`
Where to look:
  plan (dry run) outputs:  ${plan.GITHUB_OUTPUT}
  plan job summary:        ${plan.GITHUB_STEP_SUMMARY}
  publish outputs:         ${published.GITHUB_OUTPUT}
  images (OCI layout):     ${join(out, 'images')}   e.g. skopeo inspect oci:demo-output/images:falcosecurity/falco:0.26.0
  directory host:          ${host}
  signing key (public):    ${join(out, 'demo-signing-key.pub.asc')}
  apt source, once served: deb [signed-by=<dearmored key>] http://<server>/deb stable main
${listed
  .split('\n')
  .sort()
  .map((file) => `    ${file}`)
  .join('\n')}`);
