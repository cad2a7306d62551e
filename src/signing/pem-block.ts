import { decodeBase64 } from './base64.js';

/** One PEM block: its label (`ENCRYPTED SIGSTORE PRIVATE KEY`) and the bytes its base64 body holds. */
export interface PemBlock {
  readonly type: string;
  readonly bytes: Buffer;
}

// Text around the block is skipped, as Go's pem.Decode (which cosign uses) skips it. Any whitespace may
// separate the lines: a secret pasted through a form can come back with its line breaks changed.
const BLOCK = /-----BEGIN ([A-Z0-9][A-Z0-9 ]*)-----([\s\S]*?)-----END \1-----/;

/**
 * The first PEM block of the text, or undefined if there is none or its body is not base64 (headers
 * such as `Proc-Type:` included: cosign writes none).
 */
export function firstPemBlock(text: string): PemBlock | undefined {
  const match = BLOCK.exec(text);
  if (!match) return undefined;
  const [, type = '', body = ''] = match;
  const bytes = decodeBase64(body.replace(/\s+/g, ''));
  return bytes && bytes.length > 0 ? { type, bytes } : undefined;
}
