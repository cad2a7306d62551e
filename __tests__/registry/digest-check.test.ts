import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DigestCheck } from '../../src/registry/digest-check.js';

const sha256 = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const pieces = [Buffer.from('first '), Buffer.from('second '), Buffer.from('last')];
const content = Buffer.concat(pieces);

/** Reads `pieces` through a check; what came out before the stream ended, and how it ended. */
async function through(check: DigestCheck): Promise<{ out: Buffer; error: Error | undefined }> {
  const out: Buffer[] = [];
  // 'data' events, not async iteration: iteration drops what was buffered when the error came.
  const error = await new Promise<Error | undefined>((resolve) => {
    check.on('data', (chunk: Buffer) => out.push(chunk));
    check.once('end', () => resolve(undefined));
    check.once('error', resolve);
    Readable.from(pieces).pipe(check);
  });
  return { out: Buffer.concat(out), error };
}

const mismatch = (problem: string): Error => new Error(problem);

describe('DigestCheck', () => {
  it('passes content of the right digest and size through unchanged', async () => {
    const { out, error } = await through(
      new DigestCheck({ digest: sha256(content), size: content.length }, mismatch),
    );
    expect(error).toBeUndefined();
    expect(out.equals(content)).toBe(true);
  });

  it('fails a wrong digest before the last piece is let through (a reader never gets it whole)', async () => {
    const wrong = sha256(Buffer.from('something else'));
    const check = new DigestCheck({ digest: wrong, size: content.length }, mismatch);
    const { out, error } = await through(check);
    expect(error?.message).toBe(`the content has digest ${sha256(content)}`);
    expect(check.failure).toBe(error);
    expect(out.toString()).toBe('first second ');
  });

  it('fails content longer than its size as soon as it passes it', async () => {
    const { out, error } = await through(new DigestCheck({ digest: sha256(content), size: 8 }, mismatch));
    expect(error?.message).toBe('the content is longer than its 8 bytes');
    expect(out.length).toBeLessThan(8);
  });

  it('fails content shorter than its size', async () => {
    const { error } = await through(new DigestCheck({ digest: sha256(content), size: 100 }, mismatch));
    expect(error?.message).toBe(`the content has ${content.length} bytes, not 100`);
  });

  it('checks sha512 digests too, and refuses algorithms it cannot compute', async () => {
    const digest = `sha512:${createHash('sha512').update(content).digest('hex')}`;
    expect((await through(new DigestCheck({ digest }, mismatch))).error).toBeUndefined();
    expect(() => new DigestCheck({ digest: 'md5:0123' }, mismatch)).toThrow(
      /cannot check the digest md5:0123/,
    );
  });
});
