import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifiedFileBody } from '../../src/stores/http-file-body.js';
import { UserError } from '../../src/util/errors.js';

const NO_PROGRESS = { advance: () => undefined, restart: () => undefined, finish: () => undefined };
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'file-body-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Every byte the body gives before it ends or fails, and how it ended. */
async function drain(body: NodeJS.ReadableStream): Promise<{ bytes: number; error: unknown }> {
  let bytes = 0;
  try {
    for await (const chunk of body) bytes += (chunk as Buffer).length;
    return { bytes, error: undefined };
  } catch (error) {
    return { bytes, error };
  }
}

describe('verifiedFileBody', () => {
  const content = Buffer.alloc(3 * 1024 * 1024 + 17, 7);

  it('gives the whole file when it is the planned size and sha256, telling progress of every byte', async () => {
    const file = join(scratch, 'same.deb');
    await writeFile(file, content);
    let advanced = 0;
    const progress = { ...NO_PROGRESS, advance: (bytes: number) => (advanced += bytes) };
    const result = await drain(verifiedFileBody({ file, size: content.length }, sha256(content), progress));
    expect(result).toEqual({ bytes: content.length, error: undefined });
    expect(advanced).toBe(content.length);
  });

  it.each([
    ['another sha256', (file: string) => ({ file, size: 3 * 1024 * 1024 + 17 }), 'f'.repeat(64)],
    ['a longer file', (file: string) => ({ file, size: 1024 * 1024 }), undefined],
    ['a shorter file', (file: string) => ({ file, size: 4 * 1024 * 1024 }), undefined],
  ])('holds back the last bytes of %s, and names the file', async (_, planned, sha) => {
    const file = join(scratch, 'changed.deb');
    await writeFile(file, content);
    const expected = planned(file);
    const result = await drain(verifiedFileBody(expected, sha, NO_PROGRESS));
    expect(result.error).toBeInstanceOf(UserError);
    expect(String(result.error)).toContain(`${file}: changed while it was being published`);
    // Short of the Content-Length the request announced: the server never has a whole body to keep.
    expect(result.bytes).toBeLessThan(expected.size);
  });
});
