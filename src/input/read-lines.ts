/**
 * The lines of a JSON-lines input, read as a stream with a cap on each line: a line longer than the cap
 * is not held in memory but passed over to its end and yielded as `{ tooLong }` with its length, so
 * that a runaway line (a file with no line breaks, a pipe that never sends one) costs constant memory
 * and one error record. The first bytes are checked for binary content (`input/binary`): a JSON-lines
 * file never holds a NUL byte. Lines end at "\n"; a "\r" before it is dropped.
 */
import { checkNotBinary } from './decode-input.js';

export type LineItem = string | { readonly tooLong: number };

export async function* readLines(stream: AsyncIterable<Uint8Array | string>, name: string, maxLineChars: number): AsyncGenerator<LineItem> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  /** Characters of the current line passed over, once it is longer than the cap. */
  let dropped = -1;
  let first = true;
  const take = function* (text: string): Generator<LineItem> {
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      const part = text.slice(from, nl);
      from = nl + 1;
      if (dropped >= 0) {
        yield { tooLong: dropped + part.length };
        dropped = -1;
      } else if (pending.length + part.length > maxLineChars) {
        yield { tooLong: pending.length + part.length };
        pending = '';
      } else {
        const line = pending + part;
        pending = '';
        yield line.endsWith('\r') ? line.slice(0, -1) : line;
      }
    }
    const rest = text.slice(from);
    if (dropped >= 0) dropped += rest.length;
    else if (pending.length + rest.length > maxLineChars) {
      dropped = pending.length + rest.length;
      pending = '';
    } else pending += rest;
  };
  for await (const piece of stream) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    if (first && chunk.byteLength > 0) {
      checkNotBinary(chunk, name);
      first = false;
    }
    yield* take(decoder.decode(chunk, { stream: true }));
  }
  yield* take(decoder.decode());
  if (dropped >= 0) yield { tooLong: dropped };
  else if (pending !== '') yield pending.endsWith('\r') ? pending.slice(0, -1) : pending;
}
