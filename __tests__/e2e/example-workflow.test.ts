import { chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runAction, type ActionRun } from './run-action.js';
import { DOCKER_CLI, startDockerd, type Dockerd } from './services/dockerd.js';
import { run } from './services/process.js';
import { startRegistry, type Registry } from './services/registry.js';

/**
 * The workflows as a runner runs them: the example workflow on a tag push, and CI's dry-run job. Their build
 * steps run with bash in a fresh workspace (the checkout: this repository's scripts/), against this test's own
 * dockerd; then the action step gets its `with:` inputs (and action.yml's defaults) as INPUT_* variables;
 * then the steps after it run with the action's outputs in their expressions.
 */

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string>;
}

interface Context {
  readonly github: Record<string, string>;
  readonly outputs: Record<string, Record<string, string>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as a runner passes it to an input: YAML's `true` and `'true'` are both the string `true`. */
function scalar(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`${where}: not a scalar`);
}

function toStep(value: unknown, where: string): Step {
  if (!isRecord(value)) throw new Error(`${where}: not a step`);
  const text = (key: string): string | undefined =>
    value[key] === undefined ? undefined : scalar(value[key], `${where}.${key}`);
  const withValue = value.with;
  if (withValue !== undefined && !isRecord(withValue)) throw new Error(`${where}.with: not a mapping`);
  const inputs =
    withValue === undefined
      ? undefined
      : Object.fromEntries(Object.entries(withValue).map(([k, v]) => [k, scalar(v, `${where}.with.${k}`)]));
  const step: Step = {};
  return Object.assign(step, {
    name: text('name'),
    id: text('id'),
    uses: text('uses'),
    run: text('run'),
    with: inputs,
  });
}

async function jobSteps(workflow: string, job: string): Promise<Step[]> {
  const parsed: unknown = parse(await readFile(join('.github/workflows', workflow), 'utf8'));
  const jobs = isRecord(parsed) ? parsed.jobs : undefined;
  const steps = isRecord(jobs) && isRecord(jobs[job]) ? jobs[job].steps : undefined;
  if (!Array.isArray(steps)) throw new Error(`${workflow}: no job ${job} with steps`);
  return steps.map((step: unknown, i) => toStep(step, `${workflow} ${job} step ${i}`));
}

/**
 * `${{ }}` expressions, evaluated as far as these workflows need: a secret is empty (a fork or a test has
 * none), `github.<field>` and `steps.<id>.outputs.<name>` are looked up. Anything else fails the test, so a
 * new expression in a workflow is looked at rather than passed on as text.
 */
function evaluate(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    if (/^secrets\.\w+$/.test(expression)) return '';
    const github = /^github\.(\w+)$/.exec(expression);
    if (github) {
      const value = context.github[github[1] ?? ''];
      if (value === undefined) throw new Error(`no value for \${{ ${expression} }}`);
      return value;
    }
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return context.outputs[output[1] ?? '']?.[output[2] ?? ''] ?? '';
    throw new Error(`an expression this test does not evaluate: \${{ ${expression} }}`);
  });
}

/** action.yml's defaults, which a runner passes for every input the step leaves out. */
async function actionDefaults(context: Context): Promise<Record<string, string>> {
  const parsed: unknown = parse(await readFile('action.yml', 'utf8'));
  const inputs = isRecord(parsed) ? parsed.inputs : undefined;
  if (!isRecord(inputs)) throw new Error('action.yml: no inputs');
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(inputs)) {
    if (isRecord(input) && input.default !== undefined) {
      defaults[name] = evaluate(scalar(input.default, `action.yml ${name}`), context);
    }
  }
  return defaults;
}

/** A step that only installs Debian packages (`sudo apt-get update && sudo apt-get install ... <packages>`). */
function aptPackages(script: string): string[] | undefined {
  const match =
    /^sudo apt-get update && sudo apt-get install -y --no-install-recommends ([a-z0-9.+\- ]+)$/.exec(
      script.replace(/\s+/g, ' ').trim(),
    );
  return match?.[1]?.split(' ');
}

let dockerd: Dockerd;
let registry: Registry;
let bin: string;

beforeAll(async () => {
  registry = await startRegistry();
  dockerd = await startDockerd();
  // The docker client the other suites pin (the daemon's own version) comes first in the steps' PATH.
  bin = await mkdtemp(join(tmpdir(), 'bin-'));
  await symlink(DOCKER_CLI, join(bin, 'docker'));
});

afterAll(async () => {
  await dockerd?.stop();
  await registry?.stop();
  if (bin !== undefined) await rm(bin, { recursive: true, force: true });
});

interface JobRun {
  readonly workspace: string;
  readonly action: ActionRun;
  readonly after: string[];
}

/**
 * Runs a job's steps as a runner would on a push of `ref`. `registry`, when given, stands in for action.yml's
 * default registry (Docker Hub, out of this test's reach) for a step that names none; its `with:` inputs are
 * passed as they are.
 */
