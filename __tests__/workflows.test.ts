import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The workflows, kept in step with what they stand for: .ci/run, package.json and the README. */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Step {
  readonly job: string;
  readonly run?: string;
  readonly with: Record<string, unknown>;
}

function workflowSteps(file: string): Step[] {
  const parsed: unknown = parse(readFileSync(`.github/workflows/${file}`, 'utf8'));
  if (!isRecord(parsed) || !isRecord(parsed.jobs)) throw new Error(`${file}: no jobs`);
  const steps: Step[] = [];
  for (const [job, body] of Object.entries(parsed.jobs)) {
    if (!isRecord(body) || !Array.isArray(body.steps)) throw new Error(`${file}: job ${job} has no steps`);
    for (const step of body.steps as unknown[]) {
      if (!isRecord(step)) throw new Error(`${file}: job ${job} has a step that is not a mapping`);
      steps.push({
        job,
        ...(typeof step.run === 'string' ? { run: step.run } : {}),
        with: isRecord(step.with) ? step.with : {},
      });
    }
  }
  return steps;
}

/** The packages of the `apt-get install` in a shell text (continuation lines joined), flags left out. */
function aptInstallPackages(shell: string): string[] | undefined {
  const joined = shell.replace(/\\\n/g, ' ');
  const match = /apt-get install ([^&;|\n]*)/.exec(joined);
  return match?.[1]
    ?.trim()
    .split(/\s+/)
    .filter((word) => word !== '' && !word.startsWith('-'));
}

/** The lines of an `images: |` block in a text, trimmed. */
function imageLines(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^\s*images: \|$/.test(line));
  if (start < 0) throw new Error('no images: | block');
  const indent = (line: string): number => line.length - line.trimStart().length;
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || indent(line) <= indent(lines[start] ?? '')) break;
    block.push(line.trim());
  }
  return block;
}

describe('ci.yml', () => {
  const steps = workflowSteps('ci.yml');

  // Aside: awscli (the benchmarks' peer) and docker.io — GitHub's ubuntu-latest ships Docker (dockerd and
  // containerd.io), with which Debian's docker.io and its containerd conflict.
  it('installs for the e2e job what .ci/run installs (awscli and docker.io aside)', () => {
    const ciRun = aptInstallPackages(readFileSync('.ci/run', 'utf8'));
    const installs = steps.filter((s) => s.job === 'e2e' && s.run?.includes('apt-get install'));
    expect(installs).toHaveLength(1);
    const e2e = aptInstallPackages(installs[0]?.run ?? '');
    expect(ciRun).toBeDefined();
    expect(e2e?.slice().sort()).toEqual(ciRun?.filter((p) => p !== 'awscli' && p !== 'docker.io').sort());
  });

  it('installs no Debian package for the unit tests', () => {
    expect(steps.filter((s) => s.job === 'test' && s.run?.includes('apt-get'))).toEqual([]);
  });

  it('calls only npm scripts that package.json has', () => {
    const pkg: unknown = JSON.parse(readFileSync('package.json', 'utf8'));
    const scripts = isRecord(pkg) && isRecord(pkg.scripts) ? Object.keys(pkg.scripts) : [];
    const called = steps.flatMap(({ run }) =>
      [...(run ?? '').matchAll(/\bnpm (?:run(?:-script)? ([\w:.-]+)|(test|start|stop|restart)\b)/g)].map(
        (m) => m[1] ?? m[2] ?? '',
      ),
    );
    expect(called).toContain('test:e2e');
    expect(called).toContain('test');
    for (const name of called) expect(scripts, `npm run ${name}`).toContain(name);
  });
});

describe('example-release.yml', () => {
  it("publishes the README's first example's images", () => {
    const readme = readFileSync('README.md', 'utf8');
    const firstExample = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const example = workflowSteps('example-release.yml').filter((s) => s.with.images !== undefined);
    expect(example).toHaveLength(1);
    const images = String(example[0]?.with.images).trimEnd().split('\n');
    expect(images).toEqual(imageLines(firstExample));
    expect(images.map((line) => line.split(/\s+/)[0])).toContain('falco-driver-loader-buster:build');
  });
});
