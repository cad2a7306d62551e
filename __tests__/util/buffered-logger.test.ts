import { describe, expect, it } from 'vitest';
import { bufferedLogger } from '../../src/util/buffered-logger.js';
import type { Logger } from '../../src/util/logger.js';

/** A logger writing what a runner's log would show, one string per line. */
function transcript(): { readonly logger: Logger; readonly lines: string[] } {
  const lines: string[] = [];
  const logger: Logger = {
    info: (message) => lines.push(message),
    warning: (message) => lines.push(`warning: ${message}`),
    debug: (message) => lines.push(`debug: ${message}`),
    async group(title, fn) {
      lines.push(`::group::${title}`);
      try {
        return await fn();
      } finally {
        lines.push('::endgroup::');
      }
    },
  };
  return { logger, lines };
}

describe('bufferedLogger', () => {
  it('keeps lines and whole groups until replayed, in the order they were told', async () => {
    const buffer = bufferedLogger();
    buffer.info('before');
    const answer = await buffer.group('Push a', async () => {
      buffer.info('one');
      buffer.warning('two');
      // Nested groups are flattened, as a runner shows them.
      await buffer.group('inner', async () => buffer.debug('three'));
      return 42;
    });
    expect(answer).toBe(42);
    buffer.info('after');
    const { logger, lines } = transcript();
    expect(lines).toEqual([]);
    await buffer.replay(logger);
    expect(lines).toEqual([
      'before',
      '::group::Push a',
      'one',
      'warning: two',
      'debug: three',
      '::endgroup::',
      'after',
    ]);
  });

  it('keeps the lines of a group whose work failed', async () => {
    const buffer = bufferedLogger();
    await expect(
      buffer.group('Publish x', async () => {
        buffer.info('started');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const { logger, lines } = transcript();
    await buffer.replay(logger);
    expect(lines).toEqual(['::group::Publish x', 'started', '::endgroup::']);
  });
});
