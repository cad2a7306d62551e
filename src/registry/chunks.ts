/**
 * Regroups a stream into pieces of exactly `size` bytes (the last one shorter): the chunks of a chunked
 * upload. Each piece is copied in as it arrives, since the stream may reuse its buffers (see
 * BlobReader), and only the chunk being filled is held, so memory stays bounded whatever the blob's size.
 */
export async function* chunksOf(stream: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  // A new buffer per chunk, not one reused: a chunk goes out with a request that may be sent again.
  let chunk: Buffer | undefined;
  let length = 0;
  for await (const piece of stream) {
    let rest = piece;
    while (rest.length > 0) {
      chunk ??= Buffer.allocUnsafe(size);
      const take = Math.min(size - length, rest.length);
      rest.copy(chunk, length, 0, take);
      length += take;
      rest = rest.subarray(take);
      if (length === size) {
        yield chunk;
        chunk = undefined;
        length = 0;
      }
    }
  }
  if (chunk && length > 0) yield chunk.subarray(0, length);
}
