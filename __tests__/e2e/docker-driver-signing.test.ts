// Image signing with the docker driver: docker pushes the images, the action signs the digests the
// registry then holds, on its own client with the same credentials. Judged by OpenSSL and @sigstore/verify.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosignKeyPair } from '../support/cosign-key-pair.js';
import { registrySource } from './signing/artifact-source.js';
import { expectSignedDigest } from './signing/signature-checks.js';
import { auth, buildReleaseImages, publish, SEED_IMAGES, startWorld, type World } from './world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

describe('image-signing: key with the docker driver', () => {
  const key = cosignKeyPair();

  it('signs every pushed digest in its repository, each named for that repository; a re-run signs nothing', async () => {
    await buildReleaseImages(world, 'signed 0.26.0');
    const inputs = {
      'image-driver': 'docker',
      images: SEED_IMAGES,
      ref: 'refs/tags/0.26.0',
      latest: 'true',
      'image-signing': 'key',
      'cosign-key': key.privateKeyText,
      'cosign-password': key.password,
      'transparency-log': 'false',
    };
    const run = await publish(world, inputs);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const pushed = JSON.parse(run.outputs.images ?? '[]') as { ref: string; digest: string }[];
    const versionTags = pushed.filter((image) => /:0\.26\.0(-slim)?$/.test(image.ref));
    expect(versionTags).toHaveLength(4);
    for (const image of versionTags) {
      const repository = image.ref.slice(world.registry.address.length + 1).split(':')[0] ?? '';
      const source = registrySource(world.registry.address, repository, auth);
      await expectSignedDigest(source, image.digest, {
        dockerReference: `${world.registry.address}/${repository}`,
        signer: { kind: 'key', publicKey: key.publicKeyPem },
        logged: false,
      });
    }
    const plan = JSON.parse(run.outputs.plan ?? '[]') as { step: string }[];
    expect(plan.findIndex((step) => step.step === 'sign-image')).toBeLessThan(
      plan.findIndex((step) => step.step === 'move-tag'),
    );

    const again = await publish(world, inputs);
    expect(again.exitCode, again.stdout).toBe(0);
    const states = (JSON.parse(again.outputs.signatures ?? '[]') as { state: string }[]).map((s) => s.state);
    expect(states.length).toBeGreaterThanOrEqual(8);
    expect(new Set(states)).toEqual(new Set(['present']));
  });
});
