import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dockerd } from './dockerd.js';
import { DOCKER_CLI, dockerEnv } from './dockerd.js';
import { run } from './process.js';

/** Runs the docker CLI against `dockerd`; resolves with stdout, rejects with stderr. */
export async function docker(dockerd: Dockerd, args: string[], input?: string): Promise<string> {
  return run(DOCKER_CLI, args, {
    // The classic builder: BuildKit is a separate component that this daemon setup does not run.
    env: { ...dockerEnv(dockerd), DOCKER_BUILDKIT: '0' },
    ...(input === undefined ? {} : { input, secrets: [input.trim()] }),
  });
}

/**
 * Builds a one-file image from scratch (containers cannot run here, so no RUN steps) and tags it.
 * The file and a label carry `content`, so distinct contents give distinct layers and image IDs.
 */
export async function buildScratchImage(dockerd: Dockerd, tag: string, content: string): Promise<string> {
  const context = await mkdtemp(join(tmpdir(), 'image-'));
  try {
    await writeFile(join(context, 'content.txt'), content);
    const sha = createHash('sha256').update(content).digest('hex');
    await writeFile(
      join(context, 'Dockerfile'),
      ['FROM scratch', 'COPY content.txt /content.txt', `LABEL e2e.content.sha256="${sha}"`, ''].join('\n'),
    );
    const iidFile = join(context, 'image-id');
    await docker(dockerd, ['build', '--quiet', '--iidfile', iidFile, '--tag', tag, context]);
    return (await readFile(iidFile, 'utf8')).trim();
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}
