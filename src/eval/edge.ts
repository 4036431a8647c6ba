/**
 * `EDGE` of score.py: the characters trimmed from both ends of a span before exact matching (spaces,
 * sentence punctuation, brackets, dashes and quotation marks), so that `“We are ready,”` and
 * `We are ready` are the same content.
 */
import { pyIndex } from './python-compat.js';
import type { Range } from './predictions.js';

export const EDGE = ' \t\n\r.,;:!?"\'“”‘’«»()[]—–-';

/** Whether every code point of `s` is an edge character (true for the empty string, as Python's `all`). */
export function isAllEdge(s: string): boolean {
  for (const ch of s) if (!EDGE.includes(ch)) return false;
  return true;
}

/** `trim`: the span [a, b) of the code points `text` without edge characters at either end. */
export function trimSpan(text: readonly string[], a: number, b: number): Range {
  while (a < b && EDGE.includes(pyIndex(text, a))) a += 1;
  while (b > a && EDGE.includes(pyIndex(text, b - 1))) b -= 1;
  return [a, b];
}