async function runJob(steps: readonly Step[], ref: string, registry?: string): Promise<JobRun> {
  const [, type = '', name = ''] = /^refs\/(tags|heads)\/(.+)$/.exec(ref) ?? [];
  // The job's token, as a runner passes it for `github-token`'s default; the example publishes no
  // GitHub release, so it is never used, and it is masked like any token.
  const github = {
    ref,
    ref_name: name,
    ref_type: type === 'tags' ? 'tag' : 'branch',
    token: 'ghs_example-job-token-never-used',
  };
  const context: Context = { github, outputs: {} };
  const workspace = await mkdtemp(join(tmpdir(), 'workflow-'));
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? '',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REF: github.ref,
    GITHUB_REF_NAME: github.ref_name,
    GITHUB_REF_TYPE: github.ref_type,
    ...dockerd.env,
    // The classic builder: BuildKit is a separate component that this daemon setup does not run.
    DOCKER_BUILDKIT: '0',
  };
  let action: ActionRun | undefined;
  const after: string[] = [];
  for (const step of steps) {
    const label = step.name ?? step.uses ?? step.run ?? '';
    if (step.uses?.startsWith('actions/checkout@')) {
      // What the checkout leaves that the steps use: the build script.
      await mkdir(join(workspace, 'scripts'));
      await copyFile('scripts/example-build.sh', join(workspace, 'scripts/example-build.sh'));
      await chmod(join(workspace, 'scripts/example-build.sh'), 0o755);
    } else if (step.uses === './') {
      const inputs: Record<string, string> = await actionDefaults(context);
      if (registry !== undefined) inputs.registry = registry;
      for (const [key, value] of Object.entries(step.with ?? {})) inputs[key] = evaluate(value, context);
      const envStrings = Object.fromEntries(
        Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
      );
      action = await runAction(inputs, envStrings, workspace);
      expect(action.exitCode, `${label}\n${action.stdout}\n${action.stderr}`).toBe(0);
      if (step.id !== undefined) context.outputs[step.id] = action.outputs;
    } else if (step.uses !== undefined) {
      throw new Error(`a step this test does not run: uses ${step.uses}`);
    } else if (step.run !== undefined) {
      const packages = aptPackages(step.run);
      if (packages !== undefined) {
        // This machine has them already (the test does not install anything): check that it does.
        for (const pkg of packages) await run('dpkg-query', ['--show', pkg]);
        continue;
      }
      const script = join(workspace, '.step.sh');
      await writeFile(script, evaluate(step.run, context));
      // A runner's `run:` default shell on Linux.
      const output = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd: workspace,
        env,
        timeoutMs: 300_000,
      }).catch((error: unknown) => {
        throw new Error(`step "${label}": ${String(error)}`);
      });
      await rm(script);
      if (action !== undefined) after.push(output);
    }
  }
  if (action === undefined) throw new Error('the job has no step that uses the action (uses: ./)');
  return { workspace, action, after };
}

interface PlanStep {
  readonly step: string;
  readonly [key: string]: unknown;
}

function planOf(action: ActionRun): PlanStep[] {
  const plan: unknown = JSON.parse(action.outputs.plan ?? 'null');
  if (!Array.isArray(plan)) throw new Error(`no plan output: ${action.outputs.plan ?? ''}`);
  return plan.filter((s: unknown): s is PlanStep => isRecord(s) && typeof s.step === 'string');
}

/** Every image tag and package a job's images and packages give for a stable version, all named in the plan. */
async function expectPlanNamesEverything(job: JobRun, version: string, registry: string): Promise<void> {
  const plan = JSON.stringify(planOf(job.action));
  const tags = (job.action.outputs.tags ?? '').split('\n');
  for (const [repository, suffixes] of [
    ['falco', ['', '-debian']],
    ['falco-driver-loader', ['', '-buster']],
  ] as const) {
    for (const suffix of suffixes) {
      for (const tag of [`${version}${suffix}`, `latest${suffix}`]) {
        const reference = `${registry}/falcosecurity/${repository}:${tag}`;
        expect(tags, reference).toContain(reference);
        expect(plan, reference).toContain(`falcosecurity/${repository}:${tag}`);
      }
    }
  }
  const packages = await readdir(join(job.workspace, 'build/release'));
  expect(packages.sort()).toEqual(
    ['deb', 'rpm', 'tar.gz'].map((kind) => `falco-${version}-x86_64.${kind}`).sort(),
  );
  for (const file of packages) expect(plan, file).toContain(file);
  expect(job.action.outputs.version).toBe(version);
  expect(job.action.outputs.channel).toBe('stable');
}

describe('the example workflow (example-release.yml) on a tag push', () => {
  it('builds real packages and images of the tag, and its dry run plans every tag and package', async () => {
    // latest: auto (the default) reads the tags the registry already has: none in the test's empty registry.
    const steps = await jobSteps('example-release.yml', 'release');
    const job = await runJob(steps, 'refs/tags/0.26.0', registry.address);
    try {
      const debInfo = await run('dpkg-deb', [
        '--field',
        join(job.workspace, 'build/release/falco-0.26.0-x86_64.deb'),
      ]);
      expect(debInfo).toMatch(/^Version: 0\.26\.0$/m);
      await expectPlanNamesEverything(job, '0.26.0', registry.address);
      expect(job.action.outputs.latest).toBe('true');
      expect(job.after.join('')).toContain('published 0.26.0 (stable), latest=true');
      // A dry run writes nothing to the package host.
      await expect(readdir(join(job.workspace, 'download'))).rejects.toThrow();
    } finally {
      await rm(job.workspace, { recursive: true, force: true });
    }
  });
});

describe("CI's dry-run job (ci.yml)", () => {
  it('builds with the same script, and its output checks pass', async () => {
    const job = await runJob(await jobSteps('ci.yml', 'dry-run'), 'refs/heads/main');
    try {
      // latest: 'true' and no credentials: this dry run reads nothing from Docker Hub.
      await expectPlanNamesEverything(job, '0.26.0', 'docker.io');
      // The "Check the outputs" step ran (after the action, outputs substituted) and passed.
      expect(job.after).toHaveLength(1);
    } finally {
      await rm(job.workspace, { recursive: true, force: true });
    }
  });
});
