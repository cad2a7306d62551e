import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { copyImage } from '../../src/image-drivers/copy-image.js';
import { RegistryCopyTarget, type TargetClient } from '../../src/image-drivers/registry-copy-target.js';
import type { ManifestNode, SourceImage } from '../../src/oci/image.js';
import { MediaTypes } from '../../src/oci/media-types.js';

const sha256 = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** A registry repository as the target's client sees it, recording each request it would send. */
function fakeClient(tags: Map<string, string>, listing: 'lists' | 'refuses' = 'lists') {
  const sent: string[] = [];
  let listed: ReadonlySet<string> | undefined;
  const client: TargetClient = {
    // Like RegistryClient: one listing per repository, kept for the run.
    listedTags: async () => {
      if (listing === 'refuses') {
        sent.push('GET tags/list (403)');
        return undefined;
      }
      if (!listed) {
        sent.push('GET tags/list');
        listed = new Set(tags.keys());
      }
      return listed;
    },
    manifestDigest: async (_repository, reference) => {
      sent.push(`HEAD ${reference}`);
      return tags.get(reference) ?? (reference.startsWith('sha256:') ? reference : undefined);
    },
    putManifest: async (_repository, reference, content) => {
      sent.push(`PUT ${reference}`);
      const digest = sha256(content.bytes);
      tags.set(reference, digest);
      return digest;
    },
    hasBlob: async () => true,
    mountBlob: async () => false,
    uploadBlob: async () => undefined,
  };
  return { client, sent };
}

const bytes = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: MediaTypes.ociManifest, layers: [] }),
);
const root: ManifestNode = {
  digest: sha256(bytes),
  mediaType: MediaTypes.ociManifest,
  bytes,
  children: [],
  blobs: [],
};
/** The staging tag of the target repository itself: a promotion. */
const staging: SourceImage = {
  name: 'docker://registry.test/falco:staging',
  root,
  origin: { registry: 'registry.test', repository: 'falco' },
  openBlob: async () => {
    throw new Error('a promotion reads no blob');
  },
  readBlob: async () => {
    throw new Error('a promotion reads no blob');
  },
  close: async () => undefined,
};

describe('RegistryCopyTarget', () => {
  it('promotes to tags the repository does not list with one listing and one PUT each, no HEAD', async () => {
    const { client, sent } = fakeClient(new Map([['staging', root.digest]]));
    const target = new RegistryCopyTarget(client, 'registry.test', 'falco');
    for (const tag of ['1.0.0', '1.0.0-slim', '1.0.0-debug']) {
      expect((await copyImage(staging, target, tag)).outcome).toBe('promoted');
    }
    expect(sent).toEqual(['GET tags/list', 'PUT 1.0.0', 'PUT 1.0.0-slim', 'PUT 1.0.0-debug']);
  });

  it('looks at a listed tag, and writes nothing when it already has the digest', async () => {
    const other = sha256(Buffer.from('an older image'));
    const { client, sent } = fakeClient(
      new Map([
        ['staging', root.digest],
        ['1.0.0', root.digest],
        ['latest', other],
      ]),
    );
    const target = new RegistryCopyTarget(client, 'registry.test', 'falco');
    expect((await copyImage(staging, target, '1.0.0')).outcome).toBe('unchanged');
    expect((await copyImage(staging, target, 'latest')).outcome).toBe('promoted');
    expect(sent).toEqual(['GET tags/list', 'HEAD 1.0.0', 'HEAD latest', 'PUT latest']);
  });

  it('looks at a tag it wrote itself in this run, though the listing predates it', async () => {
    const { client, sent } = fakeClient(new Map([['staging', root.digest]]));
    const target = new RegistryCopyTarget(client, 'registry.test', 'falco');
    await copyImage(staging, target, '1.0.0');
    expect((await copyImage(staging, target, '1.0.0')).outcome).toBe('unchanged');
    expect(sent).toEqual(['GET tags/list', 'PUT 1.0.0', 'HEAD 1.0.0']);
  });

  it('falls back to a HEAD per tag when the registry will not list the repository', async () => {
    const { client, sent } = fakeClient(new Map([['staging', root.digest]]), 'refuses');
    const target = new RegistryCopyTarget(client, 'registry.test', 'falco');
    await copyImage(staging, target, '1.0.0');
    expect(sent).toEqual(['GET tags/list (403)', 'HEAD 1.0.0', 'PUT 1.0.0']);
  });
});
