import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDockerArchive } from '../../src/oci/docker-archive-source.js';
import { readOciLayout } from '../../src/oci/layout-source.js';
import { OciLayoutTarget } from '../../src/oci/layout-target.js';
import { MediaTypes } from '../../src/oci/media-types.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';
import { digestOf } from './layout-fixture.js';

// Sources and targets named by a path of the wrong kind: a directory for a file, a file for a directory.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-paths-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('readDockerArchive', () => {
  it('refuses a directory, naming it', async () => {
    const error = await asyncUserErrorOf(readDockerArchive(dir));
    expect(error.subject).toBe(`docker-archive:${dir}`);
    expect(error.problem).toBe(`${dir} is not a file`);
    expect(error.remedy).toBe('give the file written by docker save');
    expect(error.message).toBe(
      `docker-archive:${dir}: ${dir} is not a file — give the file written by docker save`,
    );
  });
});

describe('readOciLayout', () => {
  it('refuses a file, naming it', async () => {
    const file = join(dir, 'image.tar');
    await writeFile(file, 'not a directory');
    const error = await asyncUserErrorOf(readOciLayout(file));
    expect(error.subject).toBe(`oci-layout:${file}`);
    expect(error.problem).toBe(`${file} is not a directory, so not an OCI image layout`);
    expect(error.remedy).toBe(
      'name the directory that holds oci-layout, index.json and blobs/ (docker-archive:<file> reads a docker save file)',
    );
    expect(error.message).toBe(`${error.subject}: ${error.problem} — ${error.remedy}`);
  });
});

describe('OciLayoutTarget', () => {
  const REMEDY = 'name a directory for the layout (it is created if it does not exist)';
  const bytes = Buffer.from('{"schemaVersion":2}');

  it('refuses a target that is a file, before writing anything', async () => {
    const file = join(dir, 'layout');
    await writeFile(file, 'a file');
    const target = new OciLayoutTarget(file);
    for (const attempt of [
      () => target.tagDigest('falco:0.26.0'),
      () => target.hasBlob(digestOf(bytes)),
      () => target.putManifest(bytes, MediaTypes.ociManifest),
    ]) {
      const error = await asyncUserErrorOf(attempt());
      expect(error.subject).toBe(`oci-layout:${file}`);
      expect(error.problem).toBe(
        `${file} is not a directory, or holds a file where the layout needs one (blobs/)`,
      );
      expect(error.remedy).toBe(REMEDY);
      expect(error.message).toBe(`${error.subject}: ${error.problem} — ${REMEDY}`);
    }
    expect(await readFile(file, 'utf8')).toBe('a file');
  });

  it('refuses a layout whose blobs/ is a file', async () => {
    const layout = join(dir, 'layout');
    await mkdir(layout);
    await writeFile(join(layout, 'blobs'), 'a file');
    const target = new OciLayoutTarget(layout);
    const write = target.writeBlob(
      { mediaType: MediaTypes.ociLayer, digest: digestOf(bytes), size: bytes.length },
      async () => Readable.from([bytes]),
    );
    const error = await asyncUserErrorOf(write);
    expect(error.message).toBe(
      `oci-layout:${layout}: ${layout} is not a directory, or holds a file where the layout needs one (blobs/) — ${REMEDY}`,
    );
  });
});
