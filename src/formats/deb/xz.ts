// xz-decompress is a CommonJS bundle whose named export Node cannot see from ESM: take the module object.
import xzDecompress from 'xz-decompress';

/**
 * Decompresses xz bytes in memory. Node has no xz of its own; xz-decompress is xz-embedded compiled
 * to WebAssembly (inlined in its JS), so it needs no native addon and bundles with ncc. It lets one
 * stream decode at a time and frees its turn only when a stream ends, fails or is cancelled: every
 * path here does one of those. Output beyond `maxBytes` is refused (a small input can expand hugely).
 */
export async function xzDecompressBytes(bytes: Uint8Array, maxBytes: number): Promise<Buffer> {
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const reader = new xzDecompress.XzReadableStream(input).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new RangeError(`decompresses to more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
