import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkedChunks, ContentCheck, DigestCheck } from '../../src/oci/content-check.js';
import { DigestingStream } from '../../src/oci/digesting-stream.js';

const sha256 = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const pieces = [Buffer.from('first '), Buffer.from('second '), Buffer.from('last')];
const content = Buffer.concat(pieces);

const mismatch = (problem: string): Error => new Error(problem);

/** Reads `pieces` through a DigestCheck; what came out before the stream ended, and how it ended. */
async function throughStream(check: DigestCheck): Promise<{ out: Buffer; error: Error | undefined }> {
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

/** Reads chunks through checkedChunks, copying each one out; what came out, and how it ended. */
async function throughChunks(
  chunks: AsyncIterable<Buffer>,
  check: ContentCheck,
): Promise<{ out: Buffer; error: Error | undefined }> {
  const out: Buffer[] = [];
  try {
    for await (const chunk of checkedChunks(chunks, check)) out.push(Buffer.from(chunk));
    return { out: Buffer.concat(out), error: undefined };
  } catch (error) {
    return { out: Buffer.concat(out), error: error as Error };
  }
}

/** `pieces` read one after the other into one buffer, the way FileChunks reads a file. */
async function* sharedBuffer(): AsyncGenerator<Buffer> {
  const buffer = Buffer.alloc(Math.max(...pieces.map((piece) => piece.length)));
  for (const piece of pieces) {
    piece.copy(buffer);
    yield buffer.subarray(0, piece.length);
  }
}

describe('ContentCheck', () => {
  it('passes content of the right digest and size', () => {
    const check = new ContentCheck({ digest: sha256(content), size: content.length }, mismatch);
    for (const piece of pieces) check.update(piece);
    expect(check.complete).toBe(true);
    expect(() => check.verify()).not.toThrow();
    expect(() => check.verify()).not.toThrow();
  });

  it('fails content longer than its size as soon as it passes it, and keeps the failure', () => {
    const check = new ContentCheck({ digest: sha256(content), size: 8 }, mismatch);
    check.update(pieces[0] ?? Buffer.alloc(0));
    expect(() => check.update(pieces[1] ?? Buffer.alloc(0))).toThrow(
      'the content is longer than its 8 bytes',
    );
    expect(check.failure?.message).toBe('the content is longer than its 8 bytes');
    expect(() => check.verify()).toThrow('the content is longer than its 8 bytes');
  });

  it('fails content shorter than its size, and a wrong digest', () => {
    const short = new ContentCheck({ digest: sha256(content), size: 100 }, mismatch);
    short.update(content);
    expect(() => short.verify()).toThrow(`the content has ${content.length} bytes, not 100`);
    const wrong = new ContentCheck({ digest: sha256(Buffer.from('other')) }, mismatch);
    wrong.update(content);
    expect(() => wrong.verify()).toThrow(`the content has digest ${sha256(content)}`);
  });

  it('checks sha512 digests too, and refuses algorithms it cannot compute', () => {
    const check = new ContentCheck(
      { digest: `sha512:${createHash('sha512').update(content).digest('hex')}` },
      mismatch,
    );
    check.update(content);
    expect(() => check.verify()).not.toThrow();
    expect(() => new ContentCheck({ digest: 'md5:0123' }, mismatch)).toThrow(
      /cannot check the digest md5:0123/,
    );
  });
});

describe('checkedChunks', () => {
  it('passes chunks of a known size through as they come, even when they share a buffer', async () => {
    const check = new ContentCheck({ digest: sha256(content), size: content.length }, mismatch);
    const { out, error } = await throughChunks(sharedBuffer(), check);
    expect(error).toBeUndefined();
    expect(out.equals(content)).toBe(true);
  });

  it('fails a wrong digest before the chunk that completes the content is let out', async () => {
    const wrong = sha256(Buffer.from('something else'));
    const check = new ContentCheck({ digest: wrong, size: content.length }, mismatch);
    const { out, error } = await throughChunks(sharedBuffer(), check);
    expect(error?.message).toBe(`the content has digest ${sha256(content)}`);
    expect(check.failure).toBe(error);
    expect(out.toString()).toBe('first second ');
  });

  it('fails content that ends short of its size', async () => {
    const check = new ContentCheck({ digest: sha256(content), size: content.length + 1 }, mismatch);
    const { error } = await throughChunks(sharedBuffer(), check);
    expect(error?.message).toBe(`the content has ${content.length} bytes, not ${content.length + 1}`);
  });

  it('without a size, holds each chunk back until the next: the last one only after the check', async () => {
    const good = await throughChunks(
      Readable.from(pieces),
      new ContentCheck({ digest: sha256(content) }, mismatch),
    );
    expect(good.out.equals(content)).toBe(true);
    const bad = await throughChunks(
      Readable.from(pieces),
      new ContentCheck({ digest: sha256(Buffer.from('x')) }, mismatch),
    );
    expect(bad.error?.message).toBe(`the content has digest ${sha256(content)}`);
    expect(bad.out.toString()).toBe('first second ');
  });
});

describe('DigestCheck', () => {
  it('passes content of the right digest and size through unchanged', async () => {
    const { out, error } = await throughStream(
      new DigestCheck(new ContentCheck({ digest: sha256(content), size: content.length }, mismatch)),
    );
    expect(error).toBeUndefined();
    expect(out.equals(content)).toBe(true);
  });

  it('fails a wrong digest before the last piece is let through (a reader never gets it whole)', async () => {
    const wrong = sha256(Buffer.from('something else'));
    const check = new DigestCheck(new ContentCheck({ digest: wrong }, mismatch));
    const { out, error } = await throughStream(check);
    expect(error?.message).toBe(`the content has digest ${sha256(content)}`);
    expect(check.failure).toBe(error);
    expect(out.toString()).toBe('first second ');
  });

  it('fails content longer than its size as soon as it passes it', async () => {
    const { out, error } = await throughStream(
      new DigestCheck(new ContentCheck({ digest: sha256(content), size: 8 }, mismatch)),
    );
    expect(error?.message).toBe('the content is longer than its 8 bytes');
    expect(out.length).toBeLessThan(8);
  });
});

describe('DigestingStream', () => {
  it('passes everything through and tells its digest and size at the end', async () => {
    const stream = new DigestingStream();
    const out: Buffer[] = [];
    for await (const chunk of Readable.from(pieces).pipe(stream)) out.push(chunk as Buffer);
    expect(Buffer.concat(out).equals(content)).toBe(true);
    expect(stream.size).toBe(content.length);
    expect(stream.digest()).toBe(sha256(content));
  });
});
