import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRef } from '../../../src/action/release/ref.js';
import { preparePackages } from '../../../src/action/validate/prepare-packages.js';
import type { PackageHost } from '../../../src/hosts/host.js';
import type { RpmHeaderSigning } from '../../../src/indexes/rpm-header-signing.js';
import { sha256File } from '../../../src/util/sha256-file.js';
import { madeFalcoDeb, madeFalcoRpm } from '../../indexes/made-packages.js';

let workspace = '';
beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'prepare-packages-'));
  await mkdir(join(workspace, 'build'));
});
afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

/** A stand-in signer: its "signed copy" is another valid rpm of the same name (other bytes), as a real one is. */
function copySigner(): RpmHeaderSigning & { signed: string[] } {
  const signed: string[] = [];
  return {
    signed,
    sign: async (file) => {
      signed.push(file);
      const dir = join(workspace, 'signed', String(signed.length));
      await mkdir(dir, { recursive: true });
      const copy = join(dir, 'falco-0.26.0-x86_64.rpm');
      await rename(madeFalcoRpm(join(dir, 'made'), '0.26.0', 'x86_64', 'signed'), copy);
      return copy;
    },
    close: async () => undefined,
  };
}

describe('preparePackages with rpm header signatures', () => {
  it('hashes, reads and plans the signed copy of each .rpm, shown under its own name', async () => {
    const rpm = join(workspace, 'build', 'falco-0.26.0-x86_64.rpm');
    const deb = join(workspace, 'build', 'falco-0.26.0-x86_64.deb');
    await rename(madeFalcoRpm(join(workspace, 'made-rpm'), '0.26.0', 'x86_64'), rpm);
    await rename(madeFalcoDeb(join(workspace, 'made-deb'), '0.26.0', 'x86_64'), deb);
    const signer = copySigner();

    const { packages } = await preparePackages(
      parseRef('refs/tags/0.26.0', 'master'),
      [rpm, deb],
      undefined,
      workspace,
      [],
      signer,
    );

    expect(signer.signed).toEqual([rpm]);
    const signedRpm = packages.find((p) => p.path.endsWith('.rpm'));
    expect(signedRpm?.file).toBe('build/falco-0.26.0-x86_64.rpm');
    expect(signedRpm?.localFile).toBe(join(workspace, 'signed', '1', 'falco-0.26.0-x86_64.rpm'));
    expect(signedRpm?.sha256).toBe(await sha256File(signedRpm?.localFile ?? ''));
    expect(signedRpm?.sha256).not.toBe(await sha256File(rpm));
    expect(signedRpm?.contents?.hashes.sha256).toBe(signedRpm?.sha256);
    expect(signedRpm?.headerSigned).toBe(true);
    const unsignedDeb = packages.find((p) => p.path.endsWith('.deb'));
    expect(unsignedDeb?.localFile).toBe(deb);
    expect(unsignedDeb?.headerSigned).toBeUndefined();
  });

  it('leaves every package as built without a signer', async () => {
    const rpm = join(workspace, 'build', 'falco-0.26.0-x86_64.rpm');
    await rename(madeFalcoRpm(join(workspace, 'made-rpm'), '0.26.0', 'x86_64'), rpm);
    const { packages } = await preparePackages(
      parseRef('refs/tags/0.26.0', 'master'),
      [rpm],
      undefined,
      workspace,
    );
    expect(packages.map((p) => [p.localFile, p.headerSigned])).toEqual([[rpm, undefined]]);
  });
});

describe('preparePackages for a host that takes files in parts', () => {
  /** A host holding nothing that uploads files over `threshold` bytes in parts of `partSize`. */
  function partsHost(partSize: number, threshold: number): PackageHost & { asked: number[] } {
    const asked: number[] = [];
    return {
      asked,
      description: 'parts host',
      existing: () => Promise.resolve(undefined),
      put: () => Promise.reject(new Error('validation writes nothing')),
      uploadPartSize: (size) => {
        asked.push(size);
        return size > threshold ? partSize : undefined;
      },
    };
  }

  it('hashes each part of every package in the read that hashes it whole', async () => {
    const deb = join(workspace, 'build', 'falco-0.26.0-x86_64.deb');
    const rpm = join(workspace, 'build', 'falco-0.26.0-x86_64.rpm');
    const tarball = join(workspace, 'build', 'falco-0.26.0-x86_64.tar.gz');
    await rename(madeFalcoDeb(join(workspace, 'made-deb'), '0.26.0', 'x86_64'), deb);
    await rename(madeFalcoRpm(join(workspace, 'made-rpm'), '0.26.0', 'x86_64'), rpm);
    await writeFile(tarball, randomBytes(5000));
    const host = partsHost(1000, 100);

    const { packages } = await preparePackages(
      parseRef('refs/tags/0.26.0', 'master'),
      [deb, rpm, tarball],
      host,
      workspace,
    );

    for (const file of [deb, rpm, tarball]) {
      const bytes = await readFile(file);
      const planned = packages.find((p) => p.localFile === file);
      const slices = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) =>
        createHash('sha256')
          .update(bytes.subarray(i * 1000, (i + 1) * 1000))
          .digest('hex'),
      );
      expect(planned?.parts, file).toEqual({ partSize: 1000, sha256: slices });
      expect(planned?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(host.asked.sort()).toEqual(
      (await Promise.all([deb, rpm, tarball].map(async (f) => (await stat(f)).size))).sort(),
    );
  });

  it('hashes no part of a file the host takes whole', async () => {
    const tarball = join(workspace, 'build', 'falco-0.26.0-x86_64.tar.gz');
    await writeFile(tarball, randomBytes(50));
    const { packages } = await preparePackages(
      parseRef('refs/tags/0.26.0', 'master'),
      [tarball],
      partsHost(1000, 100),
      workspace,
    );
    expect(packages[0]?.parts).toBeUndefined();
    expect(packages[0] && 'parts' in packages[0]).toBe(false);
  });
});
