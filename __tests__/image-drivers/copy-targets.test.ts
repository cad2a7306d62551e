import { describe, expect, it } from 'vitest';
import { CopyTargets } from '../../src/image-drivers/copy-targets.js';
import { registryHost } from '../../src/image-drivers/image-target.js';
import type { RegistryClient } from '../../src/registry/client.js';

const targets = (): CopyTargets =>
  new CopyTargets(() => {
    throw new Error('no client is needed to keep the ledger') as unknown as RegistryClient;
  });
const at = (repository: string, host = 'registry.example') => ({
  registry: registryHost(host),
  repository,
  tag: '0.40.0',
});
const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('CopyTargets: the blob ledger of a run', () => {
  it('lets one copy at a time store a blob in a registry; the next finds where it went', async () => {
    const copies = targets();
    const falco = copies.ledgerFor(at('falcosecurity/falco'));
    const noDriver = copies.ledgerFor(at('falcosecurity/falco-no-driver'));
    const events: string[] = [];
    const first = falco.alone('sha256:base', async () => {
      events.push('falco starts');
      await tick(30);
      falco.stored('sha256:base');
      events.push('falco stored');
    });
    const second = noDriver.alone('sha256:base', async () => {
      events.push(`no-driver starts, base is in ${noDriver.whereIs('sha256:base')?.repository ?? 'none'}`);
    });
    await Promise.all([first, second]);
    expect(events).toEqual([
      'falco starts',
      'falco stored',
      'no-driver starts, base is in falcosecurity/falco',
    ]);
  });

  it('does not hold back other blobs, other registries, or a copy after a failed one', async () => {
    const copies = targets();
    const events: string[] = [];
    const slow = copies.ledgerFor(at('a')).alone('sha256:one', async () => {
      await tick(30);
      events.push('one');
    });
    await copies.ledgerFor(at('b')).alone('sha256:two', async () => void events.push('two'));
    await copies
      .ledgerFor(at('a', 'mirror.example'))
      .alone('sha256:one', async () => void events.push('mirror one'));
    await slow;
    expect(events).toEqual(['two', 'mirror one', 'one']);

    const failing = copies.ledgerFor(at('a')).alone('sha256:three', async () => {
      throw new Error('upload refused');
    });
    const after = copies.ledgerFor(at('b')).alone('sha256:three', async () => 'went on');
    await expect(failing).rejects.toThrow('upload refused');
    expect(await after).toBe('went on');
  });
});
