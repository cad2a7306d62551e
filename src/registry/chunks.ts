/**
 * Regroups a stream into pieces of exactly `size` bytes (the last one shorter): the chunks of a chunked
 * upload. At most one chunk is held at a time, so memory stays bounded whatever the blob's size.
 */
export async function* chunksOf(stream: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let length = 0;
  for await (const piece of stream) {
    let rest = piece;
    while (length + rest.length >= size) {
      const take = size - length;
      parts.push(rest.subarray(0, take));
      yield Buffer.concat(parts);
      parts = [];
      length = 0;
      rest = rest.subarray(take);
    }
    if (rest.length > 0) {
      parts.push(rest);
      length += rest.length;
    }
  }
  if (length > 0) yield Buffer.concat(parts);
}
