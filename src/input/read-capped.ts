/**
 * Reads a stream of bytes (a file, stdin) with a size cap: reading stops as soon as the cap is passed
 * (so `/dev/zero` or a runaway pipe never fills memory), and the input is `input/too-large`, with the
 * cap in the message. The first bytes are checked for binary content before more is read.
 */
import { checkNotBinary } from './decode-input.js';
import { InputError, formatBytes } from './errors.js';

/** The default cap on one article's bytes: 5 MB, far above the longest news article. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export async function readCapped(stream: AsyncIterable<Uint8Array | string>, name: string, maxBytes: number = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const piece of stream) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    if (total === 0 && chunk.byteLength > 0) checkNotBinary(chunk, name);
    total += chunk.byteLength;
    if (total > maxBytes) {
      // leaving the loop destroys the stream: nothing more is read
      throw new InputError('input/too-large', name, { expected: `${formatBytes(maxBytes)} (raise it with --max-bytes)`, actual: `more than that after reading ${formatBytes(total)}` });
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

/** Throws `input/too-large` for a text (a JSON line's `text` or `html`) longer than the cap in UTF-8 bytes. */
export function checkSize(text: string, name: string, maxBytes: number = DEFAULT_MAX_BYTES): void {
  // a UTF-16 code unit is at most 3 UTF-8 bytes; count exactly only near the cap
  if (text.length * 3 <= maxBytes) return;
  const bytes = Buffer.byteLength(text);
  if (bytes > maxBytes) throw new InputError('input/too-large', name, { expected: `${formatBytes(maxBytes)} (raise it with --max-bytes)`, actual: formatBytes(bytes) });
}
