import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LayoutReader } from '../../src/image-drivers/layout-reader.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'layout-reader-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('LayoutReader', () => {
  it('lists the tags of a repository and their digests', async () => {
    await writeFile(
      join(dir, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            digest: DIGEST,
            annotations: { 'org.opencontainers.image.ref.name': 'falcosecurity/falco:0.26.0' },
          },
          { digest: DIGEST, annotations: { 'org.opencontainers.image.ref.name': 'falcosecurity/other:1' } },
          { digest: DIGEST },
        ],
      }),
    );
    const reader = new LayoutReader(dir);
    expect(await reader.listTags('falcosecurity/falco')).toEqual(['0.26.0']);
    expect(await reader.manifestDigest('falcosecurity/falco', '0.26.0')).toBe(DIGEST);
    expect(await reader.manifestDigest('falcosecurity/falco', 'latest')).toBeUndefined();
  });

  it('a layout that does not exist yet has no tags', async () => {
    expect(await new LayoutReader(join(dir, 'new')).listTags('falcosecurity/falco')).toEqual([]);
  });

  it.each([
    [
      'an index.json that is not JSON',
      async () => writeFile(join(dir, 'index.json'), '{ not json'),
      'has an index.json that is not JSON',
    ],
    [
      'an index.json that is not an image index',
      async () => writeFile(join(dir, 'index.json'), '{"manifests": "none"}'),
      'has an index.json that is not an OCI image index',
    ],
    [
      'a directory where index.json should be',
      async () => mkdir(join(dir, 'index.json')),
      'is not an OCI image layout (a file stands where the directory or its index.json should be)',
    ],
  ])('refuses %s with one line naming the layout', async (_label, damage, problem) => {
    await damage();
    const error = await asyncUserErrorOf(new LayoutReader(dir).listTags('falcosecurity/falco'));
    expect(error.message).toBe(
      `registry: oci-layout:${dir}: ${problem} — repair the layout, or point registry at a new directory (the action creates the layout)`,
    );
  });

  it('refuses a file given as the layout directory', async () => {
    const file = join(dir, 'file');
    await writeFile(file, 'x');
    const error = await asyncUserErrorOf(new LayoutReader(file).listTags('falcosecurity/falco'));
    expect(error.subject).toBe(`registry: oci-layout:${file}`);
    expect(error.problem).toContain('is not an OCI image layout');
  });
});
